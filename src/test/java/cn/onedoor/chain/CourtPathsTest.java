package cn.onedoor.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.junit.jupiter.api.Test;

/**
 * The court stages on their own: judicial confirmation and litigation-guided mediation with the
 * trial after it.
 */
class CourtPathsTest extends PathTest {

  private String agreementAwaitingDecision() {
    Map<String, Object> variables = villageCase();
    variables.put("agreementDate", "2026-03-04");
    return startStage("judicial-confirmation", variables);
  }

  private String applicationSubmitted() {
    String caseCode = agreementAwaitingDecision();
    complete(
        caseCode,
        "Task_DecideConfirmation",
        VILLAGE_MEDIATORS,
        Map.of("applyForConfirmation", "YES"));
    assertThat(outboundSteps(caseCode)).containsExactly("CONFIRMATION_APPLICATION");
    return caseCode;
  }

  // judicial-confirmation

  @Test
  void partiesNotApplyingForConfirmationEndAsNotApplied() {
    String caseCode = agreementAwaitingDecision();
    assertThat(dueDate(caseCode, "Task_DecideConfirmation")).isEqualTo(endOfDay("2026-04-03"));
    complete(
        caseCode,
        "Task_DecideConfirmation",
        VILLAGE_MEDIATORS,
        Map.of("applyForConfirmation", "NO"));

    assertThat(stageEnded(caseCode, "judicial-confirmation")).isTrue();
    assertThat(variable(caseCode, "judicial-confirmation", "confirmationOutcome"))
        .isEqualTo("NOT_APPLIED");
    assertThat(outboundSteps(caseCode)).isEmpty();
  }

  @Test
  void theThirtyDayApplicationWindowClosingEndsAsNotApplied() {
    String caseCode = agreementAwaitingDecision();
    moveClockTo(OffsetDateTime.parse("2026-04-03T20:00:00+08:00"));
    assertThat(openTaskKeys(caseCode)).containsExactly("Task_DecideConfirmation");
    moveClockTo(OffsetDateTime.parse("2026-04-04T00:01:00+08:00"));

    assertThat(openTaskKeys(caseCode)).isEmpty();
    assertThat(variable(caseCode, "judicial-confirmation", "confirmationOutcome"))
        .isEqualTo("NOT_APPLIED");
    assertThat(passedActivities(caseCode, "judicial-confirmation"))
        .contains("BoundaryEvent_ApplicationWindowClosed", "EndEvent_NotApplied");
  }

  @Test
  void aCourtSlowToAcceptIsChasedThenAcceptsAndConfirms() {
    String caseCode = applicationSubmitted();
    moveClockTo(OffsetDateTime.parse("2026-03-05T20:00:00+08:00"));
    assertThat(openTaskKeys(caseCode)).isEmpty();
    moveClockTo(OffsetDateTime.parse("2026-03-06T08:00:00+08:00"));
    assertThat(dueDate(caseCode, "Task_ChaseCourtAcceptance")).isEqualTo(endOfDay("2026-03-09"));
    complete(caseCode, "Task_ChaseCourtAcceptance", COURT_LIAISONS, Map.of("chaseNote", "已电话催告"));

    assertThat(openTaskKeys(caseCode)).isEmpty();
    caseMessages.courtAcceptedConfirmation(caseCode);
    caseMessages.courtRuledConfirmation(caseCode, "VALID");

    assertThat(variable(caseCode, "judicial-confirmation", "confirmationOutcome"))
        .isEqualTo("VALID");
    assertThat(passedActivities(caseCode, "judicial-confirmation"))
        .containsSubsequence(
            "ReceiveTask_AwaitAcceptance",
            "BoundaryEvent_AcceptanceOverdue",
            "Task_ChaseCourtAcceptance",
            "ReceiveTask_AwaitRuling",
            "EndEvent_CourtRuled");
    assertThat(outboundSteps(caseCode)).containsExactly("CONFIRMATION_APPLICATION");
  }

