package cn.onedoor.chain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.casefile.CaseStage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Labour disputes as 劳动争议调解仲裁法 runs them: arbitration before the court (art 5), acceptance within 5
 * days (art 29), the award within 45 (+15) days (art 43), 15 days to sue after it (arts 48, 50), a
 * final award's 30 days for the employer (arts 47, 49). The commission's answers come through
 * {@code CaseMessages} as its signed callbacks deliver them.
 */
class LabourArbitrationPathsTest extends PathTest {

  static final String LABOUR_MEDIATORS = "mediator:committee:LABOUR";
  static final String ARBITRATION = "labour-arbitration";

  /** A wage claim at 土溪村 the worker does not want mediated: straight to the routes. */
  private static Map<String, Object> labourDispute(boolean consent) {
    Map<String, Object> variables = villageNeighbourDispute();
    variables.put("townCode", "511725103");
    variables.put("villageCode", "511725103001");
    variables.put("disputeType", "LABOUR");
    variables.put("summary", "工人被拖欠三个月工资");
    variables.put("consentToMediation", consent);
    return variables;
  }

  private static Map<String, Object> labourStage() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("channel", "COMMITTEE_LABOUR");
    variables.put("handlingLevel", "COUNTY");
    variables.put("townCode", "511725103");
    variables.put("villageCode", "511725103001");
    variables.put("riskGrade", "BLUE");
    variables.put("disputeType", "LABOUR");
    variables.put("summary", "工人被拖欠三个月工资");
    return variables;
  }

  private String informed(Map<String, Object> dispute) {
    String caseCode = register(dispute);
    assertThat(openTaskKeys(caseCode)).contains("Task_InformRoutes");
    return caseCode;
  }

  @Test
  void labourDisputeCannotGoToCourtBeforeArbitration() throws IOException {
    String caseCode = informed(labourDispute(false));
    assertThat(runtimeService.getVariable(processOf(caseCode), "arbitrationFirst")).isEqualTo(true);

    // the form offers arbitration, not the court, when the table says arbitration comes first
    JsonNode form =
        new ObjectMapper().readTree(Files.readString(Path.of("forms/inform-routes.form")));
    String options = null;
    for (JsonNode field : form.path("components")) {
      if ("nextRoute".equals(field.path("key").asText())) {
        assertThat(field.has("values")).as("no fixed options").isFalse();
        options = field.path("valuesExpression").asText();
      }
    }
    assertThat(options).startsWith("=if arbitrationFirst = true then ");
    String labourOptions = options.substring(0, options.indexOf(" else "));
    assertThat(labourOptions)
        .contains("value: \"LABOUR_ARBITRATION\"")
        .doesNotContain("value: \"LITIGATION\"");
    assertThat(options.substring(options.indexOf(" else "))).contains("value: \"LITIGATION\"");

    // and a court route sent anyway (not through the form) goes to arbitration first
    complete(caseCode, "Task_InformRoutes", null, Map.of("nextRoute", "LITIGATION"));
    assertThat(passedActivities(caseCode, "dispute-case"))
        .contains("CallActivity_LabourArbitration")
        .doesNotContain("CallActivity_Representation", "CallActivity_LitigationMediation");
    assertThat(outboundSteps(caseCode)).contains("ARBITRATION_APPLICATION");
  }

  @Test
  void otherDisputesMayStillGoToCourt() {
    Map<String, Object> neighbours = labourDispute(false);
    neighbours.put("disputeType", "NEIGHBOUR");
    String caseCode = informed(neighbours);
    assertThat(runtimeService.getVariable(processOf(caseCode), "arbitrationFirst"))
        .isEqualTo(false);
  }

  @Test
  void aWageIouMayGoStraightToCourt() {
    String caseCode = informed(labourDispute(false));
    complete(caseCode, "Task_InformRoutes", null, Map.of("nextRoute", "WAGE_IOU_LITIGATION"));
    assertThat(passedActivities(caseCode, "dispute-case"))
        .contains("CallActivity_Representation")
        .doesNotContain("CallActivity_LabourArbitration");
  }

  @Test
  void acceptanceIsChasedAfterFiveWorkingDaysAndARefusalOpensTheCourt() {
    String caseCode = startStage(ARBITRATION, labourStage());
    assertThat(outboundSteps(caseCode)).containsExactly("ARBITRATION_APPLICATION");
    // Monday 2 March + 5 working days = Monday 9 March
    moveClockTo(OffsetDateTime.parse("2026-03-09T20:00:00+08:00"));
    assertThat(openTaskKeys(caseCode)).isEmpty();
    moveClockTo(OffsetDateTime.parse("2026-03-10T08:00:00+08:00"));
    complete(caseCode, "Task_ChaseAcceptance", LABOUR_MEDIATORS, Map.of("chaseNote", "已电话催告"));

    caseMessages.arbitrationAccepted(caseCode, false, today(), "不属于劳动争议");

    assertThat(stageEnded(caseCode, ARBITRATION)).isTrue();
    assertThat(variable(caseCode, ARBITRATION, "arbitrationOutcome")).isEqualTo("NOT_ACCEPTED");
    assertThat(variable(caseCode, ARBITRATION, "nextRoute")).isEqualTo("LITIGATION");
  }

  @Test
  void arbitrationAwardStartsFifteenDaysToSue() {
    String caseCode = startStage(ARBITRATION, labourStage());
    caseMessages.arbitrationAccepted(caseCode, true, LocalDate.parse("2026-03-04"), null);
    caseMessages.arbitrationAwarded(caseCode, false, LocalDate.parse("2026-04-10"));

    // 10 April + 15 days = Saturday 25 April: the period ends on the next working day
    assertThat(dueDate(caseCode, "Task_RecordAwardResponse")).isEqualTo(endOfDay("2026-04-27"));
    assertThat(candidateGroups(task(caseCode, "Task_RecordAwardResponse")))
        .contains(LABOUR_MEDIATORS);
    moveClockTo(OffsetDateTime.parse("2026-04-27T20:00:00+08:00"));
    assertThat(stageEnded(caseCode, ARBITRATION)).isFalse();
    moveClockTo(OffsetDateTime.parse("2026-04-28T08:00:00+08:00"));

    // nobody sued within 15 days: the non-final award takes effect (art 50)
    assertThat(stageEnded(caseCode, ARBITRATION)).isTrue();
    assertThat(variable(caseCode, ARBITRATION, "arbitrationOutcome")).isEqualTo("AWARD_EFFECTIVE");
    assertThat(passedActivities(caseCode, ARBITRATION))
        .contains("BoundaryEvent_TimeToSueOver", "EndEvent_AwardEffective");
  }

  @Test
  void suingWithinFifteenDaysOfTheAwardOpensTheCourt() {
    String caseCode = startStage(ARBITRATION, labourStage());
    caseMessages.arbitrationAccepted(caseCode, true, today(), null);
    caseMessages.arbitrationAwarded(caseCode, false, today());
    complete(
        caseCode, "Task_RecordAwardResponse", LABOUR_MEDIATORS, Map.of("awardResponse", "SUE"));

    assertThat(variable(caseCode, ARBITRATION, "arbitrationOutcome")).isEqualTo("SUED_AFTER_AWARD");
    assertThat(variable(caseCode, ARBITRATION, "nextRoute")).isEqualTo("LITIGATION");
  }

  @Test
  void finalAwardTakesEffectAfterTheEmployersThirtyDays() {
    String caseCode = startStage(ARBITRATION, labourStage());
    caseMessages.arbitrationAccepted(caseCode, true, today(), null);
    caseMessages.arbitrationAwarded(caseCode, true, LocalDate.parse("2026-03-20"));
    complete(
        caseCode, "Task_RecordAwardResponse", LABOUR_MEDIATORS, Map.of("awardResponse", "ACCEPT"));

    // 20 March + 30 days = Sunday 19 April: the employer has until Monday 20 April
    moveClockTo(OffsetDateTime.parse("2026-04-20T20:00:00+08:00"));
    assertThat(stageEnded(caseCode, ARBITRATION)).as("employer may still apply").isFalse();
    moveClockTo(OffsetDateTime.parse("2026-04-21T08:00:00+08:00"));
    assertThat(stageEnded(caseCode, ARBITRATION)).isTrue();
    assertThat(passedActivities(caseCode, ARBITRATION)).contains("TimerEvent_SetAsideWindowOver");
    assertThat(variable(caseCode, ARBITRATION, "arbitrationOutcome")).isEqualTo("AWARD_EFFECTIVE");
  }

  @Test
  void theAwardIsDueFortyFiveDaysAfterAcceptanceAndSixtyWhenExtended() {
    String caseCode = startStage(ARBITRATION, labourStage());
    caseMessages.arbitrationAccepted(caseCode, true, LocalDate.parse("2026-03-02"), null);
    // 2 March + 45 days = 16 April
    moveClockTo(OffsetDateTime.parse("2026-04-16T20:00:00+08:00"));
    assertThat(openTaskKeys(caseCode)).isEmpty();
    moveClockTo(OffsetDateTime.parse("2026-04-17T08:00:00+08:00"));
    complete(caseCode, "Task_ChaseAward", LABOUR_MEDIATORS, Map.of("chaseNote", "已催告"));

    caseMessages.arbitrationExtended(caseCode);
    // + 15 = 1 May, the Labour Day holiday (1-5 May 2026): due on Wednesday 6 May
    moveClockTo(OffsetDateTime.parse("2026-05-06T20:00:00+08:00"));
    assertThat(openTaskKeys(caseCode)).isEmpty();
    moveClockTo(OffsetDateTime.parse("2026-05-07T08:00:00+08:00"));
    complete(caseCode, "Task_ChaseAward", LABOUR_MEDIATORS, Map.of("chaseNote", "已催告"));

    caseMessages.arbitrationAwarded(caseCode, false, today());
    assertThat(passedActivities(caseCode, ARBITRATION))
        .contains(
            "BoundaryEvent_AwardOverdue",
            "BoundaryEvent_AwardPeriodExtended",
            "BoundaryEvent_ExtendedAwardOverdue",
            "Task_RecordAwardResponse");
  }

  @Test
  void anEffectiveAwardClosesTheCase() {
    String caseCode = informed(labourDispute(false));
    complete(caseCode, "Task_InformRoutes", null, Map.of("nextRoute", "LABOUR_ARBITRATION"));
    caseMessages.arbitrationAccepted(caseCode, true, today(), null);
    caseMessages.arbitrationAwarded(caseCode, false, today());
    complete(caseCode, "Task_RecordAwardResponse", null, Map.of("awardResponse", "ACCEPT"));

    assertThat(passedActivities(caseCode, "dispute-case"))
        .contains(
            "CallActivity_LabourArbitration", "Gateway_ArbitrationOutcome", "CallActivity_Closure")
        .doesNotContain("CallActivity_Representation");
  }

  private String processOf(String caseCode) {
    return runtimeService
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(caseCode)
        .processDefinitionKey("dispute-case")
        .singleResult()
        .getId();
  }

  /** A labour mediation agreement left unperformed past its agreed day, at the follow-up visit. */
  private String unperformedLabourAgreement(String subject) {
    Map<String, Object> variables = labourStage();
    variables.put("arbitrationFirst", true);
    variables.put("performanceDueDate", "2026-12-10");
    String caseCode = startStage("agreement-follow-up", variables);
    moveClockTo(OffsetDateTime.parse("2026-12-11T09:00:00+08:00"));
    complete(
        caseCode,
        "Task_FollowUpVisit",
        LABOUR_MEDIATORS,
        Map.of("performed", false, "agreementSubject", subject, "visitNote", "用人单位到期未支付"));
    return caseCode;
  }

  @Test
  void payOrderIsOfferedForAnUnperformedLabourAgreementOnPay() {
    String caseCode = unperformedLabourAgreement("LABOUR_PAY");

    assertThat(openTaskKeys(caseCode)).contains("Task_RecordPayOrder");
    assertThat(candidateGroups(task(caseCode, "Task_RecordPayOrder")))
        .as("the court liaison helps the worker apply to the court (art 16)")
        .containsExactly(COURT_LIAISONS);
    complete(
        caseCode,
        "Task_RecordPayOrder",
        COURT_LIAISONS,
        Map.of("payOrderOutcome", "EFFECTIVE", "payOrderNote", "法院发出支付令，用人单位未异议"));

    assertThat(passedActivities(caseCode, "agreement-follow-up"))
        .containsSubsequence(
            "Task_FollowUpVisit",
            "Gateway_PayOrderAvailable",
            "Task_RecordPayOrder",
            "EndEvent_FollowUpDone");
    String instanceId =
        historyService
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(caseCode)
            .singleResult()
            .getId();
    assertThat(
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instanceId)
                .variableName("payOrderOutcome")
                .singleResult()
                .getValue())
        .as("the court's answer goes back to the case, which enforces an effective order")
        .isEqualTo("EFFECTIVE");
  }

  @Test
  void anUnperformedLabourAgreementOnOtherMattersGoesBackToTheRoutesWithoutAPayOrder() {
    String caseCode = unperformedLabourAgreement("OTHER");

    assertThat(openTaskKeys(caseCode)).doesNotContain("Task_RecordPayOrder");
    assertThat(passedActivities(caseCode, "agreement-follow-up"))
        .contains("Gateway_PayOrderAvailable", "EndEvent_FollowUpDone")
        .doesNotContain("Task_RecordPayOrder");
  }

  /** A wage claim settled orally at the labour committee, unperformed at the visit, on pay. */
  private String wageAgreementUnperformedAtTheVisit() {
    String caseCode = register(labourDispute(true));
    complete(caseCode, "Task_RecordConsent", LABOUR_MEDIATORS, Map.of("partiesConsent", "YES"));
    complete(
        caseCode,
        "Task_Mediate",
        LABOUR_MEDIATORS,
        Map.of(
            "mediationResult",
            "AGREEMENT_ORAL",
            "sessionNote",
            "用人单位同意补发工资",
            "performanceDueDate",
            "2026-03-20"));
    moveClockTo(OffsetDateTime.parse("2026-03-21T09:00:00+08:00"));
    complete(
        caseCode,
        "Task_FollowUpVisit",
        LABOUR_MEDIATORS,
        Map.of("performed", false, "agreementSubject", "LABOUR_PAY", "visitNote", "到期未补发工资"));
    return caseCode;
  }

  @Test
  void anEffectivePayOrderOnAnUnperformedWageAgreementIsEnforced() {
    String caseCode = wageAgreementUnperformedAtTheVisit();
    complete(
        caseCode,
        "Task_RecordPayOrder",
        COURT_LIAISONS,
        Map.of("payOrderOutcome", "EFFECTIVE", "payOrderNote", "支付令生效"));

    assertThat(journal.progress(caseCode).stage()).isEqualTo(CaseStage.ENFORCEMENT);
    assertThat(openTaskKeys(caseCode)).contains("Task_PrepareEnforcement");
    assertThat(passedActivities(caseCode, "dispute-case"))
        .doesNotContain("Task_InformRoutes", "CallActivity_LabourArbitration");
  }

  @Test
  void aPayOrderObjectedToLeavesTheWorkerArbitration() {
    String caseCode = wageAgreementUnperformedAtTheVisit();
    complete(
        caseCode,
        "Task_RecordPayOrder",
        COURT_LIAISONS,
        Map.of("payOrderOutcome", "OBJECTED", "payOrderNote", "用人单位提出书面异议"));

    assertThat(openTaskKeys(caseCode)).contains("Task_InformRoutes");
    complete(caseCode, "Task_InformRoutes", null, Map.of("nextRoute", "LABOUR_ARBITRATION"));
    assertThat(passedActivities(caseCode, "dispute-case"))
        .contains("CallActivity_LabourArbitration")
        .doesNotContain("CallActivity_Enforcement");
  }
}
