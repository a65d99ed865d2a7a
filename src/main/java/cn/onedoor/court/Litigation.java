package cn.onedoor.court;

import cn.onedoor.deadline.ProcessDeadlines;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What the litigation-mediation diagram records along the court's path: the entrusted mediation not
 * yet extended, when the judgment was delivered (the appeal period counts from it), and the outcome
 * dispute-case reads back ({@code litigationOutcome}).
 */
@Component("litigation")
public class Litigation {

  static final String OUTCOME = "litigationOutcome";

  private final ProcessDeadlines deadlines;

  Litigation(ProcessDeadlines deadlines) {
    this.deadlines = deadlines;
  }

  public void started(DelegateExecution execution) {
    execution.setVariable("entrustedExtended", false);
  }

  public void judgmentDelivered(DelegateExecution execution) {
    execution.setVariable("judgmentDeliveredAt", deadlines.now());
  }

  public void settled(DelegateExecution execution) {
    execution.setVariable(OUTCOME, "SETTLED");
  }

  public void judgedAndPerformed(DelegateExecution execution) {
    execution.setVariable(OUTCOME, "JUDGED_PERFORMED");
  }

  public void enforcementNeeded(DelegateExecution execution) {
    execution.setVariable(OUTCOME, "ENFORCEMENT_NEEDED");
  }
}
