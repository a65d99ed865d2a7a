package cn.onedoor.justice;

import cn.onedoor.bridge.OutboundRequests;
import cn.onedoor.justice.JusticeBureauClient.Objection;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 申请人对不予（终止）法律援助决定的异议送县司法局审查（法律援助法第49条，5日内）。 */
@Component("submitObjectionToJusticeBureau")
class SubmitObjectionToJusticeBureauDelegate implements JavaDelegate {

  private final OutboundRequests outbound;
  private final JusticeBureauClient justiceBureau;

  SubmitObjectionToJusticeBureauDelegate(
      OutboundRequests outbound, JusticeBureauClient justiceBureau) {
    this.outbound = outbound;
    this.justiceBureau = justiceBureau;
  }

  @Override
  public void execute(DelegateExecution execution) {
    justiceBureau.submitObjection(
        outbound.key(execution, "LEGAL_AID_OBJECTION"),
        new Objection(
            execution.getProcessBusinessKey(),
            (String) execution.getVariable("legalAidRefusalKind"),
            (String) execution.getVariable("legalAidRefusalReasons"),
            (String) execution.getVariable("objectionNote")));
  }
}
