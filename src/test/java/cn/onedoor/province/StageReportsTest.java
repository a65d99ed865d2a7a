package cn.onedoor.province;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.bridge.OutboundRequests.Request;
import cn.onedoor.chain.ChainTest;
import cn.onedoor.intake.IntakeRequest;
import cn.onedoor.province.StageReports.StageReport;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stage reports from the outbox ({@code stage_report}): what the provincial platform, the parties
 * and the grid system receive over HTTP (WireMock) when a case enters a stage, the retries of a
 * failing platform and the failure an operator sees, and a node dying between sending and marking.
 */
class StageReportsTest extends ChainTest {

  private static final String CASE_REPORTS = "/provincial-platform/case-reports";

  @Autowired HealthContributorRegistry health;
  @Autowired PlatformTransactionManager transactions;
  @Autowired org.camunda.bpm.engine.RepositoryService repositoryService;

  private WireMockServer wire;

  @BeforeEach
  void systemsUp() {
    externalSystems.acceptEverything();
    wire = externalSystems.server();
  }

  @AfterEach
  void systemsUpAgain() {
    externalSystems.acceptEverything();
  }

  /** A village case a grid worker reported, registered with the grid system's event id. */
  private String registerGridReport(String reportId) {
    Map<String, Object> facts = villageNeighbourDispute();
    facts.put("source", "GRID");
    IntakeRequest request = intakeRequest(facts);
    IntakeRequest fromTheGrid =
        new IntakeRequest(
            request.source(),
            reportId,
            request.level(),
            request.townCode(),
            request.villageCode(),
            request.receivedBy(),
            request.disputeType(),
            request.summary(),
            request.amount(),
            request.occurredOn(),
            request.partyCount(),
            request.consentToMediation(),
            request.flags(),
            request.parties());
    String caseCode = intake.register(fromTheGrid, null, "intake").caseCode();
    runJobs();
    return caseCode;
  }

  private List<LoggedRequest> stageReportsOf(String caseCode, String stage) {
    return wire.findAll(
        postRequestedFor(urlEqualTo(CASE_REPORTS))
            .withRequestBody(matchingJsonPath("$.caseCode", equalTo(caseCode)))
            .withRequestBody(matchingJsonPath("$.report", equalTo("STAGE")))
            .withRequestBody(matchingJsonPath("$.stage", equalTo(stage))));
  }

  private List<String> stepsSent(String caseCode) {
    return outbound.forCase(caseCode).stream().map(Request::step).toList();
  }

  private Health stageReportsHealth() {
    return ((HealthIndicator) health.getContributor("stageReports")).health();
  }

