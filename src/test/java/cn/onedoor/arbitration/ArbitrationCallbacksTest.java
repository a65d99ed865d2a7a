package cn.onedoor.arbitration;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.support.EngineClockTestConfiguration;
import cn.onedoor.support.SignedCallbacks;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The labour arbitration commission's callbacks over HTTP: signed with its own secret, validated
 * naming the field, applied once, refused with a reason when the case is not waiting for them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({EngineClockTestConfiguration.class, ProcessEngineCoverageConfiguration.class})
class ArbitrationCallbacksTest {

  static final String SECRET = "demo-arbitration-secret";
  private static int caseNumber = 640000;
  private static int callbackNumber;

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;

  SignedCallbacks callbacks;

  @BeforeEach
  void setUp() {
    ClockUtil.setCurrentTime(
        Date.from(OffsetDateTime.parse("2026-12-04T09:00:00+08:00").toInstant()));
    callbacks = new SignedCallbacks(port);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theCommissionsAnswersAreSignedValidatedAndAppliedOnce() {
    String caseCode = applied();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from outbound_request where case_code = ? and step like 'ARBITRATION_APPLICATION%'",
                Integer.class, caseCode))
        .as("sent to the commission with its idempotency key")
        .isOne();

    String award = body(caseCode, "\"finalAward\":false");
    assertThat(
            callbacks
                .post("/api/callbacks/arbitration/award", "demo-court-secret", award)
                .statusCode())
        .as("another system's secret")
        .isEqualTo(401);
    HttpResponse<String> early = callbacks.post("/api/callbacks/arbitration/award", SECRET, award);
    assertThat(early.statusCode()).as("no award before acceptance").isEqualTo(409);

    HttpResponse<String> missing =
        callbacks.post(
            "/api/callbacks/arbitration/acceptance", SECRET, body(caseCode, "\"reason\":\"x\""));
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("\"name\":\"accepted\"");

    String accepted = body(caseCode, "\"accepted\":true,\"acceptedOn\":\"2026-12-07\"");
    assertThat(
            callbacks.post("/api/callbacks/arbitration/acceptance", SECRET, accepted).statusCode())
        .isEqualTo(200);
    HttpResponse<String> again =
        callbacks.post("/api/callbacks/arbitration/acceptance", SECRET, accepted);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).contains("ALREADY_RECEIVED");
    assertThat(
            runtimeService
                .createExecutionQuery()
                .processInstanceBusinessKey(caseCode)
                .activityId("ReceiveTask_AwaitAward")
                .count())
        .isOne();
    assertThat(
            runtimeService.getVariable(
                runtimeService
                    .createProcessInstanceQuery()
                    .processInstanceBusinessKey(caseCode)
                    .processDefinitionKey("labour-arbitration")
                    .singleResult()
                    .getId(),
                "arbitrationAcceptedOn"))
        .isEqualTo("2026-12-07");

    assertThat(
            callbacks
                .post("/api/callbacks/arbitration/extension", SECRET, body(caseCode, null))
                .statusCode())
        .isEqualTo(200);
    assertThat(
            callbacks
                .post("/api/callbacks/arbitration/extension", SECRET, body(caseCode, null))
                .statusCode())
        .as("extended once only (art 43)")
        .isEqualTo(409);
  }

  private String applied() {
    String caseCode = "511725-2026-" + (++caseNumber);
    Map<String, Object> variables = new HashMap<>();
    variables.put("channel", "COMMITTEE_LABOUR");
    variables.put("handlingLevel", "COUNTY");
    variables.put("townCode", "511725103");
    variables.put("villageCode", "511725103001");
    variables.put("riskGrade", "BLUE");
    variables.put("disputeType", "LABOUR");
    variables.put("summary", "工人被拖欠工资");
    runtimeService.startProcessInstanceByKey("labour-arbitration", caseCode, variables);
    runJobs();
    return caseCode;
  }

  private static String body(String caseCode, String fields) {
    return "{\"callbackId\":\"arb-cb-"
        + (++callbackNumber)
        + "\",\"caseCode\":\""
        + caseCode
        + "\""
        + (fields == null ? "" : "," + fields)
        + "}";
  }

  private void runJobs() {
    for (int round = 0; round < 20; round++) {
      List<Job> due = managementService.createJobQuery().executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> managementService.executeJob(job.getId()));
    }
  }
}
