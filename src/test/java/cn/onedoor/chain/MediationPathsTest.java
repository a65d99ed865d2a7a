package cn.onedoor.chain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.casefile.CaseStage;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * Mediation (mediation.bpmn) on its own, the escalation ladder of its clocked tasks, and joint
 * handling of a group dispute driven from registration.
 */
class MediationPathsTest extends PathTest {

  private static Map<String, Object> villageMediation() {
    Map<String, Object> variables = villageCase();
    variables.put("slaPeriod", "P30D");
    variables.put("slaUnit", "CALENDAR");
    return variables;
  }

  private String consentedVillageMediation() {
    String caseCode = startStage("mediation", villageMediation());
    complete(caseCode, "Task_RecordConsent", VILLAGE_MEDIATORS, Map.of("partiesConsent", "YES"));
    return caseCode;
  }

  private void failSession(String caseCode, String group) {
    complete(
        caseCode,
        "Task_Mediate",
        group,
        Map.of("mediationResult", "FAILED", "sessionNote", "未达成一致"));
  }

  @Test
  void partiesRefusingConsentEndMediationAsRefused() {
    String caseCode = startStage("mediation", villageMediation());
    assertThat(dueDate(caseCode, "Task_RecordConsent")).isEqualTo(endOfDay("2026-03-05"));
    complete(caseCode, "Task_RecordConsent", VILLAGE_MEDIATORS, Map.of("partiesConsent", "NO"));

    assertThat(stageEnded(caseCode, "mediation")).isTrue();
    assertThat(variable(caseCode, "mediation", "mediationOutcome")).isEqualTo("REFUSED");
    assertThat(passedActivities(caseCode, "mediation"))
        .doesNotContain("Task_Mediate")
        .contains("EndEvent_Refused");
  }

  @Test
  void aPartyRefusingToContinueEndsMediationAsRefused() {
    String caseCode = consentedVillageMediation();
    assertThat(dueDate(caseCode, "Task_Mediate")).isEqualTo(endOfDay("2026-04-01"));
    complete(
        caseCode,
        "Task_Mediate",
        VILLAGE_MEDIATORS,
        Map.of("mediationResult", "REFUSED", "sessionNote", "拒绝"));

    assertThat(stageEnded(caseCode, "mediation")).isTrue();
    assertThat(variable(caseCode, "mediation", "mediationOutcome")).isEqualTo("REFUSED");
  }

  @Test
  void theMediatorTerminatingEndsMediationAsTerminated() {
    String caseCode = consentedVillageMediation();
    complete(
        caseCode,
        "Task_Mediate",
        VILLAGE_MEDIATORS,
        Map.of("mediationResult", "TERMINATED", "sessionNote", "终止"));

    assertThat(stageEnded(caseCode, "mediation")).isTrue();
    assertThat(variable(caseCode, "mediation", "mediationOutcome")).isEqualTo("TERMINATED");
    assertThat(passedActivities(caseCode, "mediation"))
        .doesNotContain("ServiceTask_CountFailedAttempt");
  }

