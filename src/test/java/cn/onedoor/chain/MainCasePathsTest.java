package cn.onedoor.chain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.casefile.CaseStage;
import cn.onedoor.casefile.ProcessModels;
import cn.onedoor.intake.CaseStatuses;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The main case (dispute-case) driven end to end from registration, one test per route through it.
 */
class MainCasePathsTest extends PathTest {

  @Autowired CaseStatuses statuses;

  private String registerAndConsent(Map<String, Object> variables) {
    String caseCode = register(variables);
    complete(caseCode, "Task_RecordConsent", null, Map.of("partiesConsent", "YES"));
    return caseCode;
  }

  /** The village mediator records a written agreement signed 2026-03-04, performed by the day. */
  private void agreeInWriting(String caseCode, String performanceDueDate) {
    complete(
        caseCode,
        "Task_Mediate",
        VILLAGE_MEDIATORS,
        Map.of(
            "mediationResult",
            "AGREEMENT_WRITTEN",
            "sessionNote",
            "书面协议",
            "agreementDate",
            "2026-03-04",
            "performanceDueDate",
            performanceDueDate));
  }

  /**
   * A village case settled by a written agreement (signed 2026-03-04, to be performed by the given
   * day) whose judicial confirmation the court has accepted.
   */
  private String writtenAgreementAcceptedForConfirmation(String performanceDueDate) {
    String caseCode = registerAndConsent(villageNeighbourDispute());
    agreeInWriting(caseCode, performanceDueDate);
    complete(
        caseCode,
        "Task_DecideConfirmation",
        VILLAGE_MEDIATORS,
        Map.of("applyForConfirmation", "YES"));
    caseMessages.courtAcceptedConfirmation(caseCode);
    return caseCode;
  }

  private void closeCase(String caseCode, String group, String reason) {
    complete(
        caseCode,
        "Task_RecordClosure",
        group,
        Map.of("closureReason", reason, "satisfaction", "4", "closureSummary", "办结"));
    assertThat(caseIsOpen(caseCode)).isFalse();
    assertThat(journal.progress(caseCode).stage()).isEqualTo(CaseStage.CLOSED);
    assertThat(journal.progress(caseCode).closureReason()).isEqualTo(reason);
    assertThat(journal.progress(caseCode).closedAt()).isNotNull();
  }

  @Test
  void noConsentToMediationMeansNoChannelAndThePartiesAreToldTheirRoutes() {
    Map<String, Object> variables = villageNeighbourDispute();
    variables.put("consentToMediation", false);
    String caseCode = register(variables);

    assertThat(journal.progress(caseCode).channel()).isEqualTo("NONE");
    assertThat(openTaskKeys(caseCode)).containsExactly("Task_InformRoutes");
    assertThat(candidateGroups(task(caseCode, "Task_InformRoutes")))
        .containsExactly(VILLAGE_MEDIATORS);
    assertThat(dueDate(caseCode, "Task_InformRoutes")).isEqualTo(endOfDay("2026-03-05"));
    complete(
        caseCode, "Task_InformRoutes", VILLAGE_MEDIATORS, Map.of("nextRoute", "ADMINISTRATIVE"));

    closeCase(caseCode, VILLAGE_MEDIATORS, "ADMINISTRATIVE_ROUTE");
    assertThat(passedActivities(caseCode, ProcessModels.DISPUTE_CASE))
        .containsSubsequence(
            "CallActivity_AssessAndRoute",
            "Gateway_MediationPossible",
            "Task_InformRoutes",
            "Gateway_NextRoute",
            "Gateway_ToClosure",
            "CallActivity_Closure",
            "EndEvent_CaseClosed")
        .doesNotContain("CallActivity_Mediation", "CallActivity_Representation");
    assertThat(outboundSteps(caseCode))
        .filteredOn(step -> !step.startsWith("REPORT_STAGE_") && !step.startsWith("SMS_STAGE_"))
        .containsExactly(
            "REPORT_REGISTRATION", "SMS_CASE_REGISTERED", "REPORT_CLOSURE", "SMS_CASE_CLOSED");
  }

