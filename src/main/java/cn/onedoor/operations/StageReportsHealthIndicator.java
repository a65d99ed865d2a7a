package cn.onedoor.operations;

import cn.onedoor.province.StageReports;
import cn.onedoor.province.StageReports.StageReport;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Stage reports (provincial platform, parties' SMS, grid system) that ran out of tries or were
 * refused: what an incident of the former {@code case-status-report} process showed in Cockpit, now
 * the {@code stageReports} health component (case, system, step, tries and the system's error, for
 * a logged-in user) and the gauges {@code onedoor.stage.reports.failed} / {@code .waiting}.
 *
 * <p>Always UP, as an incident does not stop the application: the case itself goes on; an operator
 * fixes the cause and sends the report again ({@code POST
 * /api/operations/stage-reports/{id}/send-again}).
 */
@Component
class StageReportsHealthIndicator implements HealthIndicator, MeterBinder {

  /** The health details list at most this many failures, oldest first; the count says the rest. */
  private static final int LISTED = 20;

  private final StageReports reports;

  StageReportsHealthIndicator(StageReports reports) {
    this.reports = reports;
  }

  @Override
  public Health health() {
    List<StageReport> failed = reports.failed();
    Health.Builder health = Health.up().withDetail("failed", failed.size());
    if (!failed.isEmpty()) {
      health
          .withDetail(
              "failures",
              failed.stream().limit(LISTED).map(StageReportsHealthIndicator::describe).toList())
          .withDetail("warning", failed.size() + " 条阶段报送重试用尽或被对方拒绝，案件本身照常办理；请排除原因后重新发送");
    }
    return health.build();
  }

  private static Map<String, Object> describe(StageReport report) {
    Map<String, Object> failure = new LinkedHashMap<>();
    failure.put("id", report.id());
    failure.put("caseCode", report.caseCode());
    failure.put("system", report.system().title());
    failure.put("step", report.step());
    failure.put("tries", report.attempts());
    failure.put("failedAt", report.failedAt());
    failure.put("error", report.lastError());
    return failure;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder(
            "onedoor.stage.reports.failed",
            reports,
            r -> r.counts().map(counts -> counts[1]).orElse(0L))
        .description("Stage reports that ran out of tries or were refused, waiting for an operator")
        .register(registry);
    Gauge.builder(
            "onedoor.stage.reports.waiting",
            reports,
            r -> r.counts().map(counts -> counts[0] - counts[1]).orElse(0L))
        .description("Stage reports not yet delivered (due now or waiting for their next try)")
        .register(registry);
  }
}
