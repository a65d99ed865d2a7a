package cn.onedoor.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Representation and legal aid (representation.bpmn) on its own. */
class RepresentationPathsTest extends PathTest {

  private static Map<String, Object> application(boolean papersComplete, boolean urgent) {
    Map<String, Object> form = new HashMap<>();
    form.put("applicantCategory", "NONE");
    form.put("aidMatter", "LABOUR_REMUNERATION");
    form.put("monthlyIncomePerCapita", 800);
    form.put("papersComplete", papersComplete);
    form.put("urgent", urgent);
    return form;
  }

  private String applied(boolean papersComplete, boolean urgent) {
    String caseCode = startStage("representation", villageCase());
    assertThat(dueDate(caseCode, "Task_PrepareLegalAidApplication"))
        .isEqualTo(endOfDay("2026-03-05"));
    complete(
        caseCode,
        "Task_PrepareLegalAidApplication",
        LEGAL_AID_OFFICERS,
        application(papersComplete, urgent));
    return caseCode;
  }

  private void assertRepresented(String caseCode, boolean granted) {
    assertThat(stageEnded(caseCode, "representation")).isTrue();
    assertThat(variable(caseCode, "representation", "legalAidGranted")).isEqualTo(granted);
    assertThat(passedActivities(caseCode, "representation"))
        .contains(granted ? "EndEvent_Represented" : "EndEvent_NoLegalAid");
  }

  @Test
  void legalAidRefusalGivesWrittenReasons() {
    String caseCode = startStage("representation", villageCase());
    Map<String, Object> form = application(true, false);
    form.put("monthlyIncomePerCapita", 5000);
    complete(caseCode, "Task_PrepareLegalAidApplication", LEGAL_AID_OFFICERS, form);

    assertThat(stageEnded(caseCode, "representation"))
        .as("a refusal is written before the stage ends (法律援助法第43条)")
        .isFalse();
    assertThat(variable(caseCode, "representation", "hardshipLine")).isEqualTo(1200.0);
    assertThat((String) variable(caseCode, "representation", "legalAidRefusalReasons"))
        .as("the reasons start from the rule the decision table cited")
        .startsWith("不符合法律援助条件：");
    assertThat(dueDate(caseCode, "Task_WriteRefusalDecision")).isEqualTo(endOfDay("2026-03-03"));
    String reasons = "家庭人均月收入5000元，高于本省经济困难标准1200元（法律援助法第34条）";
    complete(
        caseCode,
        "Task_WriteRefusalDecision",
        LEGAL_AID_OFFICERS,
        Map.of("legalAidRefusalReasons", reasons));

    assertThat(outboundSteps(caseCode))
        .as("the written refusal reaches the parties by SMS")
        .containsExactly("SMS_LEGAL_AID_REFUSED");
    assertThat(eventDetails(caseCode, "LEGAL_AID_REFUSED"))
        .singleElement()
        .asString()
        .contains(reasons, "县司法局");
    assertThat(openTaskKeys(caseCode)).containsExactly("Task_RecordObjection");
    complete(caseCode, "Task_RecordObjection", LEGAL_AID_OFFICERS, Map.of("objects", false));
    assertRepresented(caseCode, false);
  }

  @Test
  void theCentresRefusalCarriesItsReasonsToTheWrittenDecision() {
    String caseCode = applied(true, false);
    caseMessages.legalAidDecided(caseCode, false, "申请事项已经审结，不属于法律援助范围");
    assertThat(variable(caseCode, "representation", "legalAidRefusalReasons"))
        .isEqualTo("申请事项已经审结，不属于法律援助范围");
    assertThat(variable(caseCode, "representation", "legalAidRefusalKind")).isEqualTo("REFUSAL");
    refusalWrittenAndNotObjectedTo(caseCode);
    assertThat(outboundSteps(caseCode))
        .containsExactly("LEGAL_AID_APPLICATION", "SMS_LEGAL_AID_REFUSED");
    assertRepresented(caseCode, false);
  }

  @Test
  void missingPapersProvidedLeadToAnApplication() {
    String caseCode = applied(false, false);
    assertThat(dueDate(caseCode, "Task_RequestMissingPapers")).isEqualTo(endOfDay("2026-03-17"));
    complete(
        caseCode, "Task_RequestMissingPapers", LEGAL_AID_OFFICERS, Map.of("papersProvided", true));
    assertThat(outboundSteps(caseCode)).containsExactly("LEGAL_AID_APPLICATION");

    caseMessages.legalAidDecided(caseCode, true);
    caseMessages.lawyerAssigned(caseCode, "四川某律师事务所");
    assertRepresented(caseCode, true);
  }

