package cn.onedoor.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * A clock extended by consent or by the court's decision: the diagram's flag for the longer period,
 * and an entry on the case with the period and the reason, so supervision can tell a late case from
 * an extended one.
 */
@Component("clockChanges")
public class ClockChanges {

  private final CaseJournal journal;

  ClockChanges(CaseJournal journal) {
    this.journal = journal;
  }

  public void extended(
      DelegateExecution execution, String flag, String clockName, String period, String reason) {
    execution.setVariable(flag, true);
    journal.record(
        execution.getProcessBusinessKey(),
        "CLOCK_EXTENDED",
        null,
        clockName + " 延长 " + period + "：" + reason,
        null);
  }
}
