package cn.onedoor.mediation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * How a mediation ended, for the case's next step (dispute-case reads {@code mediationOutcome}
 * back): set on the mediation diagram's end events as {@code
 * ${mediationOutcomes.refused(execution)}}, so the vocabulary of outcomes lives here and not in
 * expressions.
 */
@Component("mediationOutcomes")
public class MediationOutcomes {

  static final String OUTCOME = "mediationOutcome";

  /**
   * An agreement (written or oral) or performance on the spot: the mediator's recorded result is
   * the outcome.
   */
  public void agreement(DelegateExecution execution) {
    execution.setVariable(OUTCOME, execution.getVariable("mediationResult"));
  }

  public void refused(DelegateExecution execution) {
    execution.setVariable(OUTCOME, "REFUSED");
  }

  public void terminated(DelegateExecution execution) {
    execution.setVariable(OUTCOME, "TERMINATED");
  }

  public void expired(DelegateExecution execution) {
    execution.setVariable(OUTCOME, "EXPIRED");
  }
}
