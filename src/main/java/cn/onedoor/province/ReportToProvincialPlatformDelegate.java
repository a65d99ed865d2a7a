package cn.onedoor.province;

import cn.onedoor.bridge.OutboundRequests;
import cn.onedoor.province.ProvincialPlatformClient.CaseReport;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** 向四川省矛盾纠纷多元化解信息系统报送登记、阶段变化、结案。 */
@Component("reportToProvincialPlatform")
class ReportToProvincialPlatformDelegate implements JavaDelegate {

  private final OutboundRequests outbound;
  private final ProvincialPlatformClient platform;
  private final Clock clock;
  private final String countyCode;

  ReportToProvincialPlatformDelegate(
      OutboundRequests outbound,
      ProvincialPlatformClient platform,
      Clock clock,
      @Value("${onedoor.county.code}") String countyCode) {
    this.outbound = outbound;
    this.platform = platform;
    this.clock = clock;
    this.countyCode = countyCode;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String report = (String) execution.getVariable("report");
    String stage = (String) execution.getVariable("stage");
    String step = "STAGE".equals(report) ? "REPORT_STAGE_" + stage : "REPORT_" + report;
    platform.report(
        outbound.key(execution, step),
        new CaseReport(
            execution.getProcessBusinessKey(),
            countyCode,
            report,
            stage,
            OffsetDateTime.now(clock).toString()));
  }
}
