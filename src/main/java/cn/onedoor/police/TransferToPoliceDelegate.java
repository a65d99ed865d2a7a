package cn.onedoor.police;

import cn.onedoor.bridge.OutboundRequests;
import cn.onedoor.police.PoliceClient.Transfer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 移送公安：把案件连同移送报告送公安机关（公安回调“已受理”）。 */
@Component("transferToPolice")
class TransferToPoliceDelegate implements JavaDelegate {

  private final OutboundRequests outbound;
  private final PoliceClient police;

  TransferToPoliceDelegate(OutboundRequests outbound, PoliceClient police) {
    this.outbound = outbound;
    this.police = police;
  }

  @Override
  public void execute(DelegateExecution execution) {
    police.transfer(
        outbound.key(execution, "POLICE_TRANSFER"),
        new Transfer(
            execution.getProcessBusinessKey(),
            (String) execution.getVariable("transferReason"),
            (String) execution.getVariable("disputeType"),
            (String) execution.getVariable("summary")));
  }
}
