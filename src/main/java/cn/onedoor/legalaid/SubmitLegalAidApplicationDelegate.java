package cn.onedoor.legalaid;

import cn.onedoor.bridge.OutboundRequests;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 向法律援助系统提交申请；期限紧迫的标明先行援助。 */
@Component("submitLegalAidApplication")
class SubmitLegalAidApplicationDelegate implements JavaDelegate {

  private final OutboundRequests outbound;

  SubmitLegalAidApplicationDelegate(OutboundRequests outbound) {
    this.outbound = outbound;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String step = "LEGAL_AID_APPLICATION";
    outbound.record(outbound.idempotencyKey(execution, step), "LEGAL_AID", step, execution.getProcessBusinessKey(),
        "urgent=" + execution.getVariable("urgent") + ";aidMatter=" + execution.getVariable("aidMatter"));
  }
}
