package cn.onedoor.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.casefile.ProcessModels;
import cn.onedoor.support.EngineClockTestConfiguration;
import cn.onedoor.support.Http;
import cn.onedoor.support.SignedCallbacks;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
 * The callback endpoints as the court and the legal-aid system meet them, over HTTP: signed per
 * system, validated naming the field, idempotent, 404 for an unknown case, 409 for a case not
 * waiting for that answer, never 500. The cases wait at the real diagrams (stages started on their
 * own, the court request sent to the simulator).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({EngineClockTestConfiguration.class, ProcessEngineCoverageConfiguration.class})
class CallbackEndpointsTest {

  static final String COURT_SECRET = "demo-court-secret";
  static final String LEGAL_AID_SECRET = "demo-legal-aid-secret";
  private static int caseNumber = 600000;
  private static int callbackNumber;

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;
  @Autowired cn.onedoor.province.StageReports stageReports;

  SignedCallbacks callbacks;

  @BeforeEach
  void setUp() {
    ClockUtil.setCurrentTime(
        Date.from(OffsetDateTime.parse("2026-03-02T09:00:00+08:00").toInstant()));
    callbacks = new SignedCallbacks(port);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private String confirmationApplied() {
    String caseCode = "511725-2026-" + (++caseNumber);
    Map<String, Object> variables =
        new HashMap<>(
            Map.of(
                "channel",
                "PEOPLES_VILLAGE",
                "handlingLevel",
                "VILLAGE",
                "townCode",
                "511725104",
                "villageCode",
                "511725104001",
                "riskGrade",
                "BLUE",
                "disputeType",
                "NEIGHBOUR",
                "agreementDate",
                "2026-03-01"));
    runtimeService.startProcessInstanceByKey("judicial-confirmation", caseCode, variables);
    String task =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(caseCode)
            .taskDefinitionKey("Task_DecideConfirmation")
            .singleResult()
            .getId();
    taskService.complete(task, Map.of("applyForConfirmation", "YES"));
    runJobs();
    return caseCode;
  }

  private void runJobs() {
    for (int round = 0; round < 20; round++) {
      List<Job> due = managementService.createJobQuery().executable().list();
      if (due.isEmpty()) {
        stageReports.deliverDue();
        return;
      }
      due.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  private static String id() {
    return "court-cb-" + (++callbackNumber);
  }

  private long passed(String caseCode, String activityId) {
    return passed(caseCode, "judicial-confirmation", activityId);
  }

  private long passed(String caseCode, String processKey, String activityId) {
    return historyService
        .createHistoricActivityInstanceQuery()
        .activityId(activityId)
        .finished()
        .processInstanceId(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(caseCode)
                .processDefinitionKey(processKey)
                .singleResult()
                .getId())
        .count();
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("at cn.onedoor");
  }

  @Test
  void aCallbackWithoutTheSystemsSignatureIsRefused() {
    String caseCode = confirmationApplied();
    String body = "{\"callbackId\":\"" + id() + "\",\"caseCode\":\"" + caseCode + "\"}";

    assertProblem(callbacks.post("/api/callbacks/court/confirmation-accepted", null, body), 401);
    assertProblem(
        callbacks.post("/api/callbacks/court/confirmation-accepted", "guessed-secret", body), 401);
    assertProblem(
        callbacks.post("/api/callbacks/court/confirmation-accepted", LEGAL_AID_SECRET, body), 401);
    assertProblem(
        callbacks.post(
            "/api/callbacks/legal-aid/decision",
            COURT_SECRET,
            "{\"callbackId\":\"x\",\"caseCode\":\"" + caseCode + "\",\"granted\":true}"),
        401);
    assertProblem(callbacks.post("/api/callbacks/nosuchsystem/anything", COURT_SECRET, body), 401);
    assertThat(passed(caseCode, "ReceiveTask_AwaitAcceptance")).isZero();
  }

  @Test
  void theSameCallbackTwiceIsAppliedOnceAndAnsweredTwice() {
    String caseCode = confirmationApplied();
    String body = "{\"callbackId\":\"" + id() + "\",\"caseCode\":\"" + caseCode + "\"}";

    HttpResponse<String> first =
        callbacks.post("/api/callbacks/court/confirmation-accepted", COURT_SECRET, body);
    HttpResponse<String> again =
        callbacks.post("/api/callbacks/court/confirmation-accepted", COURT_SECRET, body);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(first.body()).contains("\"status\":\"APPLIED\"");
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(again.body()).contains("\"status\":\"ALREADY_RECEIVED\"");
    assertThat(passed(caseCode, "ReceiveTask_AwaitAcceptance")).isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from bridge_callback where case_code = ?",
                Integer.class,
                caseCode))
        .isEqualTo(1);
  }

  @Test
  void aCallbackIdReusedForAnotherAnswerIsRefused() {
    String caseCode = confirmationApplied();
    String callbackId = id();
    callbacks.post(
        "/api/callbacks/court/confirmation-accepted",
        COURT_SECRET,
        "{\"callbackId\":\"" + callbackId + "\",\"caseCode\":\"" + caseCode + "\"}");

    HttpResponse<String> reused =
        callbacks.post(
            "/api/callbacks/court/confirmation-ruled",
            COURT_SECRET,
            "{\"callbackId\":\""
                + callbackId
                + "\",\"caseCode\":\""
                + caseCode
                + "\",\"ruling\":\"VALID\"}");

    assertProblem(reused, 422);
    assertThat(passed(caseCode, "ReceiveTask_AwaitRuling")).isZero();
  }

  @Test
  void anUnknownCaseIsNotFoundAndACaseNotWaitingIsAConflictEachWithAReason() {
    HttpResponse<String> unknown =
        callbacks.post(
            "/api/callbacks/court/confirmation-accepted",
            COURT_SECRET,
            "{\"callbackId\":\"" + id() + "\",\"caseCode\":\"511725-2026-999999\"}");
    assertProblem(unknown, 404);
    assertThat(unknown.body()).contains("511725-2026-999999");

    String caseCode = confirmationApplied();
    String rulingId = id();
    String ruling =
        "{\"callbackId\":\""
            + rulingId
            + "\",\"caseCode\":\""
            + caseCode
            + "\",\"ruling\":\"VALID\"}";
    HttpResponse<String> tooEarly =
        callbacks.post("/api/callbacks/court/confirmation-ruled", COURT_SECRET, ruling);
    assertProblem(tooEarly, 409);
    assertThat(tooEarly.body()).contains(caseCode).contains("CONFIRMATION_RULED");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from bridge_callback where callback_id = ?",
                Integer.class,
                rulingId))
        .as("a refused callback is not remembered, so it may come again")
        .isZero();