  @Test
  void failedSessionsClimbTheLadderFromVillageToTownToCountyThenTerminate() {
    String caseCode = consentedVillageMediation();
    failSession(caseCode, VILLAGE_MEDIATORS);
    assertThat(candidateGroups(task(caseCode, "Task_Mediate")))
        .as("second try at the village")
        .containsExactly(VILLAGE_MEDIATORS);
    assertThat(eventKinds(caseCode)).doesNotContain("HANDED_OVER");

    moveClockTo(OffsetDateTime.parse("2026-03-10T09:00:00+08:00"));
    failSession(caseCode, VILLAGE_MEDIATORS);
    assertThat(candidateGroups(task(caseCode, "Task_Mediate"))).containsExactly(TOWN_MEDIATORS);
    assertThat(dueDate(caseCode, "Task_Mediate"))
        .as("the town gets its own 30 days")
        .isEqualTo(endOfDay("2026-04-09"));
    assertThat(eventDetails(caseCode, "HANDED_OVER")).singleElement().asString().startsWith("TOWN");

    failSession(caseCode, TOWN_MEDIATORS);
    assertThat(candidateGroups(task(caseCode, "Task_Mediate"))).containsExactly(TOWN_MEDIATORS);
    failSession(caseCode, TOWN_MEDIATORS);
    assertThat(candidateGroups(task(caseCode, "Task_Mediate"))).containsExactly(COUNTY_MEDIATORS);
    assertThat(eventDetails(caseCode, "HANDED_OVER"))
        .hasSize(2)
        .last()
        .asString()
        .startsWith("COUNTY");

    failSession(caseCode, COUNTY_MEDIATORS);
    assertThat(stageEnded(caseCode, "mediation")).isTrue();
    assertThat(variable(caseCode, "mediation", "mediationOutcome")).isEqualTo("TERMINATED");
    assertThat(variable(caseCode, "mediation", "handlingLevel")).isEqualTo("COUNTY");
    assertThat(passedActivities(caseCode, "mediation"))
        .filteredOn("ServiceTask_RaiseLevel"::equals)
        .hasSize(2);
    assertThat(passedActivities(caseCode, "mediation"))
        .filteredOn("Task_Mediate"::equals)
        .hasSize(5);
  }

  @Test
  void aStatutoryMedicalMediationExpiresAtTheEndOfItsThirtyWorkingDays() {
    Map<String, Object> variables = villageMediation();
    variables.put("channel", "COMMITTEE_MEDICAL");
    variables.put("handlingLevel", "COUNTY");
    variables.put("disputeType", "MEDICAL");
    variables.put("slaUnit", "WORKING");
    String caseCode = startStage("mediation", variables);
    complete(
        caseCode,
        "Task_RecordConsent",
        "mediator:committee:MEDICAL",
        Map.of("partiesConsent", "YES"));
    Date end = deadlines.period(Date.from(MONDAY_MORNING.toInstant()), "P30D", "WORKING");
    assertThat(dueDate(caseCode, "Task_Mediate")).isEqualTo(end);

    moveClockTo(justAfter(end).minusHours(2));
    assertThat(openTaskKeys(caseCode)).containsExactly("Task_Mediate");
    moveClockTo(justAfter(end));

    assertThat(openTaskKeys(caseCode)).isEmpty();
    assertThat(stageEnded(caseCode, "mediation")).isTrue();
    assertThat(variable(caseCode, "mediation", "mediationOutcome")).isEqualTo("EXPIRED");
    assertThat(passedActivities(caseCode, "mediation"))
        .contains("BoundaryEvent_MediationExpired", "EndEvent_Expired");
  }

  private static final String MEDICAL_MEDIATORS = "mediator:committee:MEDICAL";

  private String consentedMedicalMediation() {
    Map<String, Object> variables = villageMediation();
    variables.put("channel", "COMMITTEE_MEDICAL");
    variables.put("handlingLevel", "COUNTY");
    variables.put("disputeType", "MEDICAL");
    variables.put("slaUnit", "WORKING");
    String caseCode = startStage("mediation", variables);
    complete(caseCode, "Task_RecordConsent", MEDICAL_MEDIATORS, Map.of("partiesConsent", "YES"));
    return caseCode;
  }

