package cn.onedoor.bridge;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.chain.PathTest;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The clients at the wire: what each sends (path, body, Idempotency-Key, credential) and what
 * happens when the other side fails — 500 then success, a timeout, a refused connection, an
 * unreadable answer, a refusal for good, an outage longer than the retries. Asserted: the retries,
 * one recorded effect per step, the same key on every attempt (so a deduplicating receiver acts
 * once), an incident where one is due, and no case lost or stuck without one.
 */
@TestPropertySource(
    properties = {
      "onedoor.external-systems.court.read-timeout=PT3S",
      "onedoor.external-systems.legal-aid.read-timeout=PT3S"
    })
class ExternalSystemFaultsTest extends PathTest {

  private static int faultCaseNumber = 800000;

  private WireMockServer wire;

  @BeforeEach
  void systemsUp() {
    externalSystems.acceptEverything();
    wire = externalSystems.server();
  }

  private String confirmationDecided() {
    Map<String, Object> variables = villageCase();
    variables.put("agreementDate", "2026-03-04");
    // Started without running other jobs, so that each case's step waits for the attempts this test
    // makes.
    String caseCode = "511725-2026-" + (++faultCaseNumber);
    runtimeService.startProcessInstanceByKey("judicial-confirmation", caseCode, variables);
    taskService.complete(
        task(caseCode, "Task_DecideConfirmation").getId(), Map.of("applyForConfirmation", "YES"));
    return caseCode;
  }

  private Job jobOf(String caseCode) {
    List<Job> jobs =
        managementService
            .createJobQuery()
            .processInstanceId(
                runtimeService
                    .createProcessInstanceQuery()
                    .processInstanceBusinessKey(caseCode)
                    .processDefinitionKey("judicial-confirmation")
                    .singleResult()
                    .getId())
            .list();
    assertThat(jobs).as("the step waits as a job").hasSize(1);
    return jobs.get(0);
  }

  /** One attempt of the job executor; the failure it may end in is what the engine records. */
  private void attempt(Job job) {
    try {
      managementService.executeJob(job.getId());
    } catch (RuntimeException failedAsTheExecutorWouldSee) {
      // recorded on the job: retries left, exception message, incident when none are left
    }
  }

  private int retriesLeft(String caseCode) {
    return jobOf(caseCode).getRetries();
  }

  private boolean waitsForTheCourt(String caseCode) {
    return !runtimeService
        .createExecutionQuery()
        .processInstanceBusinessKey(caseCode)
        .activityId("ReceiveTask_AwaitAcceptance")
        .list()
        .isEmpty();
  }

  /**
   * The requests of this case's application (other tests' cases may still be sent while this one
   * runs).
   */
  private List<LoggedRequest> confirmationRequests(String caseCode) {
    return wire.findAll(
        postRequestedFor(urlEqualTo("/court/confirmation-applications"))
            .withRequestBody(matchingJsonPath("$.caseCode", equalTo(caseCode))));
  }

  /**
   * What an operator does in Cockpit (retry the incident: retries back to 1), then the job executor
   * once the failed attempt's 5-minute back-off has passed.
   */
  private void retryIncidents() {
    managementService
        .createJobQuery()
        .withException()
        .noRetriesLeft()
        .list()
        .forEach(job -> managementService.setJobRetries(job.getId(), 1));
    moveClockTo(MONDAY_MORNING.plusMinutes(30));
  }

  private static String failing() {
    return Scenario.STARTED;
  }

  // --- what each client sends ---

