package cn.onedoor.court;

import cn.onedoor.bridge.OutboundRequests;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 向法院提交司法确认申请（法院回调受理、延期、裁定）。 */
@Component("submitConfirmationApplication")
class SubmitConfirmationApplicationDelegate implements JavaDelegate {

  private final OutboundRequests outbound;

  SubmitConfirmationApplicationDelegate(OutboundRequests outbound) {
    this.outbound = outbound;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String step = "CONFIRMATION_APPLICATION";
    outbound.record(outbound.idempotencyKey(execution, step), "COURT", step, execution.getProcessBusinessKey(),
        "agreementDate=" + execution.getVariable("agreementDate"));
  }
}
