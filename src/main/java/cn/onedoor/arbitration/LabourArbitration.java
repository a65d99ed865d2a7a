package cn.onedoor.arbitration;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code ${labourArbitration.notAccepted(execution)}} …: the outcome of the labour arbitration that
 * dispute-case reads back ({@code arbitrationOutcome}): NOT_ACCEPTED (the party may sue, art 29),
 * SUED_AFTER_AWARD (within 15 days of the award, arts 48, 50), AWARD_EFFECTIVE (nobody sued in
 * time; a final award after the employer's 30 days to apply for setting it aside, art 49), and
 * {@code nextRoute} LITIGATION when the party may now sue.
 */
@Component("labourArbitration")
public class LabourArbitration {

  static final String OUTCOME = "arbitrationOutcome";

  /** The route dispute-case takes next: to court, now that arbitration has come first. */
  static final String NEXT_ROUTE = "nextRoute";

  public void notAccepted(DelegateExecution execution) {
    execution.setVariable(OUTCOME, "NOT_ACCEPTED");
    execution.setVariable(NEXT_ROUTE, "LITIGATION");
  }

  public void suedAfterAward(DelegateExecution execution) {
    execution.setVariable(OUTCOME, "SUED_AFTER_AWARD");
    execution.setVariable(NEXT_ROUTE, "LITIGATION");
  }

  public void awardEffective(DelegateExecution execution) {
    execution.setVariable(OUTCOME, "AWARD_EFFECTIVE");
  }
}