  @Test
  void appraisalPausesTheMedicalClock() {
    String caseCode = consentedMedicalMediation();
    Date start = Date.from(MONDAY_MORNING.toInstant());
    Date end = deadlines.period(start, "P30D", "WORKING");
    complete(
        caseCode,
        "Task_Mediate",
        MEDICAL_MEDIATORS,
        Map.of("mediationResult", "APPRAISAL", "sessionNote", "双方同意委托医疗损害鉴定"));
    assertThat(openTaskKeys(caseCode)).containsExactly("Task_AwaitAppraisal");
    assertThat(eventKinds(caseCode)).contains("CLOCK_PAUSED");

    moveClockTo(justAfter(end));
    assertThat(stageEnded(caseCode, "mediation"))
        .as("a case waiting for its appraisal is not closed as failed")
        .isFalse();
    // Monday 2 to Friday 13 March 2026: 10 working days of appraisal do not count.
    complete(
        caseCode,
        "Task_AwaitAppraisal",
        MEDICAL_MEDIATORS,
        Map.of("appraisalConcludedOn", "2026-03-13", "appraisalNote", "鉴定意见书已送达"));

    Date shifted = deadlines.workingDays(start, 40);
    assertThat(dueDate(caseCode, "Task_Mediate")).isEqualTo(shifted);
    assertThat(variable(caseCode, "mediation", "mediationPausedDays")).isEqualTo(10);
    assertThat(eventDetails(caseCode, "CLOCK_RESUMED"))
        .singleElement()
        .asString()
        .contains("暂停 10 个工作日");

    moveClockTo(justAfter(shifted).minusHours(2));
    assertThat(openTaskKeys(caseCode)).containsExactly("Task_Mediate");
    moveClockTo(justAfter(shifted));
    assertThat(variable(caseCode, "mediation", "mediationOutcome"))
        .as("the clock ends on the shifted day")
        .isEqualTo("EXPIRED");
  }

  @Test
  void theMedicalPeriodIsExtendedByAgreementOfBothParties() {
    String caseCode = consentedMedicalMediation();
    Date end = deadlines.period(Date.from(MONDAY_MORNING.toInstant()), "P30D", "WORKING");
    complete(
        caseCode,
        "Task_Mediate",
        MEDICAL_MEDIATORS,
        Map.of(
            "mediationResult",
            "EXTENDED",
            "sessionNote",
            "医患双方同意延长",
            "extendedTo",
            "2026-05-29",
            "bothPartiesAgreeToExtend",
            true));

    assertThat(dueDate(caseCode, "Task_Mediate")).isEqualTo(endOfDay("2026-05-29"));
    assertThat(eventDetails(caseCode, "MEDIATION_EXTENDED"))
        .singleElement()
        .asString()
        .contains("2026-05-29", "双方同意");
    moveClockTo(justAfter(end));
    assertThat(openTaskKeys(caseCode)).containsExactly("Task_Mediate");
    moveClockTo(justAfter(endOfDay("2026-05-29")));
    assertThat(variable(caseCode, "mediation", "mediationOutcome")).isEqualTo("EXPIRED");
  }

  @Test
  void trafficClockStartsWhenLossIsKnown() {
    Map<String, Object> variables = villageMediation();
    variables.put("channel", "COMMITTEE_TRAFFIC");
    variables.put("handlingLevel", "COUNTY");
    variables.put("disputeType", "TRAFFIC");
    variables.put("slaPeriod", "P10D");
    variables.put("slaUnit", "CALENDAR");
    String caseCode = startStage("mediation", variables);
    complete(
        caseCode,
        "Task_RecordConsent",
        "mediator:committee:TRAFFIC",
        Map.of("partiesConsent", "YES"));
    assertThat(openTaskKeys(caseCode))
        .as("the 10 days wait for the loss to be known")
        .containsExactly("Task_RecordLossKnown");

    // Treatment ends on 19 March, more than 10 days after registration.
    moveClockTo(OffsetDateTime.parse("2026-03-20T09:00:00+08:00"));
    assertThat(stageEnded(caseCode, "mediation")).isFalse();
    complete(
        caseCode,
        "Task_RecordLossKnown",
        "mediator:committee:TRAFFIC",
        Map.of("lossKind", "INJURY", "lossKnownOn", "2026-03-19"));

    Date end = deadlines.calendarDays("2026-03-19", 10);
    assertThat(dueDate(caseCode, "Task_Mediate")).isEqualTo(end);
    assertThat(eventKinds(caseCode)).contains("MEDIATION_COUNTED");
    moveClockTo(justAfter(end));
    assertThat(variable(caseCode, "mediation", "mediationOutcome")).isEqualTo("EXPIRED");
  }

