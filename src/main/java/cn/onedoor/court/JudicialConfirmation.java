package cn.onedoor.court;

import cn.onedoor.casefile.CaseJournal;
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
  private final CaseJournal journal;

  JudicialConfirmation(ProcessDeadlines deadlines, CaseJournal journal) {
    this.deadlines = deadlines;
    this.journal = journal;
  }

  public void accepted(DelegateExecution execution) {
    execution.setVariable("confirmationAcceptedAt", deadlines.now());
  }

  /**
   * The court's ruling as it came with the callback, and when: a ruling confirming the agreement is
   * effective on service, so an enforcement window without a performance date counts from it (art
   * 250).
   */
  public void ruled(DelegateExecution execution) {
    execution.setVariable("confirmationRuledAt", deadlines.now());
    execution.setVariable("confirmationOutcome", execution.getVariable("confirmationRuling"));
  }

  /**
   * The court ruled not to accept the application (不予受理), with its reason in {@code
   * confirmationNotAcceptedReason} (the mediator reads it on the next task). The journal keeps a
   * fixed text ({@code APPLICATION_NOT_ACCEPTED}; the kind column holds 24 characters), as the case
   * status shows it to the parties too.
   */
  public void notAccepted(DelegateExecution execution) {
    execution.setVariable("confirmationOutcome", "NOT_ACCEPTED");
    journal.record(
        execution.getProcessBusinessKey(),
        "APPLICATION_NOT_ACCEPTED",
        null,
        "法院裁定不予受理司法确认申请",
        null);
  }

  /** The parties did not apply, or the 30-day window closed. */
  public void notApplied(DelegateExecution execution) {
    execution.setVariable("confirmationOutcome", "NOT_APPLIED");
  }
}