  @Test
  void agreementPerformedOnTheSpotGoesStraightToClosure() {
    String caseCode = registerAndConsent(villageNeighbourDispute());
    complete(
        caseCode,
        "Task_Mediate",
        VILLAGE_MEDIATORS,
        Map.of("mediationResult", "PERFORMED", "sessionNote", "当场履行"));

    assertThat(openTaskKeys(caseCode)).containsExactly("Task_RecordClosure");
    closeCase(caseCode, VILLAGE_MEDIATORS, "PERFORMED");
    assertThat(passedActivities(caseCode, ProcessModels.DISPUTE_CASE))
        .containsSubsequence(
            "CallActivity_Mediation",
            "Gateway_MediationOutcome",
            "Gateway_ToClosure",
            "CallActivity_Closure")
        .doesNotContain(
            "CallActivity_JudicialConfirmation", "CallActivity_FollowUp", "Task_InformRoutes");
  }

  @Test
  void oralAgreementIsFollowedUpOnItsDueDateAndClosedWhenPerformed() {
    String caseCode = registerAndConsent(villageNeighbourDispute());
    complete(
        caseCode,
        "Task_Mediate",
        VILLAGE_MEDIATORS,
        Map.of(
            "mediationResult",
            "AGREEMENT_ORAL",
            "sessionNote",
            "口头协议",
            "performanceDueDate",
            "2026-03-20"));

    assertThat(journal.progress(caseCode).stage()).isEqualTo(CaseStage.FOLLOW_UP);
    assertThat(openTaskKeys(caseCode)).isEmpty();
    moveClockTo(OffsetDateTime.parse("2026-03-20T18:00:00+08:00"));
    assertThat(openTaskKeys(caseCode))
        .as("the visit waits until the agreed day has passed")
        .isEmpty();
    moveClockTo(OffsetDateTime.parse("2026-03-21T09:00:00+08:00"));
    complete(
        caseCode,
        "Task_FollowUpVisit",
        VILLAGE_MEDIATORS,
        Map.of("performed", true, "visitNote", "已履行"));

    closeCase(caseCode, VILLAGE_MEDIATORS, "PERFORMED");
    assertThat(passedActivities(caseCode, ProcessModels.DISPUTE_CASE))
        .containsSubsequence(
            "CallActivity_Mediation",
            "CallActivity_FollowUp",
            "Gateway_AgreementPerformed",
            "CallActivity_Closure")
        .doesNotContain("CallActivity_JudicialConfirmation");
    assertThat(passedActivities(caseCode, "agreement-follow-up"))
        .containsExactly(
            "StartEvent_FollowUpScheduled",
            "TimerEvent_PerformanceDue",
            "Task_FollowUpVisit",
            "Gateway_PayOrderAvailable",
            "EndEvent_FollowUpDone");
  }

  @Test
  void writtenAgreementOnAPropertyRightCannotBeConfirmedAndIsFollowedUp() {
    Map<String, Object> variables = villageNeighbourDispute();
    variables.put("disputeType", "PROPERTY_RIGHT");
    String caseCode = registerAndConsent(variables);
    assertThat(journal.progress(caseCode).channel()).isEqualTo("PEOPLES_VILLAGE");
    agreeInWriting(caseCode, "2026-03-20");

    assertThat(journal.progress(caseCode).stage()).isEqualTo(CaseStage.FOLLOW_UP);
    assertThat(openTaskKeys(caseCode)).isEmpty();
    moveClockTo(OffsetDateTime.parse("2026-03-21T09:00:00+08:00"));
    complete(
        caseCode,
        "Task_FollowUpVisit",
        VILLAGE_MEDIATORS,
        Map.of("performed", true, "visitNote", "已履行"));
    closeCase(caseCode, VILLAGE_MEDIATORS, "PERFORMED");
    assertThat(passedActivities(caseCode, ProcessModels.DISPUTE_CASE))
        .doesNotContain("CallActivity_JudicialConfirmation");
    assertThat(outboundSteps(caseCode)).doesNotContain("CONFIRMATION_APPLICATION");
  }

