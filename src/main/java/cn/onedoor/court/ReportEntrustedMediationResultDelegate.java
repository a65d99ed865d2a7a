package cn.onedoor.court;

import cn.onedoor.bridge.OutboundRequests;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 向法院反馈委派/委托调解结果。 */
@Component("reportEntrustedMediationResult")
class ReportEntrustedMediationResultDelegate implements JavaDelegate {

  private final OutboundRequests outbound;

  ReportEntrustedMediationResultDelegate(OutboundRequests outbound) {
    this.outbound = outbound;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String step = "ENTRUSTED_MEDIATION_" + execution.getVariable("result");
    outbound.record(outbound.idempotencyKey(execution, step), "COURT", step, execution.getProcessBusinessKey(),
        "result=" + execution.getVariable("result"));
  }
}
