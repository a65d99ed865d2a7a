package cn.onedoor.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.support.Http;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

// The job executor runs here (the test profile turns it off) so that its health is reported;
// Spring's test support
// turns metrics export off unless asked, and the Prometheus endpoint is what we test.
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=true")
@AutoConfigureObservability
@ActiveProfiles("test")
class HealthAndMetricsTest {

  @LocalServerPort int port;

  @Autowired RepositoryService repositoryService;

  @Autowired RuntimeService runtimeService;

  @Autowired JdbcTemplate jdbc;

  @Test
  void healthShowsDatabaseEngineAndJobExecutorToAnyone() {
    HttpResponse<String> health = new Http(port).get("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body())
        .contains("\"db\":{\"status\":\"UP\"")
        .contains("\"processEngine\":{\"status\":\"UP\"")
        .contains("\"jobExecutor\":{\"status\":\"UP\"");
  }

  @Test
  void prometheusNeedsALoginAndShowsWhatTheEngineIsDoing() {
    assertThat(new Http(port).get("/actuator/prometheus").statusCode()).isEqualTo(401);

    repositoryService
        .createDeployment()
        .addModelInstance(
            "metrics-probe.bpmn",
            Bpmn.createExecutableProcess("metricsProbe")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Task_Wait")
                .endEvent()
                .done())
        .deploy();
    runtimeService.startProcessInstanceByKey("metricsProbe");

    HttpResponse<String> metrics = new Http(port).as("admin", "demo").get("/actuator/prometheus");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .containsPattern("camunda_process_instances_active\\{[^}]*} [1-9]")
        .containsPattern("camunda_user_tasks_open\\{[^}]*} [1-9]")
        .contains("camunda_incidents_open")
        .contains("camunda_jobs_executable")
        .contains("camunda_activity_instances_started_total");
  }

  /**
   * A stage report that ran out of tries (written as the outbox leaves it) is what an incident was:
   * named with case, system and error in health and counted in metrics for operators, and sent
   * again by an administrator.
   */
  @Test
  void aStageReportThatFailedForGoodIsNamedInHealthAndMetricsAndAnAdministratorSendsItAgain() {
    String caseCode = "511725-2026-009901";
    Timestamp then = Timestamp.from(Instant.parse("2026-12-04T01:00:00Z"));
    jdbc.update(
        "insert into stage_report (case_code, stage, system_name, step, idempotency_key,"
            + " entered_at, due_at, attempts, failed_at, last_error)"
            + " values (?, 'MEDIATION', 'PROVINCIAL_PLATFORM', 'REPORT_STAGE_MEDIATION', ?, ?, ?, 5,"
            + " ?, ?)",
        caseCode,
        caseCode + ":REPORT_STAGE_MEDIATION:1",
        then,
        then,
        then,
        "省矛盾纠纷多元化解信息系统 POST /case-reports 答复 HTTP 503：维护中（将自动重试）");
    long id =
        jdbc.queryForObject(
            "select id from stage_report where case_code = ?", Long.class, caseCode);

    HttpResponse<String> health = new Http(port).as("admin", "demo").get("/actuator/health");
    assertThat(health.body())
        .contains("\"stageReports\":{\"status\":\"UP\"")
        .contains(caseCode, "省矛盾纠纷多元化解信息系统", "REPORT_STAGE_MEDIATION", "HTTP 503：维护中");
    assertThat(new Http(port).as("admin", "demo").get("/actuator/prometheus").body())
        .containsPattern("onedoor_stage_reports_failed(\\{[^}]*})? 1\\.0");

    String sendAgain = "/api/operations/stage-reports/" + id + "/send-again";
    assertThat(new Http(port).as("villagemediator", "demo").postJson(sendAgain, "{}").statusCode())
        .as("administrators only")
        .isEqualTo(403);
    assertThat(
            new Http(port).as("admin", "demo").get("/api/operations/stage-reports/failed").body())
        .contains(caseCode, "HTTP 503");
    assertThat(new Http(port).as("admin", "demo").postJson(sendAgain, "{}").statusCode())
        .isEqualTo(204);
    assertThat(
            new Http(port).as("admin", "demo").get("/api/operations/stage-reports/failed").body())
        .doesNotContain(caseCode);
    HttpResponse<String> unknown =
        new Http(port)
            .as("admin", "demo")
            .postJson("/api/operations/stage-reports/0/send-again", "{}");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("没有这条失败的阶段报送");
  }
}
