package cn.onedoor.arbitration;

import cn.onedoor.arbitration.ArbitrationClient.Application;
import cn.onedoor.bridge.OutboundRequests;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 向劳动人事争议仲裁委员会提交仲裁申请（劳动争议调解仲裁法第28条）。 */
@Component("submitArbitrationApplication")
class SubmitArbitrationApplicationDelegate implements JavaDelegate {

  private final OutboundRequests outbound;
  private final ArbitrationClient arbitration;

  SubmitArbitrationApplicationDelegate(OutboundRequests outbound, ArbitrationClient arbitration) {
    this.outbound = outbound;
    this.arbitration = arbitration;
  }

  @Override
  public void execute(DelegateExecution execution) {
    arbitration.submitApplication(
        outbound.key(execution, "ARBITRATION_APPLICATION"),
        new Application(
            execution.getProcessBusinessKey(),
            (String) execution.getVariable("disputeType"),
            (String) execution.getVariable("summary")));
  }
}
