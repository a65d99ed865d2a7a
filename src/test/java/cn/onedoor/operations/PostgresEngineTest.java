package cn.onedoor.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.intake.Intake;
import cn.onedoor.intake.IntakeRequest;
import cn.onedoor.security.FailedAttempts;
import cn.onedoor.support.Http;
import cn.onedoor.support.PostgresTestDatabase;
import cn.onedoor.support.TestResidentIds;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The same engine, identities and REST API on a real PostgreSQL, as production runs it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(PostgresTestDatabase.class)
class PostgresEngineTest {

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  @LocalServerPort int port;

  @Autowired DataSource dataSource;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired Intake intake;

  @Test
  void runsOnPostgresql() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
    assertThat(repositoryService.createDeploymentQuery().count()).isPositive();
    assertThat(identityService.checkPassword("townmediator", "demo")).isTrue();
  }

  @Test
  void aMediatorCompletesAGroupTaskOverRestAndHistoryKeepsIt() {
    repositoryService
        .createDeployment()
        .addModelInstance(
            "pg-probe.bpmn",
            Bpmn.createExecutableProcess("pgProbe")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Task_Mediate")
                .name("调解")
                .camundaCandidateGroups("mediator:town:511725104")
                .endEvent()
                .done())
        .deploy();
    String instanceId =
        runtimeService.startProcessInstanceByKey("pgProbe", "511725-2026-000001").getId();
    String taskId =
        taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();

    Http mediator = new Http(port).as("townmediator", "demo");
    HttpResponse<String> claim =
        mediator.postJson(
            "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"townmediator\"}");
    assertThat(claim.statusCode()).isEqualTo(204);
    HttpResponse<String> complete =
        mediator.postJson(
            "/engine-rest/task/" + taskId + "/complete",
            "{\"variables\":{\"outcome\":{\"value\":\"AGREEMENT\"}}}");
    assertThat(complete.statusCode()).isIn(200, 204);

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count())
        .isZero();
    var task =
        historyService
            .createHistoricTaskInstanceQuery()
            .processInstanceId(instanceId)
            .singleResult();
    assertThat(task.getAssignee()).isEqualTo("townmediator");
    assertThat(
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instanceId)
                .variableName("outcome")
                .singleResult()
                .getValue())
        .isEqualTo("AGREEMENT");
  }

  /**
   * A node died holding a job: once its lock has run out, the health endpoint names the node and
   * how many jobs it held, for the operator looking at a case that does not move.
   */
  @Test
  void aJobStillLockedPastItsLockTimeIsShownOnTheHealthEndpoint() throws Exception {
    repositoryService
        .createDeployment()
        .addModelInstance(
            "pg-lock-probe.bpmn",
            Bpmn.createExecutableProcess("pgLockProbe")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .intermediateCatchEvent("Timer_Wait")
                .timerWithDuration("P1D")
                .endEvent()
                .done())
        .deploy();
    String instanceId = runtimeService.startProcessInstanceByKey("pgLockProbe").getId();
    String jobId =
        managementService.createJobQuery().processInstanceId(instanceId).singleResult().getId();
    Http admin = new Http(port).as("admin", "demo");
    assertThat(JSON.readTree(admin.get("/actuator/health").body()).at("/components/jobLocks"))
        .hasToString("{\"status\":\"UP\",\"details\":{\"expiredLocks\":0}}");

    // What a node that was killed leaves behind: its lock on the job, run out a minute ago.
    new JdbcTemplate(dataSource)
        .update(
            "update ACT_RU_JOB set LOCK_OWNER_ = 'node-that-died', LOCK_EXP_TIME_ = ? where ID_ = ?",
            java.sql.Timestamp.from(Instant.now().minus(Duration.ofMinutes(1))),
            jobId);

    var locks =
        JSON.readTree(admin.get("/actuator/health").body()).at("/components/jobLocks/details");
    assertThat(locks.get("expiredLocks").asLong()).isEqualTo(1);
    assertThat(locks.at("/heldBy/node-that-died").asLong()).isEqualTo(1);
    assertThat(locks.get("warning").asText()).contains("锁已过期");
    assertThat(new Http(port).get("/actuator/health").body())
        .as("anonymous callers see the status, not the details")
        .doesNotContain("node-that-died");
  }

  /** The guessing limits' table (V50) and its queries on PostgreSQL's SQL dialect. */
  @Test
  void wrongGuessesAreCountedAndForgottenAfterTheirWindow() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    Instant start = Instant.parse("2026-03-02T01:00:00Z");
    FailedAttempts early =
        new FailedAttempts(
            jdbc, Clock.fixed(start, ZoneOffset.UTC), "PG_PROBE", 5, Duration.ofMinutes(15));
    for (int guess = 0; guess < 5; guess++) {
      assertThat(early.secondsBlocked("511725-2026-000001")).isZero();
      early.failed("511725-2026-000001");
    }
    assertThat(early.secondsBlocked("511725-2026-000001")).isEqualTo(900);
    assertThat(early.secondsBlocked("511725-2026-000002")).isZero();

    FailedAttempts later =
        new FailedAttempts(
            jdbc,
            Clock.fixed(start.plus(Duration.ofMinutes(16)), ZoneOffset.UTC),
            "PG_PROBE",
            5,
            Duration.ofMinutes(15));
    assertThat(later.secondsBlocked("511725-2026-000001")).isZero();
    later.failed("511725-2026-000002");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from failed_attempt where guard = 'PG_PROBE'", Long.class))
        .isEqualTo(1);
  }

  /**
   * Per-case read access (case_unit, per-instance grants, the audit's queries) on PostgreSQL's SQL
   * dialect.
   */
  @Test
  void aCaseIsReadByItsVillageAndNotByAnotherOne() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-02T01:00:00Z")));
    try {
      String caseCode =
          intake
              .register(
                  new IntakeRequest(
                      "WINDOW",
                      null,
                      "VILLAGE",
                      "511725104",
                      "511725104001",
                      "intake",
                      "NEIGHBOUR",
                      "相邻通行纠纷",
                      new BigDecimal("500"),
                      "2026-02-20",
                      2,
                      true,
                      new IntakeRequest.Flags(false, false, false, false, "NONE"),
                      List.of(
                          new IntakeRequest.Party(
                              "APPLICANT",
                              "PERSON",
                              "甲",
                              TestResidentIds.forNumber(811),
                              null,
                              "13900000811"),
                          new IntakeRequest.Party(
                              "RESPONDENT",
                              "PERSON",
                              "乙",
                              TestResidentIds.forNumber(812),
                              null,
                              null))),
                  null,
                  "intake")
              .caseCode();
      for (int round = 0;
          round < 20 && managementService.createJobQuery().executable().count() > 0;
          round++) {
        managementService
            .createJobQuery()
            .executable()
            .list()
            .forEach(job -> managementService.executeJob(job.getId()));
      }
      long instances =
          historyService
              .createHistoricProcessInstanceQuery()
              .processInstanceBusinessKey(caseCode)
              .count();
      assertThat(
              new Http(port)
                  .as("villagemediator", "demo")
                  .get(
                      "/engine-rest/history/process-instance/count?processInstanceBusinessKey="
                          + caseCode)
                  .body())
          .isEqualTo("{\"count\":" + instances + "}");
      assertThat(
              new Http(port).as("tuximediator", "demo").get("/api/cases/" + caseCode).statusCode())
          .isEqualTo(403);
      assertThat(
              new Http(port)
                  .as("villagemediator", "demo")
                  .get("/api/cases/" + caseCode)
                  .statusCode())
          .isEqualTo(200);
      assertThat(
              new Http(port)
                  .as("countysupervisor", "demo")
                  .get("/api/audit?caseCode=" + caseCode)
                  .statusCode())
          .isEqualTo(200);
    } finally {
      ClockUtil.reset();
    }
  }
}