  @Test
  void theProvinceAndThePartiesHearOfEachHandOverWithoutAProcessPerStage() {
    String caseCode = register(villageNeighbourDispute());

    wire.verify(
        1,
        postRequestedFor(urlEqualTo(CASE_REPORTS))
            .withHeader("Idempotency-Key", equalTo(caseCode + ":REPORT_STAGE_MEDIATION:1"))
            .withHeader("Authorization", equalTo("Bearer demo-province-key"))
            .withRequestBody(matchingJsonPath("$.caseCode", equalTo(caseCode)))
            .withRequestBody(matchingJsonPath("$.countyCode", equalTo("511725")))
            .withRequestBody(matchingJsonPath("$.report", equalTo("STAGE")))
            .withRequestBody(matchingJsonPath("$.stage", equalTo("MEDIATION")))
            .withRequestBody(matchingJsonPath("$.occurredAt", equalTo("2026-03-02T09:00+08:00"))));
    wire.verify(
        1,
        postRequestedFor(urlEqualTo("/sms/messages"))
            .withHeader("Idempotency-Key", equalTo(caseCode + ":SMS_STAGE_MEDIATION:1"))
            .withRequestBody(matchingJsonPath("$.notice", equalTo("STAGE_CHANGED")))
            .withRequestBody(matchingJsonPath("$.text", containing(caseCode))));
    assertThat(stepsSent(caseCode))
        .contains("REPORT_STAGE_ROUTING", "REPORT_STAGE_MEDIATION", "SMS_STAGE_MEDIATION")
        .as("routing is internal: the parties hear of the hand-over to mediation only")
        .doesNotContain("SMS_STAGE_ROUTING")
        .as("a case registered at the window has no grid report to answer")
        .noneMatch(step -> step.startsWith("GRID_STATUS_"));
    assertThat(stageReports.ofCase(caseCode)).as("delivered rows are deleted").isEmpty();
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(caseCode)
                .list())
        .as("no process instance per stage any more: the case and its stages' called processes")
        .noneMatch(instance -> "case-status-report".equals(instance.getProcessDefinitionKey()))
        .extracting(instance -> instance.getProcessDefinitionKey())
        .contains("dispute-case");
  }

  @Test
  void aGridWorkersReportHearsOfEveryStage() {
    String reportId = "grid-2026-outbox-" + System.nanoTime();
    String caseCode = registerGridReport(reportId);

    for (String stage : List.of("ROUTING", "MEDIATION")) {
      wire.verify(
          1,
          postRequestedFor(urlEqualTo("/grid/report-status"))
              .withHeader("Idempotency-Key", equalTo(caseCode + ":GRID_STATUS_" + stage + ":1"))
              .withRequestBody(matchingJsonPath("$.reportId", equalTo(reportId)))
              .withRequestBody(matchingJsonPath("$.stage", equalTo(stage))));
    }
    assertThat(stageReports.ofCase(caseCode)).isEmpty();
  }

  /**
   * A county upgrading keeps the deployed versions of the old {@code case-status-report}: a grid
   * case's report instance in flight at the upgrade still calls {@code reportStatusToGrid}, and its
   * report must reach the grid once rather than end as an incident nobody can resolve.
   */
  @Test
  void aReportInstanceStartedBeforeTheOutboxStillReachesTheGrid() {
    String reportId = "grid-2026-upgrade-" + System.nanoTime();
    String caseCode = registerGridReport(reportId);
    String deployment =
        repositoryService
            .createDeployment()
            .name("case-status-report as deployed before the outbox")
            .addModelInstance(
                "case-status-report.bpmn",
                org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("case-status-report")
                    .camundaHistoryTimeToLive(180)
                    .startEvent()
                    .serviceTask("ServiceTask_ReportStatusToGrid")
                    .camundaDelegateExpression("${reportStatusToGrid}")
                    .endEvent()
                    .done())
            .deploy()
            .getId();
    try {
      runtimeService.startProcessInstanceByKey(
          "case-status-report",
          caseCode,
          Map.of("caseCode", caseCode, "report", "STAGE", "stage", "MEDIATION", "stageVisit", 7));

      wire.verify(
          1,
          postRequestedFor(urlEqualTo("/grid/report-status"))
              .withHeader("Idempotency-Key", equalTo(caseCode + ":GRID_STATUS_MEDIATION:7"))
              .withRequestBody(matchingJsonPath("$.reportId", equalTo(reportId)))
              .withRequestBody(matchingJsonPath("$.stage", equalTo("MEDIATION"))));
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
  }

  @Test
  void aFailingPlatformIsTriedFiveTimesFiveMinutesApartThenTheFailureNamesTheCase() {
    wire.stubFor(
        post(urlEqualTo(CASE_REPORTS))
            .atPriority(1)
            .withRequestBody(matchingJsonPath("$.stage", equalTo("MEDIATION")))
            .willReturn(aResponse().withStatus(503).withBody("{\"message\":\"省平台维护中\"}")));
    String caseCode = register(villageNeighbourDispute());

    assertThat(stageReports.ofCase(caseCode))
        .singleElement()
        .satisfies(
            report -> {
              assertThat(report.step()).isEqualTo("REPORT_STAGE_MEDIATION");
              assertThat(report.attempts()).isEqualTo(1);
              assertThat(report.failedAt()).isNull();
              assertThat(report.lastError()).contains("HTTP 503", "省平台维护中");
            });
    assertThat(stepsSent(caseCode))
        .as("the parties' SMS does not wait for the platform")
        .contains("SMS_STAGE_MEDIATION");
    assertThat(openTaskKeys(caseCode)).as("the case goes on").isNotEmpty();

    moveClockTo(MONDAY_MORNING.plusMinutes(4));
    assertThat(stageReportsOf(caseCode, "MEDIATION")).as("not before 5 minutes").hasSize(1);
    for (int minutes = 5; minutes <= 20; minutes += 5) {
      moveClockTo(MONDAY_MORNING.plusMinutes(minutes));
    }
    assertThat(stageReportsOf(caseCode, "MEDIATION"))
        .as("5 tries, all with the same key")
        .hasSize(5)
        .extracting(r -> r.getHeader("Idempotency-Key"))
        .containsOnly(caseCode + ":REPORT_STAGE_MEDIATION:1");
    StageReport failed = stageReports.ofCase(caseCode).get(0);
    assertThat(failed.attempts()).isEqualTo(5);
    assertThat(failed.failedAt()).isNotNull();
    moveClockTo(MONDAY_MORNING.plusHours(2));
    assertThat(stageReportsOf(caseCode, "MEDIATION")).as("no sixth try by itself").hasSize(5);

    Health seen = stageReportsHealth();
    assertThat(seen.getDetails().get("failed")).isEqualTo(1);
    assertThat(seen.getDetails().get("failures").toString())
        .contains(caseCode, "省矛盾纠纷多元化解信息系统", "REPORT_STAGE_MEDIATION", "HTTP 503", "省平台维护中");

    // The platform is back; the operator sends it again.
    externalSystems.acceptEverything();
    assertThat(stageReports.sendAgain(failed.id())).isTrue();
    runJobs();
    assertThat(stageReports.ofCase(caseCode)).isEmpty();
    assertThat(stepsSent(caseCode)).containsOnlyOnce("REPORT_STAGE_MEDIATION");
    assertThat(stageReportsHealth().getDetails().get("failed")).isEqualTo(0);
  }

  @Test
  void aRefusalIsNotTriedAgain() {
    wire.stubFor(
        post(urlEqualTo(CASE_REPORTS))
            .atPriority(1)
            .withRequestBody(matchingJsonPath("$.stage", equalTo("MEDIATION")))
            .willReturn(
                aResponse()
                    .withStatus(422)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody("{\"detail\":\"阶段代码不在目录中\"}")));
    String caseCode = register(villageNeighbourDispute());
    moveClockTo(MONDAY_MORNING.plusMinutes(30));

    assertThat(stageReportsOf(caseCode, "MEDIATION")).hasSize(1);
    assertThat(stageReports.failed())
        .filteredOn(report -> report.caseCode().equals(caseCode))
        .singleElement()
        .satisfies(
            report -> {
              assertThat(report.attempts()).isEqualTo(1);
              assertThat(report.lastError()).contains("HTTP 422", "阶段代码不在目录中");
            });
    stageReports.failed().forEach(report -> stageReports.sendAgain(report.id()));
    externalSystems.acceptEverything();
    runJobs();
  }

  @Test
  void aNodeDyingBetweenSendingAndMarkingSendsTheSameKeyAgainAndRecordsOneEffect() {
    String caseCode =
        intake.register(intakeRequest(villageNeighbourDispute()), null, "intake").caseCode();
    runJobsOnly();
    assertThat(stageReports.ofCase(caseCode)).isNotEmpty();

    // Sent, then the transaction that would delete the rows never commits (the node died).
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            dying -> {
              stageReports.deliverDue();
              dying.setRollbackOnly();
            });
    assertThat(stageReportsOf(caseCode, "MEDIATION")).hasSize(1);
    assertThat(stageReports.ofCase(caseCode)).as("still owed").isNotEmpty();
    assertThat(stepsSent(caseCode)).doesNotContain("REPORT_STAGE_MEDIATION");

    stageReports.deliverDue();

    assertThat(stageReportsOf(caseCode, "MEDIATION"))
        .as("sent again under the same key, which the platform drops as a repeat")
        .hasSize(2)
        .extracting(r -> r.getHeader("Idempotency-Key"))
        .containsOnly(caseCode + ":REPORT_STAGE_MEDIATION:1");
    assertThat(stepsSent(caseCode)).containsOnlyOnce("REPORT_STAGE_MEDIATION");
    assertThat(stageReports.ofCase(caseCode)).isEmpty();
  }

  /** The due jobs, without sending the stage reports (what a node does before its poller runs). */
  private void runJobsOnly() {
    for (int round = 0; round < 50; round++) {
      List<Job> due = managementService.createJobQuery().executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> managementService.executeJob(job.getId()));
    }
  }
}