  @Test
  void writtenAgreementRejectedByCourtGoesBackToMediation() {
    String caseCode = writtenAgreementAcceptedForConfirmation("2026-03-20");
    caseMessages.courtRuledConfirmation(caseCode, "REJECTED");
    runJobs();

    assertThat(openTaskKeys(caseCode)).containsExactly("Task_InformRoutes");
    complete(caseCode, "Task_InformRoutes", VILLAGE_MEDIATORS, Map.of("nextRoute", "REMEDIATE"));

    assertThat(journal.progress(caseCode).stage()).isEqualTo(CaseStage.MEDIATION);
    complete(caseCode, "Task_RecordConsent", VILLAGE_MEDIATORS, Map.of("partiesConsent", "YES"));
    complete(
        caseCode,
        "Task_Mediate",
        VILLAGE_MEDIATORS,
        Map.of("mediationResult", "PERFORMED", "sessionNote", "重新调解后当场履行"));
    closeCase(caseCode, VILLAGE_MEDIATORS, "PERFORMED");

    assertThat(passedActivities(caseCode, ProcessModels.DISPUTE_CASE))
        .containsSubsequence(
            "CallActivity_Mediation",
            "CallActivity_JudicialConfirmation",
            "Gateway_ConfirmationOutcome",
            "Task_InformRoutes",
            "Gateway_NextRoute",
            "CallActivity_Mediation",
            "Gateway_ToClosure");
    assertThat(outboundSteps(caseCode)).containsOnlyOnce("CONFIRMATION_APPLICATION");
  }

  @Test
  void unconfirmedAgreementNotPerformedLeadsToTheRoutesAndTheCaseIsClosed() {
    String caseCode = registerAndConsent(villageNeighbourDispute());
    complete(
        caseCode,
        "Task_Mediate",
        VILLAGE_MEDIATORS,
        Map.of(
            "mediationResult",
            "AGREEMENT_ORAL",
            "sessionNote",
            "口头协议",
            "performanceDueDate",
            "2026-03-20"));
    moveClockTo(OffsetDateTime.parse("2026-03-21T09:00:00+08:00"));
    complete(
        caseCode,
        "Task_FollowUpVisit",
        VILLAGE_MEDIATORS,
        Map.of("performed", false, "visitNote", "未履行"));

    assertThat(openTaskKeys(caseCode)).containsExactly("Task_InformRoutes");
    complete(caseCode, "Task_InformRoutes", VILLAGE_MEDIATORS, Map.of("nextRoute", "NONE"));
    closeCase(caseCode, VILLAGE_MEDIATORS, "NO_FURTHER_CLAIM");
    assertThat(passedActivities(caseCode, ProcessModels.DISPUTE_CASE))
        .containsSubsequence(
            "CallActivity_FollowUp",
            "Gateway_AgreementPerformed",
            "Task_InformRoutes",
            "Gateway_ToClosure")
        .doesNotContain("CallActivity_Enforcement");
  }

  @Test
  void arbitrationIsPreparedWithRepresentationAndTheCaseClosesAsReferred() {
    Map<String, Object> variables = villageNeighbourDispute();
    variables.put("consentToMediation", false);
    String caseCode = register(variables);
    complete(caseCode, "Task_InformRoutes", VILLAGE_MEDIATORS, Map.of("nextRoute", "ARBITRATION"));

    assertThat(journal.progress(caseCode).stage()).isEqualTo(CaseStage.REPRESENTATION);
    complete(
        caseCode, "Task_PrepareLegalAidApplication", LEGAL_AID_OFFICERS, notEligibleForLegalAid());
    refusalWrittenAndNotObjectedTo(caseCode);

    assertThat(openTaskKeys(caseCode)).containsExactly("Task_RecordClosure");
    closeCase(caseCode, VILLAGE_MEDIATORS, "REFERRED_TO_ARBITRATION");
    assertThat(passedActivities(caseCode, ProcessModels.DISPUTE_CASE))
        .containsSubsequence(
            "Task_InformRoutes",
            "CallActivity_Representation",
            "Gateway_AfterRepresentation",
            "Gateway_ToClosure")
        .doesNotContain("CallActivity_LitigationMediation");
    // the main case does not read the answer (its route is the next task's), so only the
    // representation process keeps it
    assertThat(variable(caseCode, "representation", "legalAidGranted")).isEqualTo(false);
  }

