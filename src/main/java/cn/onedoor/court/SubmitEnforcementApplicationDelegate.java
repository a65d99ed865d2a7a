package cn.onedoor.court;

import cn.onedoor.bridge.OutboundRequests;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 向法院提交强制执行申请（法院回调执行完毕）。 */
@Component("submitEnforcementApplication")
class SubmitEnforcementApplicationDelegate implements JavaDelegate {

  private final OutboundRequests outbound;

  SubmitEnforcementApplicationDelegate(OutboundRequests outbound) {
    this.outbound = outbound;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String step = "ENFORCEMENT_APPLICATION";
    outbound.record(outbound.idempotencyKey(execution, step), "COURT", step, execution.getProcessBusinessKey(),
        null);
  }
}
