package cn.onedoor.court;

import cn.onedoor.bridge.OutboundRequests;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 向法院提交起诉材料，法院先行委派或委托调解。 */
@Component("requestCaseFiling")
class RequestCaseFilingDelegate implements JavaDelegate {

  private final OutboundRequests outbound;

  RequestCaseFilingDelegate(OutboundRequests outbound) {
    this.outbound = outbound;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String step = "FILING_REQUEST";
    outbound.record(outbound.idempotencyKey(execution, step), "COURT", step, execution.getProcessBusinessKey(),
        "disputeType=" + execution.getVariable("disputeType"));
  }
}