  private String caseGoingToCourt() {
    Map<String, Object> variables = villageNeighbourDispute();
    variables.put("consentToMediation", false);
    String caseCode = register(variables);
    complete(caseCode, "Task_InformRoutes", VILLAGE_MEDIATORS, Map.of("nextRoute", "LITIGATION"));
    complete(
        caseCode, "Task_PrepareLegalAidApplication", LEGAL_AID_OFFICERS, notEligibleForLegalAid());
    refusalWrittenAndNotObjectedTo(caseCode);
    assertThat(journal.progress(caseCode).stage()).isEqualTo(CaseStage.LITIGATION_MEDIATION);
    return caseCode;
  }

  @Test
  void litigationSettledInPreFilingMediationCloses() {
    String caseCode = caseGoingToCourt();
    complete(
        caseCode,
        "Task_PreFilingMediation",
        COUNTY_MEDIATORS,
        Map.of("entrustedResult", "SETTLED"));

    closeCase(caseCode, VILLAGE_MEDIATORS, "SETTLED_IN_COURT_MEDIATION");
    assertThat(outboundSteps(caseCode))
        .containsSubsequence("FILING_REQUEST", "ENTRUSTED_MEDIATION_SETTLED")
        .containsOnlyOnce("FILING_REQUEST", "ENTRUSTED_MEDIATION_SETTLED");
    assertThat(passedActivities(caseCode, ProcessModels.DISPUTE_CASE))
        .containsSubsequence(
            "CallActivity_Representation",
            "CallActivity_LitigationMediation",
            "Gateway_LitigationOutcome",
            "Gateway_ToClosure",
            "CallActivity_Closure")
        .doesNotContain("CallActivity_Enforcement");
  }

  @Test
  void litigationJudgedAndPerformedCloses() {
    String caseCode = caseGoingToCourt();
    complete(
        caseCode,
        "Task_PreFilingMediation",
        COUNTY_MEDIATORS,
        Map.of("entrustedResult", "REFUSED"));
    caseMessages.courtFiledCase(caseCode, "(2026)川1725民初100号", "SIMPLE", today());
    assertThat(journal.progress(caseCode).stage()).isEqualTo(CaseStage.LITIGATION);
    caseMessages.courtDeliveredJudgment(caseCode, "JUDGMENT", 1, null);
    Date windowEnds = dueDate(caseCode, "Task_RecordAppeal");
    complete(caseCode, "Task_RecordAppeal", COURT_LIAISONS, Map.of("appealed", false));
    moveClockTo(justAfter(windowEnds));
    complete(
        caseCode,
        "Task_CheckJudgmentPerformance",
        COURT_LIAISONS,
        Map.of("judgmentPerformed", true));

    assertThat(variable(caseCode, ProcessModels.DISPUTE_CASE, "litigationOutcome"))
        .isEqualTo("JUDGED_PERFORMED");
    assertThat(statuses.staffView(caseCode).court())
        .as("the case status shows the instance and how the judgment became effective")
        .extracting(CaseStatuses.CourtStep::detail)
        .containsExactly("第一审判决送达", "上诉期届满未上诉，第一审裁判发生法律效力（民事诉讼法第171条）");
    closeCase(caseCode, VILLAGE_MEDIATORS, "JUDGED");
    assertThat(outboundSteps(caseCode))
        .containsOnlyOnce("FILING_REQUEST", "ENTRUSTED_MEDIATION_NOT_SETTLED");
  }

  @Test
  void aConfirmedAgreementNotPerformedIsEnforcedAndClosed() {
    String caseCode = writtenAgreementAcceptedForConfirmation("2026-03-20");
    caseMessages.courtRuledConfirmation(caseCode, "VALID");
    moveClockTo(OffsetDateTime.parse("2026-03-21T09:00:00+08:00"));
    complete(
        caseCode,
        "Task_FollowUpVisit",
        VILLAGE_MEDIATORS,
        Map.of("performed", false, "visitNote", "未履行"));

    assertThat(journal.progress(caseCode).stage()).isEqualTo(CaseStage.ENFORCEMENT);
    complete(caseCode, "Task_PrepareEnforcement", COURT_LIAISONS, Map.of());
    caseMessages.enforcementConcluded(caseCode);
    runJobs();
    closeCase(caseCode, VILLAGE_MEDIATORS, "ENFORCED");
    assertThat(outboundSteps(caseCode)).containsOnlyOnce("ENFORCEMENT_APPLICATION");
  }