  @Test
  void anOverdueConsentClimbsTheEscalationLadderUpToASupervisionOrder() {
    String caseCode = startStage("mediation", villageMediation());

    moveClockTo(OffsetDateTime.parse("2026-03-05T20:00:00+08:00"));
    assertThat(openTaskKeys(caseCode)).containsExactly("Task_RecordConsent");
    moveClockTo(OffsetDateTime.parse("2026-03-06T08:00:00+08:00"));
    assertThat(openTaskKeys(caseCode))
        .containsExactly("Task_AcknowledgeEscalation", "Task_RecordConsent");
    Task chaseUp = task(caseCode, "Task_AcknowledgeEscalation");
    assertThat(candidateGroups(chaseUp)).containsExactly(TOWN_SUPERVISORS);
    assertThat(chaseUp.getName()).startsWith("催办");
    assertThat(chaseUp.getDueDate()).isNotNull();
    assertThat(eventDetails(caseCode, "ESCALATION"))
        .singleElement()
        .asString()
        .contains(TOWN_SUPERVISORS);
    complete(caseCode, "Task_AcknowledgeEscalation", TOWN_SUPERVISORS, Map.of());

    moveClockTo(OffsetDateTime.parse("2026-03-10T20:00:00+08:00"));
    assertThat(openTaskKeys(caseCode)).containsExactly("Task_RecordConsent");
    moveClockTo(OffsetDateTime.parse("2026-03-11T08:00:00+08:00"));
    Task escalated = task(caseCode, "Task_AcknowledgeEscalation");
    assertThat(escalated.getName()).startsWith("升级督办");
    complete(caseCode, "Task_AcknowledgeEscalation", COUNTY_SUPERVISORS, Map.of());

    moveClockTo(OffsetDateTime.parse("2026-03-16T08:00:00+08:00"));
    complete(caseCode, "Task_IssueSupervisionOrder", COUNTY_SUPERVISORS, Map.of());
    complete(caseCode, "Task_AnswerSupervisionOrder", TOWN_SUPERVISORS, Map.of());

    assertThat(eventDetails(caseCode, "ESCALATION"))
        .hasSize(3)
        .allSatisfy(detail -> assertThat(detail).contains("supervisor"));
    assertThat(openTaskKeys(caseCode)).containsExactly("Task_RecordConsent");
    assertThat(passedActivities(caseCode, "escalation-ladder")).contains("EndEvent_LadderDone");
    assertThat(passedInAnyInstance(caseCode, "escalation-rung"))
        .contains(
            "Gateway_RungKind",
            "Task_IssueSupervisionOrder",
            "CallActivity_SupervisionOrder",
            "EndEvent_OrderAnswered")
        .filteredOn("EndEvent_Acknowledged"::equals)
        .hasSize(2);
    // the order issued on the ladder's rung is answered in supervision-order.bpmn, like an order
    // from the page
    assertThat(passedInAnyInstance(caseCode, "supervision-order"))
        .contains("Task_AnswerSupervisionOrder", "EndEvent_OrderAnswered");
  }

  @Test
  void onceTheWatchedTaskIsDoneTheNextRungEndsWithoutATask() {
    String caseCode = startStage("mediation", villageMediation());
    moveClockTo(OffsetDateTime.parse("2026-03-06T08:00:00+08:00"));
    complete(caseCode, "Task_AcknowledgeEscalation", TOWN_SUPERVISORS, Map.of());
    complete(caseCode, "Task_RecordConsent", VILLAGE_MEDIATORS, Map.of("partiesConsent", "YES"));

    moveClockTo(OffsetDateTime.parse("2026-03-11T08:00:00+08:00"));
    assertThat(openTaskKeys(caseCode)).containsExactly("Task_Mediate");
    assertThat(eventDetails(caseCode, "ESCALATION")).hasSize(1);
    assertThat(passedActivities(caseCode, "escalation-ladder")).contains("EndEvent_LadderDone");
    assertThat(passedInAnyInstance(caseCode, "escalation-rung"))
        .filteredOn("EndEvent_ClockClosed"::equals)
        .hasSize(1);
  }

