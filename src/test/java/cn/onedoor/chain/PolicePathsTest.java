package cn.onedoor.chain;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.casefile.CaseStage;
import cn.onedoor.intake.IntakeRequest;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Channel POLICE as the law runs it (issue 14 item 1): suspected crimes, violence and minor crimes
 * are transferred to the police with a report (人民调解法 art 25; a public-prosecution crime is never
 * settled by mediation, 刑诉法 arts 288–290); a public-order case is mediated by the police themselves
 * (治安调解, 治安管理处罚法 2025 修订) unless an exclusion applies, in sessions due within the decision tables'
 * periods, and a failure goes to the police's punishment decision. None of these cases reaches a
 * mediator or 告知其他途径.
 */
class PolicePathsTest extends PathTest {

  static final String POLICE_LIAISONS = "liaison:department:POLICE";

  /** A quarrel at a county-town market that came to blows: a public-order case. */
  static Map<String, Object> publicOrderCase() {
    Map<String, Object> variables = villageNeighbourDispute();
    variables.put("level", "TOWN");
    variables.put("townCode", "511725103");
    variables.put("villageCode", null);
    variables.put("disputeType", "PUBLIC_SECURITY");
    variables.put("summary", "赶场时口角推搡，一方眼镜损坏");
    return variables;
  }

  @Test
  void suspectedCrimeIsTransferredToPoliceAndNeverMediated() {
    Map<String, Object> variables = villageNeighbourDispute();
    variables.put("crimeSuspected", true);
    variables.put("summary", "借款纠纷中一方涉嫌伪造借条");
    String caseCode = register(variables);

    assertThat(journal.progress(caseCode).stage()).isEqualTo(CaseStage.POLICE);
    assertThat(outboundSteps(caseCode)).contains("POLICE_TRANSFER");
    externalSystems
        .server()
        .verify(
            postRequestedFor(urlEqualTo("/police/transfers"))
                .withRequestBody(containing("\"reason\":\"SUSPECTED_CRIME\""))
                .withRequestBody(containing(caseCode)));
    assertThat(openTaskKeys(caseCode)).as("nobody mediates while the police decide").isEmpty();

    caseMessages.policeAcceptedTransfer(caseCode, "渠公(刑)受案字〔2026〕101号");
    runJobs();
    closeAs(caseCode, "TRANSFERRED");

    assertThat(passedActivities(caseCode, "police-transfer"))
        .containsSubsequence(
            "BusinessRuleTask_DecidePoliceProcedure",
            "ServiceTask_TransferToPolice",
            "ReceiveTask_AwaitPoliceAcceptance",
            "EndEvent_TransferAccepted");
    assertThat(passedActivities(caseCode, "dispute-case"))
        .contains("CallActivity_PoliceProcedure")
        .doesNotContain("CallActivity_Mediation", "Task_InformRoutes");
    assertNeverMediated(caseCode);
    assertThat(eventDetails(caseCode, "POLICE_TRANSFER_ACCEPTED"))
        .containsExactly("公安机关已受案：渠公(刑)受案字〔2026〕101号");
    assertThat(journal.progress(caseCode).closureReason()).isEqualTo("TRANSFERRED");
  }

  /**
   * A minor crime is a public-prosecution crime: not sent to the procuratorate for "mediation"
   * (刑事和解 exists only inside a filed criminal case), but transferred. The police are chased when
   * they have not accepted within 3 days.
   */
  @Test
  void minorCrimeIsTransferredToPoliceNotMediatedByTheProcuratorate() {
    Map<String, Object> variables = villageNeighbourDispute();
    variables.put("disputeType", "MINOR_CRIME");
    String caseCode = register(variables);

    assertThat(variable(caseCode, "dispute-case", "channel")).isEqualTo("POLICE");
    externalSystems
        .server()
        .verify(
            postRequestedFor(urlEqualTo("/police/transfers"))
                .withRequestBody(containing("\"reason\":\"MINOR_CRIME\""))
                .withRequestBody(containing(caseCode)));

    moveClockTo(OffsetDateTime.parse("2026-03-06T09:00:00+08:00"));
    complete(
        caseCode,
        "Task_ChasePoliceAcceptance",
        POLICE_LIAISONS,
        Map.of("chaseNote", "电话联系派出所，答复次日受案"));
    assertThat(passedActivities(caseCode, "police-transfer"))
        .contains("EndEvent_PoliceAcceptanceChased");

    caseMessages.policeAcceptedTransfer(caseCode, "渠公(刑)受案字〔2026〕102号");
    runJobs();
    closeAs(caseCode, "TRANSFERRED");
    assertNeverMediated(caseCode);
  }

