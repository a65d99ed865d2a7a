package cn.onedoor.legalaid;

import cn.onedoor.bridge.OutboundRequests;
import cn.onedoor.legalaid.LegalAidClient.Application;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 向法律援助系统提交申请；期限紧迫的标明先行援助。 */
@Component("submitLegalAidApplication")
class SubmitLegalAidApplicationDelegate implements JavaDelegate {

  private final OutboundRequests outbound;
  private final LegalAidClient legalAid;

  SubmitLegalAidApplicationDelegate(OutboundRequests outbound, LegalAidClient legalAid) {
    this.outbound = outbound;
    this.legalAid = legalAid;
  }

  @Override
  public void execute(DelegateExecution execution) {
    legalAid.submitApplication(
        outbound.key(execution, "LEGAL_AID_APPLICATION"),
        new Application(
            execution.getProcessBusinessKey(),
            Boolean.TRUE.equals(execution.getVariable("urgent")),
            (String) execution.getVariable("aidMatter")));
  }
}