  @Test
  void aJudgmentNotPerformedIsEnforcedAndClosed() {
    String caseCode = caseGoingToCourt();
    complete(
        caseCode,
        "Task_PreFilingMediation",
        COUNTY_MEDIATORS,
        Map.of("entrustedResult", "REFUSED"));
    caseMessages.courtFiledCase(caseCode, "(2026)川1725民初103号", "SMALL_CLAIMS", today());
    caseMessages.courtDeliveredJudgment(caseCode, "JUDGMENT", 1, null);
    assertThat(openTaskKeys(caseCode))
        .as("small claims: final at first instance, no appeal to record")
        .doesNotContain("Task_RecordAppeal");
    complete(
        caseCode,
        "Task_CheckJudgmentPerformance",
        COURT_LIAISONS,
        Map.of("judgmentPerformed", false));

    assertThat(journal.progress(caseCode).stage()).isEqualTo(CaseStage.ENFORCEMENT);
    complete(caseCode, "Task_PrepareEnforcement", COURT_LIAISONS, Map.of());
    caseMessages.enforcementConcluded(caseCode);
    runJobs();
    closeCase(caseCode, VILLAGE_MEDIATORS, "ENFORCED");
  }

  // Issue 13 item 7: the enforcement window (民事诉讼法 art 250) counts from the last day of the
  // performance period the title fixed, or from its effective day where it fixed none; two years,
  // rolled off a day off (art 85). 2028-03-18 is a Saturday.

  @Test
  void theEnforcementWindowOfAConfirmedAgreementRunsTwoYearsFromItsLastDayOfPerformance() {
    String caseCode = writtenAgreementAcceptedForConfirmation("2026-03-18");
    caseMessages.courtRuledConfirmation(caseCode, "VALID");
    moveClockTo(OffsetDateTime.parse("2026-03-25T09:00:00+08:00"));
    complete(
        caseCode,
        "Task_FollowUpVisit",
        VILLAGE_MEDIATORS,
        Map.of("performed", false, "visitNote", "未履行"));

    assertThat(dueDate(caseCode, "Task_PrepareEnforcement"))
        .as("2028-03-18 is a Saturday: the window ends on Monday")
        .isEqualTo(endOfDay("2028-03-20"));
  }

  @Test
  void theEnforcementWindowOfAJudgmentRunsTwoYearsFromThePerformancePeriodItFixed() {
    String caseCode = smallClaimsJudgmentServed();
    moveClockTo(OffsetDateTime.parse("2026-03-25T09:00:00+08:00"));
    complete(
        caseCode,
        "Task_CheckJudgmentPerformance",
        COURT_LIAISONS,
        Map.of("judgmentPerformed", false, "judgmentPerformanceDueDate", "2026-03-18"));

    assertThat(dueDate(caseCode, "Task_PrepareEnforcement")).isEqualTo(endOfDay("2028-03-20"));
  }

  @Test
  void theEnforcementWindowOfAJudgmentFixingNoPerformancePeriodRunsFromItsEffectiveDay() {
    String caseCode = smallClaimsJudgmentServed();
    moveClockTo(OffsetDateTime.parse("2026-03-25T09:00:00+08:00"));
    Map<String, Object> notPerformed = new HashMap<>();
    notPerformed.put("judgmentPerformed", false);
    notPerformed.put("judgmentPerformanceDueDate", null);
    complete(caseCode, "Task_CheckJudgmentPerformance", COURT_LIAISONS, notPerformed);

    assertThat(dueDate(caseCode, "Task_PrepareEnforcement"))
        .as("small claims: effective on service, Monday 2026-03-02")
        .isEqualTo(endOfDay("2028-03-02"));
  }