  @Test
  void missingPapersNotProvidedEndWithoutLegalAid() {
    String caseCode = applied(false, false);
    complete(
        caseCode, "Task_RequestMissingPapers", LEGAL_AID_OFFICERS, Map.of("papersProvided", false));

    assertRepresented(caseCode, false);
    assertThat(outboundSteps(caseCode)).isEmpty();
  }

  @Test
  void aLateDecisionAndALateLawyerAreBothChasedThenAidIsGranted() {
    String caseCode = applied(true, false);
    assertThat(outboundSteps(caseCode)).containsExactly("LEGAL_AID_APPLICATION");
    moveClockTo(OffsetDateTime.parse("2026-03-09T20:00:00+08:00"));
    assertThat(openTaskKeys(caseCode)).isEmpty();
    moveClockTo(OffsetDateTime.parse("2026-03-10T08:00:00+08:00"));
    complete(
        caseCode, "Task_ChaseLegalAidDecision", LEGAL_AID_OFFICERS, Map.of("chaseNote", "已催办"));
    caseMessages.legalAidDecided(caseCode, true);

    moveClockTo(OffsetDateTime.parse("2026-03-13T20:00:00+08:00"));
    assertThat(openTaskKeys(caseCode)).isEmpty();
    moveClockTo(OffsetDateTime.parse("2026-03-14T08:00:00+08:00"));
    complete(
        caseCode, "Task_ChaseLawyerAssignment", LEGAL_AID_OFFICERS, Map.of("chaseNote", "已催办"));
    caseMessages.lawyerAssigned(caseCode, "四川某律师事务所");

    assertRepresented(caseCode, true);
    assertThat(variable(caseCode, "representation", "assignedLawFirm")).isEqualTo("四川某律师事务所");
    assertThat(outboundSteps(caseCode)).containsExactly("LEGAL_AID_APPLICATION");
  }

  private void refusedAndObjectedTo(String caseCode) {
    complete(
        caseCode,
        "Task_WriteRefusalDecision",
        LEGAL_AID_OFFICERS,
        Map.of("legalAidRefusalReasons", "申请人家庭人均月收入高于经济困难标准"));
    complete(
        caseCode,
        "Task_RecordObjection",
        LEGAL_AID_OFFICERS,
        Map.of("objects", true, "objectionNote", "收入证明已补"));
  }

  @Test
  void aRefusalNotObjectedToEndsWithoutLegalAidAndThePartyHasNoClock() {
    String caseCode = applied(true, false);
    caseMessages.legalAidDecided(caseCode, false);
    complete(
        caseCode,
        "Task_WriteRefusalDecision",
        LEGAL_AID_OFFICERS,
        Map.of("legalAidRefusalReasons", "申请人家庭人均月收入高于经济困难标准"));
    assertThat(dueDate(caseCode, "Task_RecordObjection"))
        .as("the law gives the applicant no 5 days: the date is the officer's follow-up")
        .isEqualTo(endOfDay("2026-03-17"));
    complete(caseCode, "Task_RecordObjection", LEGAL_AID_OFFICERS, Map.of("objects", false));

    assertRepresented(caseCode, false);
  }

  @Test
  void objectionGoesToJusticeBureauWithFiveDayReview() {
    String caseCode = applied(true, false);
    caseMessages.legalAidDecided(caseCode, false);
    refusedAndObjectedTo(caseCode);
    assertThat(outbound.forCase(caseCode))
        .as("the objection goes to the 县司法局, not to the legal-aid system (法律援助法第49条)")
        .filteredOn(request -> request.step().equals("LEGAL_AID_OBJECTION"))
        .singleElement()
        .satisfies(request -> assertThat(request.system()).isEqualTo("JUSTICE_BUREAU"));
    assertThat(openTaskKeys(caseCode)).as("the party waits; nobody chases them").isEmpty();

    // 5 days from Monday 2 March end on Saturday 7 March, so on Monday 9 March (a period ending on
    // a day off ends on the next working day).
    moveClockTo(OffsetDateTime.parse("2026-03-09T20:00:00+08:00"));
    assertThat(openTaskKeys(caseCode)).isEmpty();
    moveClockTo(OffsetDateTime.parse("2026-03-10T08:00:00+08:00"));
    assertThat(openTaskKeys(caseCode))
        .as("the 5 days are the department's: its review is chased")
        .containsExactly("Task_ChaseObjectionReview");
    assertThat(candidateGroups(task(caseCode, "Task_ChaseObjectionReview")))
        .containsExactly("liaison:department:JUSTICE");
    complete(
        caseCode,
        "Task_ChaseObjectionReview",
        "liaison:department:JUSTICE",
        Map.of("chaseNote", "已催办"));

    caseMessages.legalAidObjectionReviewed(caseCode, "KEEP", "收入仍高于标准");
    assertThat(stageEnded(caseCode, "representation")).isTrue();
    assertThat(variable(caseCode, "representation", "legalAidGranted")).isEqualTo(false);
    assertThat(passedActivities(caseCode, "representation")).contains("EndEvent_RefusalKept");
    assertThat(eventKinds(caseCode))
        .containsSubsequence("LEGAL_AID_REFUSED", "LEGAL_AID_OBJECTION", "OBJECTION_REVIEWED");
    assertThat(eventDetails(caseCode, "OBJECTION_REVIEWED"))
        .containsExactly("县司法局维持法律援助机构的决定，理由：收入仍高于标准");
  }