  @Test
  void theCourtGetsTheConfirmationApplicationWithItsKeyAndCredential() {
    String caseCode = confirmationDecided();
    runJobs();

    wire.verify(
        1,
        postRequestedFor(urlEqualTo("/court/confirmation-applications"))
            .withHeader("Idempotency-Key", equalTo(caseCode + ":CONFIRMATION_APPLICATION:1"))
            .withHeader("Authorization", equalTo("Bearer demo-court-key"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    "{\"caseCode\":\""
                        + caseCode
                        + "\",\"agreementDate\":\"2026-03-04\","
                        + "\"disputeType\":\"NEIGHBOUR\"}")));
    assertThat(outbound.forCase(caseCode))
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.system()).isEqualTo("COURT");
              assertThat(request.responseStatus()).isEqualTo(200);
              assertThat(request.response()).contains("receipt-at-the-wire");
            });
  }

  @Test
  void theCourtGetsTheFilingRequestAndTheMediationResult() {
    Map<String, Object> variables = villageCase();
    variables.put("acceptedElsewhere", "NONE");
    String caseCode = startStage("litigation-mediation", variables);
    complete(
        caseCode,
        "Task_PreFilingMediation",
        COUNTY_MEDIATORS,
        Map.of("entrustedResult", "REFUSED"));

    wire.verify(
        1,
        postRequestedFor(urlEqualTo("/court/filing-requests"))
            .withHeader("Idempotency-Key", equalTo(caseCode + ":FILING_REQUEST:1"))
            .withRequestBody(
                equalToJson(
                    "{\"caseCode\":\""
                        + caseCode
                        + "\",\"disputeType\":\"NEIGHBOUR\","
                        + "\"alreadyFiled\":false,\"courtProcedure\":null}")));
    wire.verify(
        1,
        postRequestedFor(urlEqualTo("/court/entrusted-mediation-results"))
            .withHeader("Idempotency-Key", equalTo(caseCode + ":ENTRUSTED_MEDIATION_NOT_SETTLED:1"))
            .withRequestBody(
                equalToJson(
                    "{\"caseCode\":\""
                        + caseCode
                        + "\",\"result\":\"NOT_SETTLED\",\"alreadyFiled\":false}")));
  }

  @Test
  void theLegalAidSystemGetsTheApplicationAndTheJusticeBureauTheObjection() {
    String caseCode = startStage("representation", villageCase());
    complete(
        caseCode,
        "Task_PrepareLegalAidApplication",
        LEGAL_AID_OFFICERS,
        Map.of(
            "applicantCategory",
            "MIGRANT_WORKER_WAGES_OR_INJURY",
            "aidMatter",
            "LABOUR_REMUNERATION",
            "monthlyIncomePerCapita",
            800,
            "papersComplete",
            true,
            "urgent",
            false));
    caseMessages.legalAidDecided(caseCode, false, "收入高于标准");
    complete(
        caseCode,
        "Task_WriteRefusalDecision",
        LEGAL_AID_OFFICERS,
        Map.of("legalAidRefusalReasons", "收入高于标准"));
    complete(
        caseCode,
        "Task_RecordObjection",
        LEGAL_AID_OFFICERS,
        Map.of("objects", true, "objectionNote", "收入已低于标准"));

    wire.verify(
        1,
        postRequestedFor(urlEqualTo("/legal-aid/applications"))
            .withHeader("Idempotency-Key", equalTo(caseCode + ":LEGAL_AID_APPLICATION:1"))
            .withHeader("Authorization", equalTo("Bearer demo-legal-aid-key"))
            .withRequestBody(
                equalToJson(
                    "{\"caseCode\":\""
                        + caseCode
                        + "\",\"urgent\":false,"
                        + "\"aidMatter\":\"LABOUR_REMUNERATION\"}")));
    wire.verify(
        1,
        postRequestedFor(urlEqualTo("/justice-bureau/legal-aid-objections"))
            .withHeader("Idempotency-Key", equalTo(caseCode + ":LEGAL_AID_OBJECTION:1"))
            .withHeader("Authorization", equalTo("Bearer demo-justice-bureau-key"))
            .withRequestBody(
                equalToJson(
                    "{\"caseCode\":\""
                        + caseCode
                        + "\",\"decisionKind\":\"REFUSAL\",\"decisionReasons\":\"收入高于标准\","
                        + "\"reason\":\"收入已低于标准\"}")));
    wire.verify(0, postRequestedFor(urlEqualTo("/legal-aid/objections")));
  }

  @Test
  void theProvinceAndThePartiesHearOfARegistration() {
    String caseCode = register(villageNeighbourDispute());

    wire.verify(
        1,
        postRequestedFor(urlEqualTo("/provincial-platform/case-reports"))
            .withHeader("Idempotency-Key", equalTo(caseCode + ":REPORT_REGISTRATION:1"))
            .withHeader("Authorization", equalTo("Bearer demo-province-key"))
            .withRequestBody(matchingJsonPath("$.caseCode", equalTo(caseCode)))
            .withRequestBody(matchingJsonPath("$.countyCode", equalTo("511725")))
            .withRequestBody(matchingJsonPath("$.report", equalTo("REGISTRATION")))
            .withRequestBody(matchingJsonPath("$.occurredAt", equalTo("2026-03-02T09:00+08:00"))));
    wire.verify(
        1,
        postRequestedFor(urlEqualTo("/sms/messages"))
            .withHeader("Idempotency-Key", equalTo(caseCode + ":SMS_CASE_REGISTERED:1"))
            .withHeader("Authorization", equalTo("Bearer demo-sms-key"))
            .withRequestBody(matchingJsonPath("$.notice", equalTo("CASE_REGISTERED")))
            .withRequestBody(
                matchingJsonPath(
                    "$.text",
                    com.github.tomakehurst.wiremock.client.WireMock.containing(
                        "案件编码 " + caseCode))));
  }

  // --- faults ---

  @Test
  void aServerErrorIsRetriedWithTheSameKeyAndTheStepSucceedsOnce() {
    wire.stubFor(
        post(urlEqualTo("/court/confirmation-applications"))
            .inScenario("flaky")
            .whenScenarioStateIs(failing())
            .willReturn(aResponse().withStatus(503).withBody("维护中"))
            .willSetStateTo("up"));
    wire.stubFor(
        post(urlEqualTo("/court/confirmation-applications"))
            .inScenario("flaky")
            .whenScenarioStateIs("up")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"receiptId\":\"court-1\"}")));
    String caseCode = confirmationDecided();

    attempt(jobOf(caseCode));
    assertThat(retriesLeft(caseCode)).as("R5/PT5M: five tries, one used").isEqualTo(4);
    assertThat(jobOf(caseCode).getExceptionMessage()).contains("HTTP 503", "维护中");
    assertThat(outbound.forCase(caseCode)).isEmpty();
    attempt(jobOf(caseCode));

    assertThat(waitsForTheCourt(caseCode)).isTrue();
    assertThat(confirmationRequests(caseCode))
        .hasSize(2)
        .extracting(r -> r.getHeader("Idempotency-Key"))
        .containsOnly(caseCode + ":CONFIRMATION_APPLICATION:1");
    assertThat(outbound.forCase(caseCode))
        .singleElement()
        .satisfies(r -> assertThat(r.response()).contains("court-1"));
    assertThat(runtimeService.createIncidentQuery().count()).isZero();
  }

  @Test
  void aTimeoutIsRetriedWithTheSameKeySoTheCourtCanDropTheRepeat() {
    wire.stubFor(
        post(urlEqualTo("/court/confirmation-applications"))
            .inScenario("slow")
            .whenScenarioStateIs(failing())
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withFixedDelay(6000)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"receiptId\":\"court-late\"}"))
            .willSetStateTo("fast"));
    wire.stubFor(
        post(urlEqualTo("/court/confirmation-applications"))
            .inScenario("slow")
            .whenScenarioStateIs("fast")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"receiptId\":\"court-late\"}")));
    String caseCode = confirmationDecided();

    attempt(jobOf(caseCode));
    assertThat(retriesLeft(caseCode)).isEqualTo(4);
    assertThat(jobOf(caseCode).getExceptionMessage()).contains("无法连接或超时");
    attempt(jobOf(caseCode));

    assertThat(waitsForTheCourt(caseCode)).isTrue();
    assertThat(confirmationRequests(caseCode))
        .hasSize(2)
        .extracting(r -> r.getHeader("Idempotency-Key"))
        .as("the court acted on the first request; the repeat carries its key")
        .containsOnly(caseCode + ":CONFIRMATION_APPLICATION:1");
    assertThat(outbound.forCase(caseCode)).hasSize(1);
  }

  @Test
  void aRefusedConnectionIsRetriedUntilTheIncidentAndTheCaseGoesOnWhenTheIncidentIsRetried() {
    String caseCode = confirmationDecided();
    externalSystems.goDown();
    try {
      for (int attempt = 1; attempt <= 5; attempt++) {
        attempt(jobOf(caseCode));
      }
    } finally {
      externalSystems.comeBack();
    }
    wire = externalSystems.server();
    assertThat(retriesLeft(caseCode)).isZero();
    List<Incident> incidents = runtimeService.createIncidentQuery().list();
    assertThat(incidents)
        .singleElement()
        .satisfies(
            incident -> {
              assertThat(incident.getIncidentType()).isEqualTo("failedJob");
              assertThat(incident.getActivityId())
                  .isEqualTo("ServiceTask_SubmitConfirmationApplication");
              assertThat(incident.getIncidentMessage()).contains("法院调解平台", "无法连接或超时");
            });
    assertThat(waitsForTheCourt(caseCode)).as("not lost: the case waits at the incident").isFalse();

    retryIncidents();

    assertThat(waitsForTheCourt(caseCode)).isTrue();
    assertThat(runtimeService.createIncidentQuery().count()).isZero();
    assertThat(confirmationRequests(caseCode))
        .isNotEmpty()
        .extracting(r -> r.getHeader("Idempotency-Key"))
        .containsOnly(caseCode + ":CONFIRMATION_APPLICATION:1");
    assertThat(outbound.forCase(caseCode)).hasSize(1);
  }

  @Test
  void anUnreadableAnswerIsRetried() {
    wire.stubFor(
        post(urlEqualTo("/court/confirmation-applications"))
            .inScenario("garbled")
            .whenScenarioStateIs(failing())
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"receiptId\": "))
            .willSetStateTo("clear"));
    wire.stubFor(
        post(urlEqualTo("/court/confirmation-applications"))
            .inScenario("garbled")
            .whenScenarioStateIs("clear")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"receiptId\":\"court-2\"}")));
    String caseCode = confirmationDecided();

    attempt(jobOf(caseCode));
    assertThat(jobOf(caseCode).getExceptionMessage()).contains("无法解析");
    assertThat(retriesLeft(caseCode)).isEqualTo(4);
    attempt(jobOf(caseCode));

    assertThat(waitsForTheCourt(caseCode)).isTrue();
    assertThat(outbound.forCase(caseCode))
        .singleElement()
        .satisfies(r -> assertThat(r.response()).contains("court-2"));
  }

  @Test
  void aConnectionResetIsSentAgainAtOnceWithTheSameKey() {
    wire.stubFor(
        post(urlEqualTo("/court/confirmation-applications"))
            .inScenario("reset")
            .whenScenarioStateIs(failing())
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
            .willSetStateTo("fine"));
    String caseCode = confirmationDecided();

    attempt(jobOf(caseCode));

    assertThat(waitsForTheCourt(caseCode))
        .as("a dropped connection costs no 5-minute wait")
        .isTrue();
    assertThat(confirmationRequests(caseCode))
        .hasSize(2)
        .extracting(r -> r.getHeader("Idempotency-Key"))
        .containsOnly(caseCode + ":CONFIRMATION_APPLICATION:1");
    assertThat(outbound.forCase(caseCode)).hasSize(1);
  }

  @Test
  void aConnectionResetTwiceIsRetriedLater() {
    wire.stubFor(
        post(urlEqualTo("/court/confirmation-applications"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    String caseCode = confirmationDecided();

    attempt(jobOf(caseCode));

    assertThat(retriesLeft(caseCode)).isEqualTo(4);
    assertThat(outbound.forCase(caseCode)).isEmpty();
  }

  @Test
  void aRefusalForGoodIsAnIncidentAtOnceWithTheSystemsMessage() {
    wire.stubFor(
        post(urlEqualTo("/court/confirmation-applications"))
            .willReturn(
                aResponse()
                    .withStatus(422)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody(
                        "{\"title\":\"申请不予受理\",\"status\":422,\"detail\":\"调解协议涉及身份关系，不属于司法确认范围\"}")));
    String caseCode = confirmationDecided();

    attempt(jobOf(caseCode));

    assertThat(retriesLeft(caseCode)).as("no retry can fix it").isZero();
    assertThat(runtimeService.createIncidentQuery().list())
        .singleElement()
        .satisfies(
            incident -> {
              assertThat(incident.getIncidentType()).isEqualTo("failedJob");
              assertThat(incident.getIncidentMessage())
                  .contains("HTTP 422", "调解协议涉及身份关系，不属于司法确认范围", "不再自动重试");
            });
    assertThat(confirmationRequests(caseCode)).hasSize(1);
    assertThat(outbound.forCase(caseCode)).isEmpty();

    // Fixed on the other side (or the data corrected): an operator retries the incident in Cockpit.
    externalSystems.acceptEverything();
    retryIncidents();
    assertThat(waitsForTheCourt(caseCode)).isTrue();
    assertThat(outbound.forCase(caseCode)).hasSize(1);
  }

  @Test
  void duringAnOutageCasesWaitInRetriesThenShowAsIncidentsAndAllGoOnOnceWhenRetried() {
    List<String> cases =
        List.of(confirmationDecided(), confirmationDecided(), confirmationDecided());
    externalSystems.goDown();
    try {
      for (int attempt = 1; attempt <= 4; attempt++) {
        cases.forEach(caseCode -> attempt(jobOf(caseCode)));
      }
      assertThat(cases).allSatisfy(caseCode -> assertThat(retriesLeft(caseCode)).isEqualTo(1));
      assertThat(runtimeService.createIncidentQuery().count())
          .as("still retrying: no incident yet")
          .isZero();
      cases.forEach(caseCode -> attempt(jobOf(caseCode)));
      assertThat(runtimeService.createIncidentQuery().count())
          .as("retries used up: one incident per case")
          .isEqualTo(3);
    } finally {
      externalSystems.comeBack();
    }
    wire = externalSystems.server();

    retryIncidents();

    assertThat(cases)
        .allSatisfy(
            caseCode -> {
              assertThat(waitsForTheCourt(caseCode)).as(caseCode + " goes on").isTrue();
              assertThat(outbound.forCase(caseCode))
                  .as(caseCode + " one recorded request")
                  .hasSize(1);
            });
    assertThat(confirmationRequests(cases.get(0))).isNotEmpty();
    assertThat(cases)
        .allSatisfy(
            caseCode ->
                assertThat(confirmationRequests(caseCode))
                    .extracting(r -> r.getHeader("Idempotency-Key"))
                    .containsOnly(caseCode + ":CONFIRMATION_APPLICATION:1"));
    assertThat(runtimeService.createIncidentQuery().count()).isZero();
  }
}