  /**
   * Issue 13 item 9: a court that will not accept the application (不予受理) ends the wait, and the
   * chase-up still open is withdrawn, instead of the case waiting for an acceptance forever.
   */
  @Test
  void aCourtNotAcceptingTheApplicationEndsTheWaitWithItsReason() {
    String caseCode = applicationSubmitted();
    moveClockTo(OffsetDateTime.parse("2026-03-06T08:00:00+08:00"));
    assertThat(openTaskKeys(caseCode)).containsExactly("Task_ChaseCourtAcceptance");

    caseMessages.courtDidNotAcceptConfirmation(caseCode, "不属于本院管辖");

    assertThat(openTaskKeys(caseCode)).as("the chase-up is withdrawn").isEmpty();
    assertThat(stageEnded(caseCode, "judicial-confirmation")).isTrue();
    assertThat(variable(caseCode, "judicial-confirmation", "confirmationOutcome"))
        .isEqualTo("NOT_ACCEPTED");
    assertThat(variable(caseCode, "judicial-confirmation", "confirmationNotAcceptedReason"))
        .isEqualTo("不属于本院管辖");
    assertThat(passedActivities(caseCode, "judicial-confirmation"))
        .contains("BoundaryEvent_CourtNotAccepted", "EndEvent_NotAccepted")
        .doesNotContain("ReceiveTask_AwaitRuling");
    assertThat(eventDetails(caseCode, "APPLICATION_NOT_ACCEPTED"))
        .containsExactly("法院裁定不予受理司法确认申请");
    assertThatThrownBy(() -> caseMessages.courtAcceptedConfirmation(caseCode))
        .as("nothing waits for an acceptance any more")
        .isInstanceOf(MismatchingMessageCorrelationException.class);
  }

  @Test
  void anExtendedReviewIsChasedOnlyAfterTwentyFiveDays() {
    String caseCode = applicationSubmitted();
    caseMessages.courtAcceptedConfirmation(caseCode);
    caseMessages.courtExtendedConfirmation(caseCode);
    assertThat(eventDetails(caseCode, "CLOCK_EXTENDED"))
        .containsExactly("司法确认审查 延长 P10D：法院决定延长审查期限");

    moveClockTo(OffsetDateTime.parse("2026-03-18T08:00:00+08:00"));
    assertThat(openTaskKeys(caseCode)).as("15 days passed, but the court extended by 10").isEmpty();
    moveClockTo(OffsetDateTime.parse("2026-03-28T08:00:00+08:00"));
    assertThat(openTaskKeys(caseCode)).containsExactly("Task_ChaseCourtRuling");
    assertThat(candidateGroups(task(caseCode, "Task_ChaseCourtRuling")))
        .containsExactly(COURT_LIAISONS);
    assertThat(passedActivities(caseCode, "judicial-confirmation"))
        .contains("BoundaryEvent_RulingPeriodExtended", "BoundaryEvent_RulingOverdue");
  }

  @Test
  void aRulingOverdueAfterFifteenDaysIsChased() {
    String caseCode = applicationSubmitted();
    caseMessages.courtAcceptedConfirmation(caseCode);
    moveClockTo(OffsetDateTime.parse("2026-03-17T20:00:00+08:00"));
    assertThat(openTaskKeys(caseCode)).isEmpty();
    moveClockTo(OffsetDateTime.parse("2026-03-18T08:00:00+08:00"));
    assertThat(openTaskKeys(caseCode)).containsExactly("Task_ChaseCourtRuling");
    assertThat(dueDate(caseCode, "Task_ChaseCourtRuling")).isEqualTo(endOfDay("2026-03-19"));
  }

  @Test
  void aWithdrawnApplicationEndsAsWithdrawn() {
    String caseCode = applicationSubmitted();
    caseMessages.courtAcceptedConfirmation(caseCode);
    caseMessages.courtRuledConfirmation(caseCode, "WITHDRAWN");

    assertThat(stageEnded(caseCode, "judicial-confirmation")).isTrue();
    assertThat(variable(caseCode, "judicial-confirmation", "confirmationOutcome"))
        .isEqualTo("WITHDRAWN");
  }

  // litigation-mediation

  private String caseAtCourt(boolean alreadyFiled, String procedure) {
    Map<String, Object> variables = villageCase();
    variables.put("acceptedElsewhere", alreadyFiled ? "COURT" : "NONE");
    if (procedure != null) {
      variables.put("courtProcedure", procedure);
    }
    String caseCode = startStage("litigation-mediation", variables);
    assertThat(outboundSteps(caseCode)).containsExactly("FILING_REQUEST");
    return caseCode;
  }