  @Test
  void excludedPublicOrderCaseIsNotMediatedByPolice() {
    String caseCode = registerWithExclusions(publicOrderCase(), true, false, false, false);

    externalSystems
        .server()
        .verify(
            postRequestedFor(urlEqualTo("/police/transfers"))
                .withRequestBody(containing("\"reason\":\"EXCLUDED_PUBLIC_ORDER\""))
                .withRequestBody(containing(caseCode)));
    assertThat(passedActivities(caseCode, "police-transfer"))
        .doesNotContain("CallActivity_PublicSecurityMediation");
    caseMessages.policeAcceptedTransfer(caseCode, "渠公(治)受案字〔2026〕31号");
    runJobs();
    closeAs(caseCode, "TRANSFERRED");
    assertNeverMediated(caseCode);
  }

  @Test
  void failedPublicSecurityMediationGoesToPunishmentDecision() {
    String caseCode = register(publicOrderCase());

    complete(
        caseCode,
        "Task_FirstSession",
        POLICE_LIAISONS,
        Map.of("policeMediationResult", "SECOND_SESSION", "sessionNote", "赔偿数额分歧"));
    complete(
        caseCode,
        "Task_SecondSession",
        POLICE_LIAISONS,
        Map.of("policeMediationResult", "FAILED", "sessionNote", "一方拒绝赔偿"));

    assertThat(outboundSteps(caseCode)).contains("POLICE_PUNISHMENT_REFERRAL");
    externalSystems
        .server()
        .verify(
            postRequestedFor(urlEqualTo("/police/punishment-referrals"))
                .withRequestBody(containing("\"mediationResult\":\"FAILED\""))
                .withRequestBody(containing(caseCode)));
    assertThat(eventKinds(caseCode)).contains("PUNISHMENT_REFERRED");
    closeAs(caseCode, "TRANSFERRED");
    assertThat(passedActivities(caseCode, "public-security-mediation"))
        .containsSubsequence(
            "Task_FirstSession",
            "Task_SecondSession",
            "ServiceTask_ReferForPunishment",
            "EndEvent_PunishmentDecision");
    assertNeverMediated(caseCode);
  }

  @Test
  void publicSecurityMediationFailingAtTheFirstSessionGoesToPunishmentDecisionAtOnce() {
    String caseCode = register(publicOrderCase());
    complete(
        caseCode,
        "Task_FirstSession",
        POLICE_LIAISONS,
        Map.of("policeMediationResult", "FAILED", "sessionNote", "一方拒绝治安调解"));
    assertThat(outboundSteps(caseCode)).contains("POLICE_PUNISHMENT_REFERRAL");
    assertThat(passedActivities(caseCode, "public-security-mediation"))
        .doesNotContain("Task_SecondSession");
    closeAs(caseCode, "TRANSFERRED");
    assertNeverMediated(caseCode);
  }