    callbacks.post(
        "/api/callbacks/court/confirmation-accepted",
        COURT_SECRET,
        "{\"callbackId\":\"" + id() + "\",\"caseCode\":\"" + caseCode + "\"}");
    HttpResponse<String> inTime =
        callbacks.post("/api/callbacks/court/confirmation-ruled", COURT_SECRET, ruling);
    assertThat(inTime.statusCode()).as(inTime.body()).isEqualTo(200);
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(caseCode)
                .processDefinitionKey("judicial-confirmation")
                .finished()
                .count())
        .isEqualTo(1);
  }

  /** A case at the litigation-mediation diagram, filed under {@code procedure}, on trial. */
  private String caseOnTrial(String procedure) {
    String caseCode = "511725-2026-" + (++caseNumber);
    Map<String, Object> variables =
        new HashMap<>(
            Map.of(
                "channel",
                "COURT",
                "handlingLevel",
                "COUNTY",
                "townCode",
                "511725104",
                "riskGrade",
                "BLUE",
                "disputeType",
                "DEBT",
                "acceptedElsewhere",
                "COURT",
                "entrustedByCourt",
                true));
    variables.put("villageCode", null);
    runtimeService.startProcessInstanceByKey("litigation-mediation", caseCode, variables);
    runJobs();
    completeTask(
        caseCode,
        "Task_ReceiveEntrustment",
        Map.of("courtCaseNumber", "(2026)川1725民初701号", "courtProcedure", procedure));
    completeTask(caseCode, "Task_PostFilingMediation", Map.of("entrustedResult", "FAILED"));
    return caseCode;
  }

  private void completeTask(String caseCode, String taskKey, Map<String, Object> values) {
    String task =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(caseCode)
            .taskDefinitionKey(taskKey)
            .singleResult()
            .getId();
    taskService.complete(task, values);
    runJobs();
  }

  private HttpResponse<String> served(
      String caseCode, String judgmentType, Object instance, String rulingType) {
    return callbacks.post(
        "/api/callbacks/court/judgment-delivered",
        COURT_SECRET,
        "{\"callbackId\":\""
            + id()
            + "\",\"caseCode\":\""
            + caseCode
            + "\",\"judgmentType\":\""
            + judgmentType
            + "\""
            + (instance == null ? "" : ",\"instance\":" + instance)
            + (rulingType == null ? "" : ",\"rulingType\":\"" + rulingType + "\"")
            + "}");
  }

  @Test
  void aJudgmentNamesItsInstanceAndOneTheLawDoesNotAllowIsAConflictNamingTheRule() {
    String smallClaim = caseOnTrial("SMALL_CLAIMS");
    HttpResponse<String> noInstance = served(smallClaim, "JUDGMENT", null, null);
    assertProblem(noInstance, 400);
    assertThat(noInstance.body()).contains("\"name\":\"instance\"");
    HttpResponse<String> badRuling = served(smallClaim, "RULING", 1, "LATER");
    assertProblem(badRuling, 400);
    assertThat(badRuling.body()).contains("\"name\":\"rulingType\"");
    HttpResponse<String> untypedRuling = served(smallClaim, "RULING", 1, null);
    assertProblem(untypedRuling, 400);
    assertThat(untypedRuling.body()).contains("\"name\":\"rulingType\"");

    HttpResponse<String> third = served(smallClaim, "JUDGMENT", 3, null);
    assertProblem(third, 409);
    assertThat(third.body()).contains("两审终审", "第182条");
    HttpResponse<String> remandAtFirst = served(smallClaim, "RULING", 1, "REMANDED");
    assertProblem(remandAtFirst, 409);
    assertThat(remandAtFirst.body()).contains("第177条");

    assertThat(served(smallClaim, "JUDGMENT", 1, null).statusCode()).isEqualTo(200);
    HttpResponse<String> appealOfASmallClaim = served(smallClaim, "JUDGMENT", 2, null);
    assertProblem(appealOfASmallClaim, 409);
    assertThat(appealOfASmallClaim.body()).contains("已经生效", "小额诉讼", "第165条");

    String ordinary = caseOnTrial("ORDINARY");
    assertThat(served(ordinary, "JUDGMENT", 1, null).statusCode()).isEqualTo(200);
    completeTask(ordinary, "Task_RecordAppeal", Map.of("appealed", true));
    assertThat(served(ordinary, "RULING", 2, "REMANDED").statusCode()).isEqualTo(200);
    assertThat(served(ordinary, "JUDGMENT", 1, null).statusCode()).isEqualTo(200);
    completeTask(ordinary, "Task_RecordAppeal", Map.of("appealed", true));
    HttpResponse<String> remandAgain = served(ordinary, "RULING", 2, "REMANDED");
    assertProblem(remandAgain, 409);
    assertThat(remandAgain.body()).contains("不得再次发回重审", "第177条");
    assertThat(served(ordinary, "JUDGMENT", 2, null).statusCode()).isEqualTo(200);
    HttpResponse<String> afterTheSecond = served(ordinary, "JUDGMENT", 2, null);
    assertProblem(afterTheSecond, 409);
    assertThat(afterTheSecond.body()).contains("两审终审", "第182条");

    String otherRuling = caseOnTrial("ORDINARY");
    assertThat(served(otherRuling, "RULING", 1, "OTHER").statusCode()).isEqualTo(200);
    HttpResponse<String> appealOfAnOtherRuling = served(otherRuling, "RULING", 2, null);
    assertProblem(appealOfAnOtherRuling, 409);
    assertThat(appealOfAnOtherRuling.body()).contains("第157条");
  }

  private HttpResponse<String> extended(
      String caseCode, String article, String approvedBy, String newEnd) {
    return callbacks.post(
        "/api/callbacks/court/trial-period-extended",
        COURT_SECRET,
        "{\"callbackId\":\""
            + id()
            + "\",\"caseCode\":\""
            + caseCode
            + "\",\"article\":\""
            + article
            + "\",\"approvedBy\":\""
            + approvedBy
            + "\""
            + (newEnd == null ? "" : ",\"newEnd\":\"" + newEnd + "\"")
            + "}");
  }

  /**
   * Issue 13 item 6: the court extends the trial period naming the article and the approving
   * authority; an extension the law does not allow for the case's procedure (a second one under art
   * 164, art 169 for a case not of small claims, a second art-152 extension without the higher
   * court, a president's extension longer than the article allows) is a 409 naming the rule, and
   * changes nothing.
   */
  @Test
  void aTrialPeriodExtensionTheLawDoesNotAllowIsAConflictNamingTheArticle() {
    String simple = caseOnTrial("SIMPLE");
    HttpResponse<String> badArticle = extended(simple, "170", "COURT_PRESIDENT", "2026-07-02");
    assertProblem(badArticle, 400);
    assertThat(badArticle.body()).contains("\"name\":\"article\"");
    HttpResponse<String> noEnd = extended(simple, "164", "COURT_PRESIDENT", null);
    assertProblem(noEnd, 400);
    assertThat(noEnd.body()).contains("\"name\":\"newEnd\"");

    HttpResponse<String> longerThanAMonth =
        extended(simple, "164", "COURT_PRESIDENT", "2026-07-03");
    assertProblem(longerThanAMonth, 409);
    assertThat(longerThanAMonth.body())
        .as("filed on 2 March: three months and one more end on 2 July")
        .contains("可以延长一个月", "第164条");
    assertThat(extended(simple, "164", "COURT_PRESIDENT", "2026-07-02").statusCode())
        .isEqualTo(200);
    HttpResponse<String> secondSimple = extended(simple, "164", "COURT_PRESIDENT", "2026-08-02");
    assertProblem(secondSimple, 409);
    assertThat(secondSimple.body()).contains("简易程序", "第164条", "第2次延长");
    assertThat(passed(simple, "litigation-mediation", "ServiceTask_RecordTrialPeriodExtension"))
        .isEqualTo(1);

    String ordinary = caseOnTrial("ORDINARY");
    HttpResponse<String> smallClaimsRule =
        extended(ordinary, "169", "COURT_PRESIDENT", "2026-10-02");
    assertProblem(smallClaimsRule, 409);
    assertThat(smallClaimsRule.body()).contains("第169条", "普通程序", "第152条");
    assertProblem(extended(ordinary, "152", "COURT_PRESIDENT", "2027-03-03"), 409);
    HttpResponse<String> higherCourtFirst = extended(ordinary, "152", "HIGHER_COURT", "2027-03-02");
    assertProblem(higherCourtFirst, 409);
    assertThat(extended(ordinary, "152", "COURT_PRESIDENT", "2027-03-02").statusCode())
        .isEqualTo(200);
    HttpResponse<String> presidentAgain =
        extended(ordinary, "152", "COURT_PRESIDENT", "2027-09-02");
    assertProblem(presidentAgain, 409);
    assertThat(presidentAgain.body()).contains("报请上级人民法院批准", "第152条");
    assertThat(extended(ordinary, "152", "HIGHER_COURT", "2027-09-02").statusCode()).isEqualTo(200);
    assertThat(passed(ordinary, "litigation-mediation", "ServiceTask_RecordTrialPeriodExtension"))
        .isEqualTo(2);

    String smallClaim = caseOnTrial("SMALL_CLAIMS");
    assertThat(extended(smallClaim, "169", "COURT_PRESIDENT", "2026-06-02").statusCode())
        .isEqualTo(200);
    assertThat(served(smallClaim, "JUDGMENT", 1, null).statusCode()).isEqualTo(200);
    HttpResponse<String> afterJudgment =
        extended(smallClaim, "169", "COURT_PRESIDENT", "2026-07-02");
    assertProblem(afterJudgment, 409);
    assertThat(afterJudgment.body()).contains("TRIAL_PERIOD_EXTENDED");

    HttpResponse<String> openApi = new Http(port).as("intake", "demo").get("/v3/api-docs");
    assertThat(openApi.body())
        .as("the callback contract shows the answer and the filing date")
        .contains("/api/callbacks/court/trial-period-extended", "filedOn", "MEDIATION_STATEMENT");
  }

  /**
   * Issue 13 item 9: 不予受理 is one of the court's answers to a confirmation application, with its
   * reason; only while the case waits for acceptance.
   */
  @Test
  void theCourtMayNotAcceptAConfirmationApplicationWithAReasonOnlyBeforeAccepting() {
    String caseCode = confirmationApplied();
    HttpResponse<String> noReason =
        callbacks.post(
            "/api/callbacks/court/confirmation-not-accepted",
            COURT_SECRET,
            "{\"callbackId\":\"" + id() + "\",\"caseCode\":\"" + caseCode + "\",\"reason\":\" \"}");
    assertProblem(noReason, 400);
    assertThat(noReason.body()).contains("\"name\":\"reason\"");
    HttpResponse<String> tooLong =
        callbacks.post(
            "/api/callbacks/court/confirmation-not-accepted",
            COURT_SECRET,
            "{\"callbackId\":\""
                + id()
                + "\",\"caseCode\":\""
                + caseCode
                + "\",\"reason\":\""
                + "理".repeat(501)
                + "\"}");
    assertProblem(tooLong, 400);
    assertThat(tooLong.body()).contains("\"name\":\"reason\"");
    assertThat(passed(caseCode, "BoundaryEvent_CourtNotAccepted")).isZero();

    HttpResponse<String> notAccepted =
        callbacks.post(
            "/api/callbacks/court/confirmation-not-accepted",
            COURT_SECRET,
            "{\"callbackId\":\""
                + id()
                + "\",\"caseCode\":\""
                + caseCode
                + "\",\"reason\":\"不属于本院管辖\"}");
    assertThat(notAccepted.statusCode()).as(notAccepted.body()).isEqualTo(200);
    assertThat(passed(caseCode, "EndEvent_NotAccepted")).isEqualTo(1);

    String accepted = confirmationApplied();
    callbacks.post(
        "/api/callbacks/court/confirmation-accepted",
        COURT_SECRET,
        "{\"callbackId\":\"" + id() + "\",\"caseCode\":\"" + accepted + "\"}");
    HttpResponse<String> afterAcceptance =
        callbacks.post(
            "/api/callbacks/court/confirmation-not-accepted",
            COURT_SECRET,
            "{\"callbackId\":\""
                + id()
                + "\",\"caseCode\":\""
                + accepted
                + "\",\"reason\":\"不属于本院管辖\"}");
    assertProblem(afterAcceptance, 409);
    assertThat(afterAcceptance.body()).contains(accepted).contains("CONFIRMATION_NOT_ACCEPTED");

    HttpResponse<String> openApi = new Http(port).as("intake", "demo").get("/v3/api-docs");
    assertThat(openApi.body())
        .as("the callback contract shows the answer")
        .contains("/api/callbacks/court/confirmation-not-accepted", "不予受理");
  }

  @Test
  void invalidCallbacksAreRefusedNamingTheField() {
    String caseCode = confirmationApplied();

    HttpResponse<String> missing =
        callbacks.post(
            "/api/callbacks/court/confirmation-ruled",
            COURT_SECRET,
            "{\"callbackId\":\"" + id() + "\",\"ruling\":\"MAYBE\"}");
    assertProblem(missing, 400);
    assertThat(missing.body()).contains("\"name\":\"caseCode\"").contains("\"name\":\"ruling\"");

    HttpResponse<String> filed =
        callbacks.post(
            "/api/callbacks/court/case-filed",
            COURT_SECRET,
            "{\"callbackId\":\""
                + id()
                + "\",\"caseCode\":\""
                + caseCode
                + "\",\"procedure\":\"FAST\"}");
    assertProblem(filed, 400);
    assertThat(filed.body())
        .contains("\"name\":\"courtCaseNumber\"")
        .contains("\"name\":\"procedure\"");

    HttpResponse<String> wrongType =
        callbacks.post(
            "/api/callbacks/legal-aid/decision",
            LEGAL_AID_SECRET,
            "{\"callbackId\":\""
                + id()
                + "\",\"caseCode\":\""
                + caseCode
                + "\",\"granted\":{\"no\":1}}");
    assertProblem(wrongType, 400);
    assertThat(wrongType.body()).contains("\"name\":\"granted\"");

    HttpResponse<String> malformed =
        callbacks.post(
            "/api/callbacks/court/confirmation-accepted", COURT_SECRET, "{\"callbackId\": ");
    assertProblem(malformed, 400);
    assertThat(malformed.body()).contains("\"name\":\"body\"");

    HttpResponse<String> badId =
        callbacks.post(
            "/api/callbacks/court/confirmation-accepted",
            COURT_SECRET,
            "{\"callbackId\":\"has spaces\",\"caseCode\":\"" + caseCode + "\"}");
    assertProblem(badId, 400);
    assertThat(badId.body()).contains("\"name\":\"callbackId\"");
    assertThat(passed(caseCode, "ReceiveTask_AwaitAcceptance")).isZero();
  }

  @Test
  void theLegalAidSystemDecidesAndAssignsALawyerByCallback() {
    String caseCode = "511725-2026-" + (++caseNumber);
    Map<String, Object> variables =
        new HashMap<>(
            Map.of(
                "channel",
                "PEOPLES_VILLAGE",
                "handlingLevel",
                "VILLAGE",
                "townCode",
                "511725104",
                "villageCode",
                "511725104001",
                "riskGrade",
                "BLUE",
                "disputeType",
                "WAGE_ARREARS"));
    runtimeService.startProcessInstanceByKey("representation", caseCode, variables);
    String task =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(caseCode)
            .taskDefinitionKey("Task_PrepareLegalAidApplication")
            .singleResult()
            .getId();
    taskService.complete(
        task,
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
    runJobs();

    HttpResponse<String> decided =
        callbacks.post(
            "/api/callbacks/legal-aid/decision",
            LEGAL_AID_SECRET,
            "{\"callbackId\":\"la-1-"
                + caseCode
                + "\",\"caseCode\":\""
                + caseCode
                + "\",\"granted\":true}");
    HttpResponse<String> lawyer =
        callbacks.post(
            "/api/callbacks/legal-aid/lawyer-assigned",
            LEGAL_AID_SECRET,
            "{\"callbackId\":\"la-2-"
                + caseCode
                + "\",\"caseCode\":\""
                + caseCode
                + "\",\"lawFirm\":\"四川宕渠律师事务所\"}");

    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
    assertThat(lawyer.statusCode()).as(lawyer.body()).isEqualTo(200);
    assertThat(
            historyService
                .createHistoricVariableInstanceQuery()
                .variableName("assignedLawFirm")
                .list())
        .anySatisfy(value -> assertThat(value.getValue()).isEqualTo("四川宕渠律师事务所"));
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(caseCode)
                .processDefinitionKey("representation")
                .finished()
                .count())
        .isEqualTo(1);
  }

  // --- grid workers' reports: registered through the intake ---

  static final String GRID_SECRET = "demo-grid-secret";

  private static String gridReport(String reportId, String summary, String townCode) {
    return """
        {"reportId":"%s","gridWorker":"网格员 G0102","townCode":%s,"villageCode":"511725104001",
         "disputeType":"NEIGHBOUR","summary":"%s","amount":3000,"occurredOn":"2026-02-27","partyCount":2,
         "consentToMediation":true,
         "flags":{"injury":false,"violence":false,"crimeSuspected":false,"governmentBodyParty":false,
                  "acceptedElsewhere":"NONE"},
         "parties":[{"role":"APPLICANT","kind":"PERSON","name":"网格申请人","idNumber":"%s","mobile":"13900000042"},
                    {"role":"RESPONDENT","kind":"PERSON","name":"网格被申请人","idNumber":"%s"}]}
        """
        .formatted(
            reportId,
            townCode == null ? "null" : "\"" + townCode + "\"",
            summary,
            cn.onedoor.support.TestResidentIds.forNumber(700 + callbackNumber),
            cn.onedoor.support.TestResidentIds.forNumber(900 + callbackNumber));
  }

  @Test
  void aGridWorkersReportIsRegisteredOnceThroughTheIntakeAndItsStatusGoesBack() {
    String reportId = "grid-2026-" + (++callbackNumber);
    String report = gridReport(reportId, "村道占用纠纷", "511725104");

    HttpResponse<String> first = callbacks.post("/api/callbacks/grid/reports", GRID_SECRET, report);
    HttpResponse<String> again = callbacks.post("/api/callbacks/grid/reports", GRID_SECRET, report);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    String caseCode = first.body().replaceAll(".*\"caseCode\":\"([^\"]+)\".*", "$1").trim();
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(again.body()).contains(caseCode).contains("\"created\":false");
    assertThat(
            jdbc.queryForMap(
                "select source, external_ref, report_level from dispute_case where case_code = ?",
                caseCode))
        .containsEntry("SOURCE", "GRID")
        .containsEntry("EXTERNAL_REF", reportId)
        .containsEntry("REPORT_LEVEL", "VILLAGE");
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(caseCode)
                .processDefinitionKey(ProcessModels.DISPUTE_CASE)
                .count())
        .isEqualTo(1);

    runJobs();
    List<String> toTheGrid =
        jdbc.queryForList(
            "select body from simulated_request where case_code = ? and "
                + "system_name = 'grid' order by id",
            String.class,
            caseCode);
    assertThat(toTheGrid)
        .as("the grid worker hears where the report stands")
        .isNotEmpty()
        .allSatisfy(body -> assertThat(body).contains("\"reportId\":\"" + reportId + "\""));
    assertThat(
            jdbc.queryForList(
                "select body from simulated_request where case_code = ? and system_name = "
                    + "'provincial-platform'",
                String.class,
                caseCode))
        .anySatisfy(body -> assertThat(body).contains("STAGE"));
  }

  @Test
  void aGridReportIsSignedValidatedAndItsIdMeansOneReport() {
    String reportId = "grid-2026-" + (++callbackNumber);
    assertProblem(
        callbacks.post(
            "/api/callbacks/grid/reports", COURT_SECRET, gridReport(reportId, "纠纷", "511725104")),
        401);

    HttpResponse<String> invalid =
        callbacks.post(
            "/api/callbacks/grid/reports", GRID_SECRET, gridReport(reportId, "纠纷", null));
    assertProblem(invalid, 400);
    assertThat(invalid.body()).contains("\"name\":\"townCode\"");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from dispute_case where external_ref = ?",
                Integer.class,
                reportId))
        .as("nothing half-written")
        .isZero();

    assertThat(
            callbacks
                .post(
                    "/api/callbacks/grid/reports",
                    GRID_SECRET,
                    gridReport(reportId, "纠纷", "511725104"))
                .statusCode())
        .isEqualTo(201);
    HttpResponse<String> changed =
        callbacks.post(
            "/api/callbacks/grid/reports", GRID_SECRET, gridReport(reportId, "另一纠纷", "511725104"));
    assertProblem(changed, 409);
    assertThat(changed.body()).contains("\"name\":\"reportId\"");
  }

  @Test
  void theContractIsServedForTheOtherSide() {
    HttpResponse<String> outbound =
        new cn.onedoor.support.Http(port).get("/api/public/contracts/outbound.yaml");
    assertThat(outbound.statusCode()).isEqualTo(200);
    assertThat(outbound.body())
        .contains("Idempotency-Key", "/confirmation-applications", "/messages");

    HttpResponse<String> apiDocs = new cn.onedoor.support.Http(port).get("/v3/api-docs");
    assertThat(apiDocs.statusCode()).isEqualTo(200);
    assertThat(apiDocs.body())
        .contains(
            "/api/callbacks/court/confirmation-ruled",
            "/api/callbacks/court/case-filed",
            "/api/callbacks/legal-aid/lawyer-assigned",
            "/api/callbacks/grid/reports",
            "callbackSignature",
            CallbackSignatures.HEADER);
  }
}
