package cn.onedoor.court;

import cn.onedoor.bridge.OutboundRequests;
import cn.onedoor.court.CourtClient.EnforcementApplication;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 向法院提交强制执行申请（法院回调执行完毕）。 */
@Component("submitEnforcementApplication")
class SubmitEnforcementApplicationDelegate implements JavaDelegate {

  private final OutboundRequests outbound;
  private final CourtClient court;

  SubmitEnforcementApplicationDelegate(OutboundRequests outbound, CourtClient court) {
    this.outbound = outbound;
    this.court = court;
  }

  @Override
  public void execute(DelegateExecution execution) {
    court.submitEnforcementApplication(
        outbound.key(execution, "ENFORCEMENT_APPLICATION"),
        new EnforcementApplication(execution.getProcessBusinessKey()));
  }
}
