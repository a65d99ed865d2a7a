package cn.onedoor.court;

import cn.onedoor.bridge.OutboundRequests;
import cn.onedoor.court.CourtClient.ConfirmationApplication;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 向法院提交司法确认申请（法院回调受理、延期、裁定）。 */
@Component("submitConfirmationApplication")
class SubmitConfirmationApplicationDelegate implements JavaDelegate {

  private final OutboundRequests outbound;
  private final CourtClient court;

  SubmitConfirmationApplicationDelegate(OutboundRequests outbound, CourtClient court) {
    this.outbound = outbound;
    this.court = court;
  }

  @Override
  public void execute(DelegateExecution execution) {
    court.submitConfirmationApplication(
        outbound.key(execution, "CONFIRMATION_APPLICATION"),
        new ConfirmationApplication(
            execution.getProcessBusinessKey(),
            Objects.toString(execution.getVariable("agreementDate"), null),
            (String) execution.getVariable("disputeType")));
  }
}