  private String judgmentDeliveredAfterPreFilingRefusal() {
    String caseCode = caseAtCourt(false, null);
    complete(
        caseCode,
        "Task_PreFilingMediation",
        COUNTY_MEDIATORS,
        Map.of("entrustedResult", "REFUSED"));
    caseMessages.courtFiledCase(caseCode, "(2026)川1725民初101号", "ORDINARY", today());
    caseMessages.courtDeliveredJudgment(caseCode, "JUDGMENT", 1, null);
    Date windowEnds = dueDate(caseCode, "Task_RecordAppeal");
    complete(caseCode, "Task_RecordAppeal", COURT_LIAISONS, Map.of("appealed", false));
    moveClockTo(justAfter(windowEnds));
    return caseCode;
  }

  @Test
  void preFilingMediationSettlesTheCase() {
    String caseCode = caseAtCourt(false, null);
    assertThat(dueDate(caseCode, "Task_PreFilingMediation")).isEqualTo(endOfDay("2026-04-01"));
    complete(
        caseCode,
        "Task_PreFilingMediation",
        COUNTY_MEDIATORS,
        Map.of("entrustedResult", "SETTLED"));

    assertThat(stageEnded(caseCode, "litigation-mediation")).isTrue();
    assertThat(variable(caseCode, "litigation-mediation", "litigationOutcome"))
        .isEqualTo("SETTLED");
    assertThat(outboundSteps(caseCode))
        .containsExactly("FILING_REQUEST", "ENTRUSTED_MEDIATION_SETTLED");
  }

  @Test
  void refusedPreFilingMediationIsFiledTriedAppealedAndThenPerformed() {
    String caseCode = caseAtCourt(false, null);
    complete(
        caseCode,
        "Task_PreFilingMediation",
        COUNTY_MEDIATORS,
        Map.of("entrustedResult", "REFUSED"));
    assertThat(outboundSteps(caseCode))
        .containsExactly("FILING_REQUEST", "ENTRUSTED_MEDIATION_NOT_SETTLED");

    moveClockTo(OffsetDateTime.parse("2026-03-10T08:00:00+08:00"));
    assertThat(dueDate(caseCode, "Task_ChaseFiling")).isEqualTo(endOfDay("2026-03-11"));
    complete(caseCode, "Task_ChaseFiling", COURT_LIAISONS, Map.of("chaseNote", "已催告立案"));
    caseMessages.courtFiledCase(caseCode, "(2026)川1725民初102号", "SIMPLE", today());
    assertThat(journal.events(caseCode))
        .filteredOn(event -> "STAGE".equals(event.kind()))
        .extracting(event -> event.stage())
        .as("the filing takes the case to trial")
        .containsExactly("LITIGATION");

    moveClockTo(OffsetDateTime.parse("2026-06-10T20:00:00+08:00"));
    assertThat(openTaskKeys(caseCode)).as("simple procedure: three months").isEmpty();
    moveClockTo(OffsetDateTime.parse("2026-06-11T08:00:00+08:00"));
    complete(caseCode, "Task_ChaseJudgment", COURT_LIAISONS, Map.of("chaseNote", "审限已过，已询问"));

    caseMessages.courtDeliveredJudgment(caseCode, "JUDGMENT", 1, null);
    assertThat(dueDate(caseCode, "Task_RecordAppeal")).isEqualTo(endOfDay("2026-06-26"));
    complete(caseCode, "Task_RecordAppeal", COURT_LIAISONS, Map.of("appealed", true));
    assertThat(openTaskKeys(caseCode)).as("second instance: waiting for its judgment").isEmpty();

    caseMessages.courtDeliveredJudgment(caseCode, "JUDGMENT", 2, null);
    assertThat(openTaskKeys(caseCode))
        .as("a second-instance judgment is final: no appeal window")
        .containsExactly("Task_CheckJudgmentPerformance");
    complete(
        caseCode,
        "Task_CheckJudgmentPerformance",
        COURT_LIAISONS,
        Map.of("judgmentPerformed", true));

    assertThat(stageEnded(caseCode, "litigation-mediation")).isTrue();
    assertThat(variable(caseCode, "litigation-mediation", "litigationOutcome"))
        .isEqualTo("JUDGED_PERFORMED");
    assertThat(passedActivities(caseCode, "litigation-mediation"))
        .containsSubsequence(
            "ReceiveTask_AwaitFiling",
            "BoundaryEvent_FilingOverdue",
            "Task_ChaseFiling",
            "ReceiveTask_AwaitJudgment",
            "BoundaryEvent_TrialPeriodOver",
            "Task_ChaseJudgment",
            "Task_RecordAppeal",
            "Gateway_Appealed",
            "ReceiveTask_AwaitAppealOfJudgment",
            "ServiceTask_FinalAtSecondInstance",
            "Task_CheckJudgmentPerformance",
            "EndEvent_JudgmentPerformed");
  }

