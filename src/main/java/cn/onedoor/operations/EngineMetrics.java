package cn.onedoor.operations;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.stereotype.Component;

/**
 * The engine's state for Prometheus: what is waiting now (gauges, counted at scrape time) and what
 * the engine has done (counters from the engine's own metrics, which it writes to its database
 * every few minutes, so they lag).
 */
@Component
class EngineMetrics implements MeterBinder {

  private final ProcessEngine engine;

  EngineMetrics(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder(
            "camunda.process.instances.active",
            engine,
            e -> e.getRuntimeService().createProcessInstanceQuery().active().count())
        .description("Process instances running now")
        .register(registry);
    Gauge.builder(
            "camunda.user.tasks.open", engine, e -> e.getTaskService().createTaskQuery().count())
        .description("User tasks waiting for a person")
        .register(registry);
    Gauge.builder(
            "camunda.incidents.open",
            engine,
            e -> e.getRuntimeService().createIncidentQuery().count())
        .description("Open incidents: jobs that ran out of retries and wait for an operator")
        .register(registry);
    Gauge.builder(
            "camunda.jobs.executable",
            engine,
            e -> e.getManagementService().createJobQuery().executable().count())
        .description("Jobs due now and waiting for the job executor")
        .register(registry);
    Gauge.builder(
            "camunda.jobs.failed",
            engine,
            e -> e.getManagementService().createJobQuery().withException().count())
        .description("Jobs whose last run failed")
        .register(registry);

    ManagementService management = engine.getManagementService();
    counter(
        registry, management, Metrics.JOB_SUCCESSFUL, "camunda.jobs.successful", "Jobs completed");
    counter(
        registry, management, Metrics.JOB_FAILED, "camunda.jobs.failures", "Job runs that failed");
    counter(
        registry,
        management,
        Metrics.ACTIVTY_INSTANCE_START,
        "camunda.activity.instances.started",
        "Flow-node instances started");
    counter(
        registry,
        management,
        Metrics.ROOT_PROCESS_INSTANCE_START,
        "camunda.root.process.instances.started",
        "Cases started (root process instances)");
  }

  private static void counter(
      MeterRegistry registry,
      ManagementService management,
      String metric,
      String name,
      String description) {
    FunctionCounter.builder(name, management, m -> m.createMetricsQuery().name(metric).sum())
        .description(description)
        .register(registry);
  }
}
