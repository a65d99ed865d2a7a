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
  void anApplicantNotEligibleRepresentsThemself() {
    String caseCode = startStage("representation", villageCase());
    Map<String, Object> form = application(true, false);
    form.put("monthlyIncomePerCapita", 5000);
    complete(caseCode, "Task_PrepareLegalAidApplication", LEGAL_AID_OFFICERS, form);

    assertRepresented(caseCode, false);
    assertThat(variable(caseCode, "representation", "hardshipLine")).isEqualTo(1200.0);
    assertThat(outboundSteps(caseCode)).isEmpty();
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

  @Test
  void aRefusalNotObjectedToEndsWithoutLegalAid() {
    String caseCode = applied(true, false);
    caseMessages.legalAidDecided(caseCode, false);
    assertThat(dueDate(caseCode, "Task_RecordObjection")).isEqualTo(endOfDay("2026-03-09"));
    complete(caseCode, "Task_RecordObjection", LEGAL_AID_OFFICERS, Map.of("objects", false));

    assertRepresented(caseCode, false);
  }

  @Test
  void anUpheldObjectionGrantsAidAndALawyerIsAssigned() {
    String caseCode = applied(true, false);
    caseMessages.legalAidDecided(caseCode, false);
    complete(caseCode, "Task_RecordObjection", LEGAL_AID_OFFICERS, Map.of("objects", true));
    assertThat(outboundSteps(caseCode))
        .as("the objection goes to the legal-aid system")
        .containsExactly("LEGAL_AID_APPLICATION", "LEGAL_AID_OBJECTION");
    caseMessages.legalAidObjectionDecided(caseCode, true);
    caseMessages.lawyerAssigned(caseCode, "四川某律师事务所");

    assertRepresented(caseCode, true);
  }

  @Test
  void aRejectedObjectionEndsWithoutLegalAid() {
    String caseCode = applied(true, false);
    caseMessages.legalAidDecided(caseCode, false);
    complete(caseCode, "Task_RecordObjection", LEGAL_AID_OFFICERS, Map.of("objects", true));
    caseMessages.legalAidObjectionDecided(caseCode, false);

    assertRepresented(caseCode, false);
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

    assertRepresented(caseCode, false);
  }
}