  @Test
  void aFinalJudgmentNotPerformedNeedsEnforcement() {
    String caseCode = judgmentDeliveredAfterPreFilingRefusal();
    complete(
        caseCode,
        "Task_CheckJudgmentPerformance",
        COURT_LIAISONS,
        Map.of("judgmentPerformed", false));

    assertThat(variable(caseCode, "litigation-mediation", "litigationOutcome"))
        .isEqualTo("ENFORCEMENT_NEEDED");
    assertThat(passedActivities(caseCode, "litigation-mediation"))
        .contains("EndEvent_EnforcementNeeded");
  }

  // litigation-mediation: instances (审级), finality and the appeal window

  /** A case refused pre-filing mediation and filed by the court under {@code procedure}. */
  private String filedCase(String procedure) {
    String caseCode = caseAtCourt(false, null);
    complete(
        caseCode,
        "Task_PreFilingMediation",
        COUNTY_MEDIATORS,
        Map.of("entrustedResult", "REFUSED"));
    caseMessages.courtFiledCase(caseCode, "(2026)川1725民初301号", procedure, today());
    return caseCode;
  }

  private void appeal(String caseCode) {
    complete(caseCode, "Task_RecordAppeal", COURT_LIAISONS, Map.of("appealed", true));
  }

  private long passedTimes(String caseCode, String activityId) {
    return passedActivities(caseCode, "litigation-mediation").stream()
        .filter(activityId::equals)
        .count();
  }

  @Test
  void twoInstancesAreFinalSoAppealingAtEveryChanceEndsAfterTheSecond() {
    String caseCode = filedCase("ORDINARY");
    caseMessages.courtDeliveredJudgment(caseCode, "JUDGMENT", 1, null);
    appeal(caseCode);
    assertThatThrownBy(() -> caseMessages.courtDeliveredJudgment(caseCode, "JUDGMENT", 1, null))
        .as("on appeal, the case waits for the second instance, not another first")
        .isInstanceOf(MismatchingMessageCorrelationException.class);

    caseMessages.courtDeliveredJudgment(caseCode, "JUDGMENT", 2, null);
    assertThat(openTaskKeys(caseCode))
        .as("the second-instance judgment is final (art 182): nothing left to appeal")
        .containsExactly("Task_CheckJudgmentPerformance");
    assertThatThrownBy(() -> caseMessages.courtDeliveredJudgment(caseCode, "JUDGMENT", 2, null))
        .as("no further instance is awaited")
        .isInstanceOf(MismatchingMessageCorrelationException.class);
    assertThat(variable(caseCode, "litigation-mediation", "judgmentEffectiveBy"))
        .asString()
        .contains("两审终审", "第182条");
    assertThat(eventDetails(caseCode, "JUDGMENT_DELIVERED")).containsExactly("第一审判决送达", "第二审判决送达");
    complete(
        caseCode,
        "Task_CheckJudgmentPerformance",
        COURT_LIAISONS,
        Map.of("judgmentPerformed", true));

    assertThat(passedTimes(caseCode, "Task_RecordAppeal")).isEqualTo(1);
    assertThat(passedTimes(caseCode, "ReceiveTask_AwaitAppealOfJudgment")).isEqualTo(1);
    assertThat(variable(caseCode, "litigation-mediation", "litigationOutcome"))
        .isEqualTo("JUDGED_PERFORMED");
  }

