package cn.onedoor.legalaid;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code ${legalAid.prepare(execution)}}: hands the decision table the hardship line in force;
 * {@code granted} and {@code refused} record the legal aid centre's answer that dispute-case reads
 * back ({@code legalAidGranted}).
 */
@Component("legalAid")
public class LegalAid {

  private final LegalAidSettings settings;

  LegalAid(LegalAidSettings settings) {
    this.settings = settings;
  }

  public void prepare(DelegateExecution execution) {
    execution.setVariable("hardshipLine", settings.hardshipLine().doubleValue());
  }

  public void granted(DelegateExecution execution) {
    execution.setVariable("legalAidGranted", true);
  }

  public void refused(DelegateExecution execution) {
    execution.setVariable("legalAidGranted", false);
  }
}
