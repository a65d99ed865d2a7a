package cn.onedoor.court;

import cn.onedoor.bridge.OutboundRequests;
import cn.onedoor.court.CourtClient.FilingRequest;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 向法院提交起诉材料，法院先行委派或委托调解。 */
@Component("requestCaseFiling")
class RequestCaseFilingDelegate implements JavaDelegate {

  private final OutboundRequests outbound;
  private final CourtClient court;

  RequestCaseFilingDelegate(OutboundRequests outbound, CourtClient court) {
    this.outbound = outbound;
    this.court = court;
  }

  @Override
  public void execute(DelegateExecution execution) {
    court.requestFiling(
        outbound.key(execution, "FILING_REQUEST"),
        new FilingRequest(
            execution.getProcessBusinessKey(), (String) execution.getVariable("disputeType"),
            "COURT".equals(execution.getVariable("acceptedElsewhere")),
                (String) execution.getVariable("courtProcedure")));
  }
}