  @Test
  void aCorrectionOrderGrantsAidAndALawyerIsAssigned() {
    String caseCode = applied(true, false);
    caseMessages.legalAidDecided(caseCode, false);
    refusedAndObjectedTo(caseCode);
    caseMessages.legalAidObjectionReviewed(caseCode, "CORRECT", null);
    assertThat(stageEnded(caseCode, "representation")).as("the centre assigns a lawyer").isFalse();
    caseMessages.lawyerAssigned(caseCode, "四川某律师事务所");

    assertRepresented(caseCode, true);
    assertThat(passedActivities(caseCode, "representation"))
        .containsSubsequence(
            "Gateway_ObjectionReview", "Gateway_LawyerPending", "ReceiveTask_AwaitLawyer");
  }

  @Test
  void terminationOfAidCanBeObjectedTo() {
    String caseCode = applied(true, true);
    caseMessages.lawyerAssigned(caseCode, "四川某律师事务所");
    caseMessages.legalAidDecided(caseCode, false, "经审查申请人不符合经济困难条件");
    assertThat(variable(caseCode, "representation", "legalAidRefusalKind"))
        .isEqualTo("TERMINATION");
    refusedAndObjectedTo(caseCode);
    assertThat(outboundSteps(caseCode))
        .containsExactly("LEGAL_AID_APPLICATION", "SMS_LEGAL_AID_REFUSED", "LEGAL_AID_OBJECTION");
    assertThat(eventKinds(caseCode)).contains("LEGAL_AID_TERMINATED");

    caseMessages.legalAidObjectionReviewed(caseCode, "CORRECT", "经济困难证明属实");
    assertRepresented(caseCode, true);
    assertThat(passedActivities(caseCode, "representation"))
        .as("the aid goes on with the lawyer already assigned")
        .containsSubsequence("Gateway_ObjectionReview", "EndEvent_Represented")
        .doesNotContain("ReceiveTask_AwaitLawyer");
  }

  @Test
  void urgentAidAssignsALawyerFirstChasedIfLateAndTheReviewUpholdsIt() {
    String caseCode = applied(true, true);
    moveClockTo(OffsetDateTime.parse("2026-03-06T08:00:00+08:00"));
    complete(caseCode, "Task_ChaseUrgentLawyer", LEGAL_AID_OFFICERS, Map.of("chaseNote", "已催办"));
    caseMessages.lawyerAssigned(caseCode, "四川某律师事务所");
    assertThat(stageEnded(caseCode, "representation"))
        .as("the review still has to decide")
        .isFalse();
    caseMessages.legalAidDecided(caseCode, true);

    assertRepresented(caseCode, true);
    assertThat(passedActivities(caseCode, "representation"))
        .containsSubsequence(
            "Gateway_Urgent",
            "ReceiveTask_AwaitUrgentLawyer",
            "BoundaryEvent_UrgentLawyerOverdue",
            "Task_ChaseUrgentLawyer",
            "MessageEvent_ReviewDecided",
            "Gateway_ReviewUpheld")
        .doesNotContain("ReceiveTask_AwaitDecision");
  }

  @Test
  void urgentAidRefusedOnReviewEndsWithoutLegalAid() {
    String caseCode = applied(true, true);
    caseMessages.lawyerAssigned(caseCode, "四川某律师事务所");
    caseMessages.legalAidDecided(caseCode, false);
    refusalWrittenAndNotObjectedTo(caseCode);

    assertRepresented(caseCode, false);
  }
}