  /**
   * The decision table's first-session period (3 working days) is the due date of the first session
   * and of its overdue timer; the second session is due within the police table's 7 working days of
   * the first; an agreement performed closes the case as resolved.
   */
  @Test
  void firstSessionPeriodIsTheDueDateOfTheFirstSession() {
    String caseCode = register(publicOrderCase());
    assertThat(variable(caseCode, "dispute-case", "firstSessionPeriod")).isEqualTo("P3D");

    Date firstDue = dueDate(caseCode, "Task_FirstSession");
    assertThat(firstDue)
        .isEqualTo(deadlines.workingDays(Date.from(MONDAY_MORNING.toInstant()), 3))
        .isEqualTo(endOfDay("2026-03-05"));
    moveClockTo(justAfter(firstDue));
    assertThat(passedInAnyInstance(caseCode, "public-security-mediation"))
        .contains("BoundaryEvent_FirstSessionOverdue", "CallActivity_FirstSessionEscalation");
    complete(
        caseCode,
        "Task_FirstSession",
        POLICE_LIAISONS,
        Map.of("policeMediationResult", "SECOND_SESSION", "sessionNote", "双方同意再谈"));

    Date secondDue = dueDate(caseCode, "Task_SecondSession");
    assertThat(secondDue)
        .isEqualTo(deadlines.workingDays(Date.from(justAfter(firstDue).toInstant()), 7));
    moveClockTo(justAfter(secondDue));
    assertThat(passedInAnyInstance(caseCode, "public-security-mediation"))
        .contains("BoundaryEvent_SecondSessionOverdue", "CallActivity_SecondSessionEscalation");
    complete(
        caseCode,
        "Task_SecondSession",
        POLICE_LIAISONS,
        Map.of("policeMediationResult", "AGREEMENT_PERFORMED", "sessionNote", "当场赔偿300元"));

    assertThat(eventKinds(caseCode)).contains("POLICE_MEDIATION_SETTLED");
    assertThat(outboundSteps(caseCode)).doesNotContain("POLICE_PUNISHMENT_REFERRAL");
    closeAs(caseCode, "RESOLVED");
    assertNeverMediated(caseCode);
  }

  @Test
  void publicSecurityMediationSettledAtTheFirstSessionEndsThere() {
    String caseCode = register(publicOrderCase());
    complete(
        caseCode,
        "Task_FirstSession",
        POLICE_LIAISONS,
        Map.of("policeMediationResult", "AGREEMENT_PERFORMED", "sessionNote", "当场赔礼赔偿"));
    assertThat(passedActivities(caseCode, "public-security-mediation"))
        .contains("EndEvent_AgreementPerformed")
        .doesNotContain("Task_SecondSession");
    closeAs(caseCode, "RESOLVED");
  }

  // --- helpers ---

  private void closeAs(String caseCode, String reason) {
    complete(
        caseCode,
        "Task_RecordClosure",
        POLICE_LIAISONS,
        Map.of("closureReason", reason, "satisfaction", 4, "closureSummary", "公安依法处理"));
    assertThat(caseIsOpen(caseCode)).isFalse();
  }

  /** No mediation process, no task ever offered to a mediators' group, no 告知其他途径. */
  private void assertNeverMediated(String caseCode) {
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(caseCode)
                .processDefinitionKey("mediation")
                .count())
        .isZero();
    historyService
        .createHistoricTaskInstanceQuery()
        .processInstanceBusinessKey(caseCode)
        .list()
        .forEach(
            task ->
                assertThat(
                        historyService
                            .createHistoricIdentityLinkLogQuery()
                            .taskId(task.getId())
                            .list())
                    .as("groups of %s", task.getTaskDefinitionKey())
                    .noneMatch(
                        link ->
                            link.getGroupId() != null
                                && link.getGroupId().startsWith("mediator:")));
    assertThat(passedActivities(caseCode, "dispute-case")).doesNotContain("Task_InformRoutes");
  }

  /** Registers the case with the exclusions of 治安调解 stated, as the registration form sends them. */
  private String registerWithExclusions(
      Map<String, Object> variables,
      boolean hiredViolence,
      boolean gangFight,
      boolean provocation,
      boolean repeatOffence) {
    IntakeRequest plain = intakeRequest(variables);
    IntakeRequest.Flags flags = plain.flags();
    IntakeRequest request =
        new IntakeRequest(
            plain.source(),
            plain.externalRef(),
            plain.level(),
            plain.townCode(),
            plain.villageCode(),
            plain.receivedBy(),
            plain.disputeType(),
            plain.summary(),
            plain.amount(),
            plain.occurredOn(),
            plain.partyCount(),
            plain.consentToMediation(),
            new IntakeRequest.Flags(
                flags.injury(),
                flags.violence(),
                flags.crimeSuspected(),
                flags.governmentBodyParty(),
                flags.acceptedElsewhere(),
                hiredViolence,
                gangFight,
                provocation,
                repeatOffence),
            plain.parties());
    String caseCode = intake.register(request, null, "intake").caseCode();
    runJobs();
    return caseCode;
  }
}