  @Test
  void aSmallClaimsJudgmentIsFinalAtFirstInstanceAndCannotBeAppealed() {
    String caseCode = filedCase("SMALL_CLAIMS");
    caseMessages.courtDeliveredJudgment(caseCode, "JUDGMENT", 1, null);

    assertThat(openTaskKeys(caseCode))
        .as("small claims are final at first instance (art 165): no appeal to record")
        .containsExactly("Task_CheckJudgmentPerformance");
    assertThatThrownBy(() -> caseMessages.courtDeliveredJudgment(caseCode, "JUDGMENT", 2, null))
        .isInstanceOf(MismatchingMessageCorrelationException.class);
    assertThat(variable(caseCode, "litigation-mediation", "judgmentEffectiveBy"))
        .asString()
        .contains("小额诉讼", "第165条");
    assertThat(passedActivities(caseCode, "litigation-mediation"))
        .contains("ServiceTask_SmallClaimsFinal")
        .doesNotContain("Task_RecordAppeal");
  }

  @Test
  void aRemandGoesBackToFirstInstanceOnceAndThenOn() {
    String caseCode = filedCase("ORDINARY");
    caseMessages.courtDeliveredJudgment(caseCode, "JUDGMENT", 1, null);
    appeal(caseCode);
    caseMessages.courtDeliveredJudgment(caseCode, "RULING", 2, "REMANDED");
    assertThat(openTaskKeys(caseCode)).as("back at first instance, on trial again").isEmpty();
    assertThat(eventDetails(caseCode, "REMANDED")).hasSize(1);

    caseMessages.courtDeliveredJudgment(caseCode, "JUDGMENT", 1, null);
    appeal(caseCode);
    caseMessages.courtDeliveredJudgment(caseCode, "JUDGMENT", 2, null);

    assertThat(openTaskKeys(caseCode)).containsExactly("Task_CheckJudgmentPerformance");
    assertThat(passedTimes(caseCode, "ServiceTask_Remand")).isEqualTo(1);
    assertThat(passedActivities(caseCode, "litigation-mediation"))
        .containsSubsequence(
            "ReceiveTask_AwaitJudgment",
            "ReceiveTask_AwaitAppealOfJudgment",
            "ServiceTask_Remand",
            "ReceiveTask_AwaitJudgment",
            "ReceiveTask_AwaitAppealOfJudgment",
            "ServiceTask_FinalAtSecondInstance");
  }

  @Test
  void theSecondInstanceHasThreeMonthsForAJudgmentAndThirtyDaysForARuling() {
    String judgmentAppealed = filedCase("SIMPLE");
    caseMessages.courtDeliveredJudgment(judgmentAppealed, "JUDGMENT", 1, null);
    appeal(judgmentAppealed);
    String rulingAppealed = filedCase("ORDINARY");
    caseMessages.courtDeliveredJudgment(rulingAppealed, "RULING", 1, "DISMISSED");
    appeal(rulingAppealed);

    moveClockTo(OffsetDateTime.parse("2026-04-01T20:00:00+08:00"));
    assertThat(openTaskKeys(rulingAppealed)).isEmpty();
    moveClockTo(OffsetDateTime.parse("2026-04-02T08:00:00+08:00"));
    assertThat(openTaskKeys(rulingAppealed))
        .as("a ruling appealed: 30 days (art 183)")
        .containsExactly("Task_ChaseAppealDecision");
    complete(
        rulingAppealed, "Task_ChaseAppealDecision", COURT_LIAISONS, Map.of("chaseNote", "已询问二审"));

    moveClockTo(OffsetDateTime.parse("2026-06-02T20:00:00+08:00"));
    assertThat(openTaskKeys(judgmentAppealed)).isEmpty();
    moveClockTo(OffsetDateTime.parse("2026-06-03T08:00:00+08:00"));
    assertThat(openTaskKeys(judgmentAppealed))
        .as("a judgment appealed: 3 months (art 183), not the first instance's")
        .containsExactly("Task_ChaseAppealDecision");
    assertThat(passedActivities(judgmentAppealed, "litigation-mediation"))
        .contains("BoundaryEvent_AppealOfJudgmentPeriodOver");
    assertThat(passedActivities(rulingAppealed, "litigation-mediation"))
        .contains("BoundaryEvent_AppealOfRulingPeriodOver", "EndEvent_AppealDecisionChased");
  }

