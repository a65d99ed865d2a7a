package cn.onedoor.province;

import cn.onedoor.bridge.OutboundRequests;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 向四川省矛盾纠纷多元化解信息系统报送登记、结案。 */
@Component("reportToProvincialPlatform")
class ReportToProvincialPlatformDelegate implements JavaDelegate {

  private final OutboundRequests outbound;

  ReportToProvincialPlatformDelegate(OutboundRequests outbound) {
    this.outbound = outbound;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String step = "REPORT_" + execution.getVariable("report");
    outbound.record(outbound.idempotencyKey(execution, step), "PROVINCIAL_PLATFORM", step, execution.getProcessBusinessKey(),
        "stage=" + execution.getVariable("report"));
  }
}
