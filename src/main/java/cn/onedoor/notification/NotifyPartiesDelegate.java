package cn.onedoor.notification;

import cn.onedoor.bridge.OutboundRequests;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 短信告知当事人（案件编码、结果）；号码由短信网关按案件编码从案件登记取得，不经过流程变量。 */
@Component("notifyParties")
class NotifyPartiesDelegate implements JavaDelegate {

  private final OutboundRequests outbound;

  NotifyPartiesDelegate(OutboundRequests outbound) {
    this.outbound = outbound;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String step = "SMS_" + execution.getVariable("notice");
    outbound.record(outbound.idempotencyKey(execution, step), "SMS", step, execution.getProcessBusinessKey(),
        "notice=" + execution.getVariable("notice"));
  }
}