  @Test
  void onlyRulingsNotAcceptingDismissingOrOnJurisdictionMayBeAppealedAndADismissalEndsTheSuit() {
    String caseCode = filedCase("ORDINARY");
    caseMessages.courtDeliveredJudgment(caseCode, "RULING", 1, "OTHER");
    assertThat(openTaskKeys(caseCode))
        .as("another ruling cannot be appealed (art 157): effective on service, the trial goes on")
        .isEmpty();
    assertThatThrownBy(() -> caseMessages.courtDeliveredJudgment(caseCode, "RULING", 2, null))
        .isInstanceOf(MismatchingMessageCorrelationException.class);

    caseMessages.courtDeliveredJudgment(caseCode, "RULING", 1, "JURISDICTION");
    assertThat(dueDate(caseCode, "Task_RecordAppeal"))
        .as("a jurisdiction ruling may be appealed within 10 days")
        .isEqualTo(endOfDay("2026-03-12"));
    complete(caseCode, "Task_RecordAppeal", COURT_LIAISONS, Map.of("appealed", false));
    moveClockTo(OffsetDateTime.parse("2026-03-13T00:01:00+08:00"));
    assertThat(openTaskKeys(caseCode)).as("effective, and the trial goes on").isEmpty();

    caseMessages.courtDeliveredJudgment(caseCode, "RULING", 1, "DISMISSED");
    appeal(caseCode);
    caseMessages.courtDeliveredJudgment(caseCode, "RULING", 2, "REVOKED");
    assertThat(openTaskKeys(caseCode))
        .as("the dismissal revoked on appeal: the first instance tries the case")
        .isEmpty();
    caseMessages.courtDeliveredJudgment(caseCode, "JUDGMENT", 1, null);
    assertThat(openTaskKeys(caseCode)).containsExactly("Task_RecordAppeal");
    assertThat(passedTimes(caseCode, "ServiceTask_TrialContinues")).isEqualTo(3);
    assertThat(passedActivities(caseCode, "litigation-mediation"))
        .contains("ServiceTask_RulingEffectiveOnService")
        .doesNotContain("Task_CheckJudgmentPerformance", "EndEvent_SuitDismissed");

    String dismissed = filedCase("ORDINARY");
    caseMessages.courtDeliveredJudgment(dismissed, "RULING", 1, "DISMISSED");
    appeal(dismissed);
    caseMessages.courtDeliveredJudgment(dismissed, "RULING", 2, "UPHELD");

    assertThat(stageEnded(dismissed, "litigation-mediation")).isTrue();
    assertThat(variable(dismissed, "litigation-mediation", "litigationOutcome"))
        .as("a dismissal is no judgment to perform or enforce")
        .isEqualTo("SUIT_DISMISSED");
    assertThat(passedActivities(dismissed, "litigation-mediation"))
        .contains("ReceiveTask_AwaitAppealOfRuling", "EndEvent_SuitDismissed")
        .doesNotContain("Task_CheckJudgmentPerformance");
  }

  @Test
  void noAppealTakesEffectOnlyWhenTheAppealWindowHasPassed() {
    String caseCode = filedCase("ORDINARY");
    caseMessages.courtDeliveredJudgment(caseCode, "JUDGMENT", 1, null);
    assertThat(dueDate(caseCode, "Task_RecordAppeal")).isEqualTo(endOfDay("2026-03-17"));
    complete(caseCode, "Task_RecordAppeal", COURT_LIAISONS, Map.of("appealed", false));

    assertThat(openTaskKeys(caseCode))
        .as("recorded on the day of service: the 15 days have not run")
        .isEmpty();
    assertThat(variable(caseCode, "litigation-mediation", "judgmentEffectiveBy")).isNull();
    moveClockTo(OffsetDateTime.parse("2026-03-17T20:00:00+08:00"));
    assertThat(openTaskKeys(caseCode)).isEmpty();
    moveClockTo(OffsetDateTime.parse("2026-03-18T00:01:00+08:00"));

    assertThat(openTaskKeys(caseCode)).containsExactly("Task_CheckJudgmentPerformance");
    assertThat(variable(caseCode, "litigation-mediation", "judgmentEffectiveBy"))
        .asString()
        .contains("上诉期届满未上诉", "第171条");
    assertThat(passedActivities(caseCode, "litigation-mediation"))
        .containsSubsequence(
            "Task_RecordAppeal",
            "TimerEvent_AppealWindowEnds",
            "ServiceTask_FirstInstanceEffective");
  }

