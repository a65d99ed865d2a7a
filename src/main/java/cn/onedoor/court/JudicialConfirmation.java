package cn.onedoor.court;

import cn.onedoor.deadline.ProcessDeadlines;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What the judicial-confirmation diagram records as the court answers: when the application was
 * accepted (the review period counts from it) and the outcome dispute-case reads back ({@code
 * confirmationOutcome}).
 */
@Component("judicialConfirmation")
public class JudicialConfirmation {

  private final ProcessDeadlines deadlines;

  JudicialConfirmation(ProcessDeadlines deadlines) {
    this.deadlines = deadlines;
  }

  public void accepted(DelegateExecution execution) {
    execution.setVariable("confirmationAcceptedAt", deadlines.now());
  }

  /** The court's ruling as it came with the callback. */
  public void ruled(DelegateExecution execution) {
    execution.setVariable("confirmationOutcome", execution.getVariable("confirmationRuling"));
  }

  /** The parties did not apply, or the 30-day window closed. */
  public void notApplied(DelegateExecution execution) {
    execution.setVariable("confirmationOutcome", "NOT_APPLIED");
  }
}