  @Test
  void aGroupDisputeIsHandledJointlyThenMediatedAtTheCounty() {
    Map<String, Object> variables = villageNeighbourDispute();
    variables.put("disputeType", "LAND_USE");
    variables.put("partyCount", 12);
    String caseCode = register(variables);

    assertThat(journal.progress(caseCode).stage()).isEqualTo(CaseStage.JOINT_HANDLING);
    assertThat(journal.progress(caseCode).riskGrade()).isEqualTo("ORANGE");
    assertThat(openTaskKeys(caseCode)).containsExactly("Task_CaseConsultation");
    complete(caseCode, "Task_CaseConsultation", COUNTY_MEDIATORS, Map.of("leadUnit", "JUSTICE"));

    List<Task> departments =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(caseCode)
            .taskDefinitionKey("Task_DepartmentHandling")
            .list();
    assertThat(departments)
        .flatExtracting(this::candidateGroups)
        .containsExactlyInAnyOrder(
            "liaison:department:JUSTICE", "liaison:department:NATURAL_RESOURCES");
    assertThat(candidateGroups(task(caseCode, "Task_FollowJointHandling")))
        .containsExactly(COUNTY_SUPERVISORS);
    for (Task department : departments) {
      assertThat(department.getDueDate()).isNotNull();
      taskService.complete(department.getId(), Map.of("handlingNote", "已处置"));
    }
    assertThat(openTaskKeys(caseCode)).containsExactly("Task_FollowJointHandling");
    complete(caseCode, "Task_FollowJointHandling", COUNTY_SUPERVISORS, Map.of());

    assertThat(journal.progress(caseCode).stage()).isEqualTo(CaseStage.MEDIATION);
    assertThat(candidateGroups(task(caseCode, "Task_RecordConsent")))
        .containsExactly(COUNTY_MEDIATORS);
    assertThat(passedActivities(caseCode, "case-routing"))
        .contains("BusinessRuleTask_SelectDepartments", "CallActivity_JointHandling");
    assertThat(passedActivities(caseCode, "joint-handling"))
        .contains("ServiceTask_HandOverToCounty", "EndEvent_JointHandlingDone");
  }

  @Test
  void anUnacknowledgedChaseUpDoesNotHoldBackTheCase() {
    String caseCode = register(villageNeighbourDispute());
    moveClockTo(OffsetDateTime.parse("2026-03-06T08:00:00+08:00"));
    complete(caseCode, "Task_RecordConsent", VILLAGE_MEDIATORS, Map.of("partiesConsent", "YES"));
    complete(
        caseCode,
        "Task_Mediate",
        VILLAGE_MEDIATORS,
        Map.of("mediationResult", "PERFORMED", "sessionNote", "当场履行"));

    assertThat(openTaskKeys(caseCode)).contains("Task_RecordClosure");
  }

  @Test
  void aRetryAfterTheDueDateDoesNotChaseTheSameClockAgain() {
    Map<String, Object> variables = villageMediation();
    String caseCode = startStage("mediation", variables);
    complete(caseCode, "Task_RecordConsent", VILLAGE_MEDIATORS, Map.of("partiesConsent", "YES"));
    moveClockTo(OffsetDateTime.parse("2026-04-02T08:00:00+08:00"));
    complete(caseCode, "Task_AcknowledgeEscalation", TOWN_SUPERVISORS, Map.of());
    failSession(caseCode, VILLAGE_MEDIATORS);

    assertThat(eventDetails(caseCode, "ESCALATION")).hasSize(1);
  }
}