  /**
   * Issue 13 item 8: a 调解书 made at second instance is final too (民事诉讼法 arts 100, 179): its
   * performance is followed up and, unperformed, it goes to enforcement.
   */
  @Test
  void aMediationStatementAtSecondInstanceIsFinalAndItsPerformanceFollowedUp() {
    String caseCode = filedCase("ORDINARY");
    caseMessages.courtDeliveredJudgment(caseCode, "JUDGMENT", 1, null);
    appeal(caseCode);
    caseMessages.courtDeliveredJudgment(caseCode, "MEDIATION_STATEMENT", 2, null);

    assertThat(openTaskKeys(caseCode)).containsExactly("Task_CheckJudgmentPerformance");
    assertThat(variable(caseCode, "litigation-mediation", "judgmentEffectiveBy"))
        .asString()
        .contains("第179条");
    complete(
        caseCode,
        "Task_CheckJudgmentPerformance",
        COURT_LIAISONS,
        Map.of("judgmentPerformed", false));
    assertThat(variable(caseCode, "litigation-mediation", "litigationOutcome"))
        .isEqualTo("ENFORCEMENT_NEEDED");
    assertThat(passedActivities(caseCode, "litigation-mediation"))
        .containsSubsequence(
            "ReceiveTask_AwaitAppealOfJudgment",
            "ServiceTask_MediationStatementEffective",
            "Task_CheckJudgmentPerformance")
        .doesNotContain("ServiceTask_FinalAtSecondInstance");
  }

  // litigation-mediation: the trial period (审理期限) from filing, and its extensions

  /**
   * Issue 13 item 6: the trial period runs from filing (立案), the day the court names, not from the
   * day its answer arrives or mediation failed; the court's lawful extensions (art 152: the court
   * president's 6 months, then a higher court's approval) move its end, each recorded with its
   * article and approving authority.
   */
  @Test
  void theTrialPeriodRunsFromFilingAndLawfulExtensionsAreRecordedWithTheirApprovingAuthority() {
    String caseCode = caseAtCourt(false, null);
    complete(
        caseCode,
        "Task_PreFilingMediation",
        COUNTY_MEDIATORS,
        Map.of("entrustedResult", "REFUSED"));
    moveClockTo(OffsetDateTime.parse("2026-03-06T10:00:00+08:00"));
    caseMessages.courtFiledCase(
        caseCode, "(2026)川1725民初401号", "ORDINARY", LocalDate.parse("2026-03-03"));

    moveClockTo(OffsetDateTime.parse("2026-09-03T20:00:00+08:00"));
    assertThat(openTaskKeys(caseCode)).isEmpty();
    moveClockTo(OffsetDateTime.parse("2026-09-04T00:01:00+08:00"));
    assertThat(openTaskKeys(caseCode))
        .as("six months from filing on 3 March, not from the answer on 6 March")
        .containsExactly("Task_ChaseJudgment");
    complete(caseCode, "Task_ChaseJudgment", COURT_LIAISONS, Map.of("chaseNote", "审限届满，询问法院"));

    caseMessages.courtExtendedTrialPeriod(
        caseCode, "152", "COURT_PRESIDENT", LocalDate.parse("2027-03-03"));
    moveClockTo(OffsetDateTime.parse("2027-03-03T20:00:00+08:00"));
    assertThat(openTaskKeys(caseCode)).as("extended by the court president").isEmpty();
    caseMessages.courtExtendedTrialPeriod(
        caseCode, "152", "HIGHER_COURT", LocalDate.parse("2027-06-30"));
    moveClockTo(OffsetDateTime.parse("2027-06-30T20:00:00+08:00"));
    assertThat(openTaskKeys(caseCode)).isEmpty();
    moveClockTo(OffsetDateTime.parse("2027-07-01T00:01:00+08:00"));
    assertThat(openTaskKeys(caseCode)).containsExactly("Task_ChaseJudgment");

    assertThat(eventDetails(caseCode, "TRIAL_PERIOD_EXTENDED"))
        .containsExactly(
            "审理期限延长至 2027-03-03（民事诉讼法第152条，本院院长批准）", "审理期限延长至 2027-06-30（民事诉讼法第152条，上级人民法院批准）");
    caseMessages.courtDeliveredJudgment(caseCode, "JUDGMENT", 1, null);
    assertThat(openTaskKeys(caseCode)).contains("Task_RecordAppeal");
    assertThat(eventDetails(caseCode, "JUDGMENT_DELIVERED"))
        .as("an extension serves nothing")
        .containsExactly("第一审判决送达");
    assertThat(passedActivities(caseCode, "litigation-mediation"))
        .containsSubsequence(
            "BoundaryEvent_TrialPeriodOver",
            "BoundaryEvent_TrialPeriodExtended",
            "ServiceTask_RecordTrialPeriodExtension",
            "BoundaryEvent_TrialPeriodExtended",
            "ServiceTask_RecordTrialPeriodExtension",
            "BoundaryEvent_TrialPeriodOver");
  }