  /**
   * Issue 13 item 8: a 调解书 made during the trial is effective once signed and cannot be appealed
   * (民事诉讼法 art 100); unperformed, it is enforced like a judgment, its window counting from the last
   * day of performance it fixed (art 250), instead of the case closing at once.
   */
  @Test
  void aMediationStatementMadeAtTrialIsFollowedUpAndEnforcedFromItsLastDayOfPerformance() {
    String caseCode = caseGoingToCourt();
    complete(
        caseCode,
        "Task_PreFilingMediation",
        COUNTY_MEDIATORS,
        Map.of("entrustedResult", "REFUSED"));
    caseMessages.courtFiledCase(caseCode, "(2026)川1725民初105号", "ORDINARY", today());
    caseMessages.courtDeliveredJudgment(caseCode, "MEDIATION_STATEMENT", 1, null);

    assertThat(openTaskKeys(caseCode))
        .as("effective on signature: no appeal to record, its performance followed up")
        .containsExactly("Task_CheckJudgmentPerformance");
    assertThat(variable(caseCode, "litigation-mediation", "judgmentEffectiveBy"))
        .asString()
        .contains("调解书", "第100条");
    assertThat(eventDetails(caseCode, "JUDGMENT_DELIVERED")).containsExactly("第一审调解书送达");
    moveClockTo(OffsetDateTime.parse("2026-03-25T09:00:00+08:00"));
    complete(
        caseCode,
        "Task_CheckJudgmentPerformance",
        COURT_LIAISONS,
        Map.of("judgmentPerformed", false, "judgmentPerformanceDueDate", "2026-03-18"));

    assertThat(journal.progress(caseCode).stage()).isEqualTo(CaseStage.ENFORCEMENT);
    assertThat(dueDate(caseCode, "Task_PrepareEnforcement"))
        .as("two years from the 调解书's last day of performance, off the Saturday")
        .isEqualTo(endOfDay("2028-03-20"));
    assertThat(passedActivities(caseCode, "litigation-mediation"))
        .contains("ServiceTask_MediationStatementEffective", "EndEvent_EnforcementNeeded")
        .doesNotContain("Task_RecordAppeal");
  }

  /** A small-claims judgment served on Monday 2026-03-02: final, so effective that day. */
  private String smallClaimsJudgmentServed() {
    String caseCode = caseGoingToCourt();
    complete(
        caseCode,
        "Task_PreFilingMediation",
        COUNTY_MEDIATORS,
        Map.of("entrustedResult", "REFUSED"));
    caseMessages.courtFiledCase(caseCode, "(2026)川1725民初104号", "SMALL_CLAIMS", today());
    caseMessages.courtDeliveredJudgment(caseCode, "JUDGMENT", 1, null);
    assertThat(openTaskKeys(caseCode)).contains("Task_CheckJudgmentPerformance");
    return caseCode;
  }

  @Test
  void mediationRefusedAndRoutesInformedLateAreChasedThenTheCaseCloses() {
    String caseCode = register(villageNeighbourDispute());
    complete(caseCode, "Task_RecordConsent", VILLAGE_MEDIATORS, Map.of("partiesConsent", "NO"));

    assertThat(openTaskKeys(caseCode)).containsExactly("Task_InformRoutes");
    moveClockTo(OffsetDateTime.parse("2026-03-06T08:00:00+08:00"));
    assertThat(openTaskKeys(caseCode))
        .containsExactly("Task_AcknowledgeEscalation", "Task_InformRoutes");
    assertThat(eventDetails(caseCode, "ESCALATION"))
        .singleElement()
        .asString()
        .contains(TOWN_SUPERVISORS);
    complete(caseCode, "Task_AcknowledgeEscalation", TOWN_SUPERVISORS, Map.of());
    complete(caseCode, "Task_InformRoutes", VILLAGE_MEDIATORS, Map.of("nextRoute", "NONE"));

    closeCase(caseCode, VILLAGE_MEDIATORS, "NO_FURTHER_CLAIM");
    assertThat(passedActivities(caseCode, ProcessModels.DISPUTE_CASE))
        .containsSubsequence(
            "CallActivity_Mediation", "Gateway_MediationOutcome", "Task_InformRoutes")
        .contains("BoundaryEvent_InformRoutesOverdue", "CallActivity_InformRoutesEscalation");
  }
}
