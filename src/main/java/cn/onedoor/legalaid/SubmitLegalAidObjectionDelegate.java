package cn.onedoor.legalaid;

import cn.onedoor.bridge.OutboundRequests;
import cn.onedoor.legalaid.LegalAidClient.Objection;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 当事人对不予援助决定的异议送交法律援助系统（5日内决定，回调异议审查决定）。 */
@Component("submitLegalAidObjection")
class SubmitLegalAidObjectionDelegate implements JavaDelegate {

  private final OutboundRequests outbound;
  private final LegalAidClient legalAid;

  SubmitLegalAidObjectionDelegate(OutboundRequests outbound, LegalAidClient legalAid) {
    this.outbound = outbound;
    this.legalAid = legalAid;
  }

  @Override
  public void execute(DelegateExecution execution) {
    legalAid.submitObjection(
        outbound.key(execution, "LEGAL_AID_OBJECTION"),
        new Objection(
            execution.getProcessBusinessKey(), (String) execution.getVariable("objectionNote")));
  }
}