  /** A remanded case is tried afresh: its trial period counts from the remand, not the filing. */
  @Test
  void aRemandedCasesTrialPeriodCountsFromTheRemand() {
    String caseCode = filedCase("ORDINARY");
    caseMessages.courtDeliveredJudgment(caseCode, "JUDGMENT", 1, null);
    appeal(caseCode);
    moveClockTo(OffsetDateTime.parse("2026-07-06T09:00:00+08:00"));
    complete(caseCode, "Task_ChaseAppealDecision", COURT_LIAISONS, Map.of("chaseNote", "已询问二审"));
    caseMessages.courtDeliveredJudgment(caseCode, "RULING", 2, "REMANDED");

    moveClockTo(OffsetDateTime.parse("2026-09-03T09:00:00+08:00"));
    assertThat(openTaskKeys(caseCode)).as("six months from filing have passed").isEmpty();
    moveClockTo(OffsetDateTime.parse("2027-01-06T20:00:00+08:00"));
    assertThat(openTaskKeys(caseCode)).isEmpty();
    moveClockTo(OffsetDateTime.parse("2027-01-07T00:01:00+08:00"));
    assertThat(openTaskKeys(caseCode))
        .as("six months from the remand on 6 July")
        .containsExactly("Task_ChaseJudgment");
  }

  @Test
  void aRemandedSimpleCaseIsRetriedUnderOrdinaryProcedure() {
    String caseCode = filedCase("SIMPLE");
    caseMessages.courtDeliveredJudgment(caseCode, "JUDGMENT", 1, null);
    appeal(caseCode);
    moveClockTo(OffsetDateTime.parse("2026-07-06T09:00:00+08:00"));
    complete(caseCode, "Task_ChaseAppealDecision", COURT_LIAISONS, Map.of("chaseNote", "已询问二审"));
    caseMessages.courtDeliveredJudgment(caseCode, "RULING", 2, "REMANDED");

    assertThat(variable(caseCode, "litigation-mediation", "courtProcedure"))
        .as("a remanded case is tried again under ordinary procedure (art 41)")
        .isEqualTo("ORDINARY");
    moveClockTo(OffsetDateTime.parse("2026-10-08T09:00:00+08:00"));
    assertThat(openTaskKeys(caseCode)).as("not the simple procedure's three months").isEmpty();
    moveClockTo(OffsetDateTime.parse("2027-01-07T00:01:00+08:00"));
    assertThat(openTaskKeys(caseCode))
        .as("six months from the remand on 6 July")
        .containsExactly("Task_ChaseJudgment");
  }

  @Test
  void theCourtsRulingIsReceivedAfterItWasChased() {
    String caseCode = applicationSubmitted();
    caseMessages.courtAcceptedConfirmation(caseCode);
    moveClockTo(OffsetDateTime.parse("2026-03-18T08:00:00+08:00"));
    complete(caseCode, "Task_ChaseCourtRuling", COURT_LIAISONS, Map.of("chaseNote", "已催告"));

    assertThat(openTaskKeys(caseCode)).isEmpty();
    caseMessages.courtRuledConfirmation(caseCode, "VALID");
    assertThat(variable(caseCode, "judicial-confirmation", "confirmationOutcome"))
        .isEqualTo("VALID");
  }
}
