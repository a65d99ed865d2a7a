package cn.onedoor.court;

import cn.onedoor.casefile.CaseJournal;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The court's clock of entrusted mediation (委派 before filing, 委托 after, docs/domain.md §4.5):
 * computed once when the mediation begins and kept in {@code entrustedMediationDue}, so the task's
 * due date and the timer that ends the period read the same day, and an extension adds its days to
 * that day, not to the day it is recorded. How long the period is and by how much it may be
 * extended are the diagram's (its elements name them); this bean only keeps the day.
 */
@Component("entrustedMediation")
public class EntrustedMediation {

  static final String DUE = "entrustedMediationDue";

  private final CaseJournal journal;

  EntrustedMediation(CaseJournal journal) {
    this.journal = journal;
  }

  /** The period ends on {@code due}: at its start, and again when both parties extend it. */
  public void periodEndsOn(DelegateExecution execution, Date due) {
    execution.setVariable(DUE, due);
  }

  /**
   * The period ended without an agreement: the court is told the mediation failed, and files or
   * tries the case.
   */
  public void periodEnded(DelegateExecution execution, String clockName) {
    journal.record(
        execution.getProcessBusinessKey(), "CLOCK_ENDED", null, clockName + " 期满未达成协议，退回法院", null);
  }
}
