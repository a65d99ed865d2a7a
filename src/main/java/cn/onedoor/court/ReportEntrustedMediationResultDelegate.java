package cn.onedoor.court;

import cn.onedoor.bridge.OutboundRequests;
import cn.onedoor.court.CourtClient.EntrustedMediationResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 向法院反馈委派/委托调解结果（成功、不成或期满、双方同意延长）。 */
@Component("reportEntrustedMediationResult")
class ReportEntrustedMediationResultDelegate implements JavaDelegate {

  private final OutboundRequests outbound;
  private final CourtClient court;

  ReportEntrustedMediationResultDelegate(OutboundRequests outbound, CourtClient court) {
    this.outbound = outbound;
    this.court = court;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String result = (String) execution.getVariable("result");
    court.reportEntrustedMediationResult(
        outbound.key(execution, "ENTRUSTED_MEDIATION_" + result),
        new EntrustedMediationResult(
            execution.getProcessBusinessKey(),
            result,
            "COURT".equals(execution.getVariable("acceptedElsewhere"))));
  }
}
