package cn.onedoor.legalaid;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** {@code ${legalAid.prepare(execution)}}: hands the decision table the hardship line in force. */
@Component("legalAid")
public class LegalAid {

  private final LegalAidSettings settings;

  LegalAid(LegalAidSettings settings) {
    this.settings = settings;
  }

  public void prepare(DelegateExecution execution) {
    execution.setVariable("hardshipLine", settings.hardshipLine().doubleValue());
  }
}
