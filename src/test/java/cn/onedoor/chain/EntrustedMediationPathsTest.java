package cn.onedoor.chain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.casefile.CaseStage;
import cn.onedoor.casefile.ProcessModels;
import cn.onedoor.intake.IntakeRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Entrusted mediation (委派 before filing, 委托 after) on the court's clock, issue 13 items 4, 5, the
 * post-filing clock of 6 and the settlement part of 8: a case the court sent is mediated once, on
 * the court's period, extended once with both parties' consent, ended by the period's end, and goes
 * back to the court that sent it; a settlement goes on to judicial confirmation, a follow-up, or
 * the enforcement of the court's 调解书.
 */
class EntrustedMediationPathsTest extends PathTest {

  @Autowired RepositoryService repositoryService;

  // The test clock starts on Monday 2026-03-02, 09:00 Beijing time.

  /** A case the court sent: 委派 (not filed yet) or 委托 (filed), as dispute-case passes it. */
  private String sentByCourt(boolean alreadyFiled) {
    Map<String, Object> variables = villageCase();
    variables.put("channel", "COURT");
    variables.put("handlingLevel", "COUNTY");
    variables.put("acceptedElsewhere", alreadyFiled ? "COURT" : "NONE");
    variables.put("entrustedByCourt", true);
    return startStage("litigation-mediation", variables);
  }

  /** A case the court filed and entrusted, its letter signed for by the court liaison. */
  private String entrustedAfterFiling(String procedure) {
    String caseCode = sentByCourt(true);
    complete(
        caseCode,
        "Task_ReceiveEntrustment",
        COURT_LIAISONS,
        Map.of(
            "courtCaseNumber",
            "(2026)川1725民初501号",
            "courtProcedure",
            procedure,
            "filedOn",
            "2026-02-12"));
    return caseCode;
  }

  /** A party who sues: the filing request, then the court's pre-filing (委派) mediation. */
  private String partySues() {
    String caseCode = startStage("litigation-mediation", villageCase());
    assertThat(outboundSteps(caseCode)).containsExactly("FILING_REQUEST");
    return caseCode;
  }

  private void extendWithConsent(String caseCode, String taskKey) {
    complete(
        caseCode,
        taskKey,
        COUNTY_MEDIATORS,
        Map.of("entrustedResult", "EXTEND", "bothPartiesConsent", true, "mediationNote", "双方同意延长"));
  }

  // Item 4: a case the court sent is mediated once, on the court's clock, and goes back to it

  @Test
  void aCaseTheCourtSentIsNotFiledAgainAndItsFailureGoesBackToTheCourtOnce() {
    String delegated = sentByCourt(false);
    assertThat(outboundSteps(delegated))
        .as("no new filing request: the court has the case")
        .isEmpty();
    assertThat(dueDate(delegated, "Task_PreFilingMediation"))
        .as("委派: the court's 30 days, no local overrun")
        .isEqualTo(endOfDay("2026-04-01"));
    complete(
        delegated,
        "Task_PreFilingMediation",
        COUNTY_MEDIATORS,
        Map.of("entrustedResult", "REFUSED"));
    assertThat(outboundSteps(delegated)).containsExactly("ENTRUSTED_MEDIATION_NOT_SETTLED");
    caseMessages.courtFiledCase(delegated, "(2026)川1725民初502号", "ORDINARY", today());
    assertThat(passedActivities(delegated, "litigation-mediation"))
        .as("the court files it once, and tries it: no second mediation")
        .containsSubsequence(
            "Task_PreFilingMediation", "ReceiveTask_AwaitFiling", "ReceiveTask_AwaitJudgment")
        .doesNotContain("ServiceTask_SendToCourt", "Task_PostFilingMediation");

    String entrusted = entrustedAfterFiling("ORDINARY");
    complete(
        entrusted,
        "Task_PostFilingMediation",
        COUNTY_MEDIATORS,
        Map.of("entrustedResult", "FAILED"));
    assertThat(outboundSteps(entrusted)).containsExactly("ENTRUSTED_MEDIATION_NOT_SETTLED");
    assertThat(passedActivities(entrusted, "litigation-mediation"))
        .as("back to the court's trial")
        .contains("ReceiveTask_AwaitJudgment")
        .doesNotContain("ServiceTask_SendToCourt", "Task_PreFilingMediation");
  }

  @Test
  void aCaseAlreadyFiledAtCourtIsMediatedOnlyByTheCourtsEntrustmentNotTheLocalMediation() {
    Map<String, Object> variables = villageNeighbourDispute();
    variables.put("acceptedElsewhere", "COURT");
    String caseCode = register(variables);

    assertThat(journal.progress(caseCode).stage()).isEqualTo(CaseStage.LITIGATION_MEDIATION);
    assertThat(openTaskKeys(caseCode)).containsExactly("Task_ReceiveEntrustment");
    assertThat(passedActivities(caseCode, ProcessModels.DISPUTE_CASE))
        .contains("CallActivity_LitigationMediation")
        .doesNotContain("CallActivity_Mediation", "Task_InformRoutes");
    complete(
        caseCode,
        "Task_ReceiveEntrustment",
        COURT_LIAISONS,
        Map.of(
            "courtCaseNumber",
            "(2026)川1725民初503号",
            "courtProcedure",
            "SIMPLE",
            "filedOn",
            "2026-02-26"));
    assertThat(dueDate(caseCode, "Task_PostFilingMediation"))
        .as("委托 in simple procedure: 7 days, not the local 15 + 30")
        .isEqualTo(endOfDay("2026-03-09"));
    assertThat(outboundSteps(caseCode)).doesNotContain("FILING_REQUEST");
  }

  @Test
  void aFiledCasesTrialPeriodCountsFromTheFilingDateOnTheCourtsLetter() {
    String caseCode = entrustedAfterFiling("SIMPLE");
    complete(
        caseCode,
        "Task_PostFilingMediation",
        COUNTY_MEDIATORS,
        Map.of("entrustedResult", "FAILED"));
    assertThat(openTaskKeys(caseCode)).isEmpty();

    moveClockTo(OffsetDateTime.parse("2026-05-12T20:00:00+08:00"));
    assertThat(openTaskKeys(caseCode)).isEmpty();
    moveClockTo(OffsetDateTime.parse("2026-05-13T00:01:00+08:00"));
    assertThat(openTaskKeys(caseCode))
        .as("simple procedure: 3 months from filing on 12 February (the letter), not from receipt")
        .containsExactly("Task_ChaseJudgment");
  }

  // Item 5: pre-filing mediation's extension is reported as such, and its end is enforced

  @Test
  void aPreFilingExtensionAgreedByBothPartiesIsReportedAsExtendedNotAsFailure() {
    String caseCode = partySues();
    extendWithConsent(caseCode, "Task_PreFilingMediation");

    assertThat(outboundSteps(caseCode))
        .as("the court is told of the extension, not that mediation failed")
        .containsExactly("FILING_REQUEST", "ENTRUSTED_MEDIATION_EXTENDED");
    assertThat(openTaskKeys(caseCode)).containsExactly("Task_PreFilingMediation");
    assertThat(dueDate(caseCode, "Task_PreFilingMediation"))
        .as("30 days after 2026-04-01: 05-01, in the May Day holiday (05-01..05-05), moves on")
        .isEqualTo(endOfDay("2026-05-06"));
    assertThat(eventDetails(caseCode, "CLOCK_EXTENDED"))
        .containsExactly("诉前委派调解 延长 P30D：双方当事人同意延长");
    assertThat(passedActivities(caseCode, "litigation-mediation"))
        .contains("ServiceTask_ExtendPreFilingMediation")
        .doesNotContain("ServiceTask_ReportPreFilingFailure");
  }

  @Test
  void thePreFilingPeriodEndingWithoutAgreementSendsTheCaseToTheCourtToFile() {
    String caseCode = partySues();
    moveClockTo(OffsetDateTime.parse("2026-04-01T20:00:00+08:00"));
    assertThat(openTaskKeys(caseCode)).containsExactly("Task_PreFilingMediation");
    moveClockTo(OffsetDateTime.parse("2026-04-02T00:01:00+08:00"));

    assertThat(openTaskKeys(caseCode)).as("the mediation is over").isEmpty();
    assertThat(outboundSteps(caseCode))
        .containsExactly("FILING_REQUEST", "ENTRUSTED_MEDIATION_NOT_SETTLED");
    assertThat(eventDetails(caseCode, "CLOCK_ENDED")).containsExactly("诉前委派调解 期满未达成协议，退回法院");
    caseMessages.courtFiledCase(caseCode, "(2026)川1725民初504号", "ORDINARY", today());
    assertThat(passedActivities(caseCode, "litigation-mediation"))
        .containsSubsequence(
            "BoundaryEvent_PreFilingPeriodEnded",
            "ServiceTask_ReportPreFilingFailure",
            "ReceiveTask_AwaitFiling",
            "ReceiveTask_AwaitJudgment");
  }

  // Item 6: the post-filing clock is computed once, from the court's procedure, and enforced

  @Test
  void anExtensionRecordedOnDayFourteenEndsOnDayFortyFiveNotFiftyNine() {
    String caseCode = entrustedAfterFiling("ORDINARY");
    assertThat(dueDate(caseCode, "Task_PostFilingMediation")).isEqualTo(endOfDay("2026-03-17"));
    moveClockTo(OffsetDateTime.parse("2026-03-16T10:00:00+08:00"));
    extendWithConsent(caseCode, "Task_PostFilingMediation");

    assertThat(dueDate(caseCode, "Task_PostFilingMediation"))
        .as("15 + 30 days from receipt, not 45 from the day the extension was recorded")
        .isEqualTo(endOfDay("2026-04-16"));
    assertThat(outboundSteps(caseCode)).containsExactly("ENTRUSTED_MEDIATION_EXTENDED");
    complete(
        caseCode,
        "Task_PostFilingMediation",
        COUNTY_MEDIATORS,
        Map.of("entrustedResult", "EXTEND", "bothPartiesConsent", true));
    assertThat(outboundSteps(caseCode))
        .as("extended once only: a second extension counts as not settled")
        .containsExactly("ENTRUSTED_MEDIATION_EXTENDED", "ENTRUSTED_MEDIATION_NOT_SETTLED");
  }

  @Test
  void thePostFilingPeriodEndingWithoutAgreementGoesBackToTheCourtsTrial() {
    String caseCode = entrustedAfterFiling("ORDINARY");
    extendWithConsent(caseCode, "Task_PostFilingMediation");
    moveClockTo(OffsetDateTime.parse("2026-04-16T20:00:00+08:00"));
    assertThat(openTaskKeys(caseCode)).containsExactly("Task_PostFilingMediation");
    moveClockTo(OffsetDateTime.parse("2026-04-17T00:01:00+08:00"));

    assertThat(openTaskKeys(caseCode)).isEmpty();
    assertThat(outboundSteps(caseCode))
        .containsExactly("ENTRUSTED_MEDIATION_EXTENDED", "ENTRUSTED_MEDIATION_NOT_SETTLED");
    assertThat(eventDetails(caseCode, "CLOCK_ENDED")).containsExactly("诉中委托调解 期满未达成协议，退回法院");
    assertThat(passedActivities(caseCode, "litigation-mediation"))
        .containsSubsequence(
            "BoundaryEvent_PostFilingPeriodEnded",
            "ServiceTask_ReportPostFilingFailure",
            "ReceiveTask_AwaitJudgment");
  }

  @Test
  void aCaseArrivingFiledTakesTheCourtsProcedureForItsClocks() {
    String caseCode = entrustedAfterFiling("SIMPLE");

    assertThat(dueDate(caseCode, "Task_PostFilingMediation"))
        .as("simple procedure: 7 days, not 15")
        .isEqualTo(endOfDay("2026-03-09"));
    assertThat(variable(caseCode, "litigation-mediation", "courtProcedure"))
        .as("the procedure the trial's clock reads too")
        .isEqualTo("SIMPLE");
    assertThat(variable(caseCode, "litigation-mediation", "courtCaseNumber"))
        .isEqualTo("(2026)川1725民初501号");
  }

  // Item 8: a settlement is not forgotten

  /** A court-sent case at dispute-case level, through routing (a court transfer, 委派). */
  private String courtTransferRegistered(boolean alreadyFiled) {
    Map<String, Object> variables = villageNeighbourDispute();
    variables.put("acceptedElsewhere", alreadyFiled ? "COURT" : "NONE");
    IntakeRequest template = intakeRequest(variables);
    IntakeRequest transfer =
        new IntakeRequest(
            "COURT",
            "court-2026-" + System.nanoTime() % 100000,
            template.level(),
            template.townCode(),
            template.villageCode(),
            "court-system",
            template.disputeType(),
            template.summary(),
            template.amount(),
            template.occurredOn(),
            template.partyCount(),
            true,
            template.flags(),
            template.parties());
    String caseCode = intake.register(transfer, null, "court-system").caseCode();
    runJobs();
    assertThat(journal.progress(caseCode).stage()).isEqualTo(CaseStage.LITIGATION_MEDIATION);
    return caseCode;
  }

  @Test
  void aPreFilingAgreementForJudicialConfirmationStartsConfirmationWithItsThirtyDays() {
    String caseCode = courtTransferRegistered(false);
    moveClockTo(OffsetDateTime.parse("2026-03-10T10:00:00+08:00"));
    complete(
        caseCode,
        "Task_PreFilingMediation",
        COUNTY_MEDIATORS,
        Map.of(
            "entrustedResult",
            "SETTLED",
            "settlementForm",
            "CONFIRMATION",
            "mediationNote",
            "达成协议"));

    assertThat(journal.progress(caseCode).stage()).isEqualTo(CaseStage.JUDICIAL_CONFIRMATION);
    assertThat(dueDate(caseCode, "Task_DecideConfirmation"))
        .as("30 days from the agreement (2026-03-10)")
        .isEqualTo(endOfDay("2026-04-09"));
    assertThat(passedActivities(caseCode, ProcessModels.DISPUTE_CASE))
        .containsSubsequence(
            "CallActivity_LitigationMediation",
            "Gateway_LitigationOutcome",
            "CallActivity_JudicialConfirmation");
  }

  @Test
  void anUnperformedCourtMediationDocumentIsFollowedUpAndEnforced() {
    String caseCode = courtTransferRegistered(true);
    complete(
        caseCode,
        "Task_ReceiveEntrustment",
        COURT_LIAISONS,
        Map.of(
            "courtCaseNumber",
            "(2026)川1725民初505号",
            "courtProcedure",
            "ORDINARY",
            "filedOn",
            "2026-02-26"));
    complete(
        caseCode,
        "Task_PostFilingMediation",
        COUNTY_MEDIATORS,
        Map.of(
            "entrustedResult",
            "SETTLED",
            "settlementForm",
            "MEDIATION_DOCUMENT",
            "mediationNote",
            "调解书"));

    assertThat(journal.progress(caseCode).stage())
        .as("a 调解书 is followed up, not closed at once")
        .isEqualTo(CaseStage.FOLLOW_UP);
    assertThat(eventDetails(caseCode, "JUDGMENT_EFFECTIVE"))
        .containsExactly("调解书经双方当事人签收后，即具有法律效力（民事诉讼法第100条）");
    moveClockTo(OffsetDateTime.parse("2026-03-18T09:00:00+08:00")); // the local 15 days after
    complete(
        caseCode,
        "Task_FollowUpVisit",
        COUNTY_MEDIATORS,
        Map.of("performed", false, "visitNote", "未履行"));

    assertThat(journal.progress(caseCode).stage())
        .as("an unperformed 调解书 goes to enforcement like a judgment")
        .isEqualTo(CaseStage.ENFORCEMENT);
    assertThat(passedActivities(caseCode, ProcessModels.DISPUTE_CASE))
        .containsSubsequence(
            "CallActivity_LitigationMediation",
            "CallActivity_FollowUp",
            "Gateway_AgreementPerformed",
            "CallActivity_Enforcement")
        .doesNotContain("Task_InformRoutes");
    assertThat(passedActivities(caseCode, "litigation-mediation"))
        .contains("ServiceTask_MediationDocumentEffective", "EndEvent_Settled");
  }

  @Test
  void aWithdrawalAfterFilingEndsTheSuitWithoutAMediationDocumentToEnforce() {
    String caseCode = entrustedAfterFiling("ORDINARY");
    complete(
        caseCode,
        "Task_PostFilingMediation",
        COUNTY_MEDIATORS,
        Map.of(
            "entrustedResult", "SETTLED", "settlementForm", "WITHDRAWAL", "mediationNote", "和解撤诉"));

    assertThat(stageEnded(caseCode, "litigation-mediation")).isTrue();
    assertThat(outboundSteps(caseCode)).containsExactly("ENTRUSTED_MEDIATION_SETTLED");
    assertThat(variable(caseCode, "litigation-mediation", "settlementForm"))
        .isEqualTo("WITHDRAWAL");
    assertThat(variable(caseCode, "litigation-mediation", "judgmentEffectiveAt"))
        .as("nothing to enforce")
        .isNull();
    assertThat(passedActivities(caseCode, "litigation-mediation"))
        .containsSubsequence(
            "Gateway_MediationDocument", "ServiceTask_ReportSettlement", "EndEvent_Settled")
        .doesNotContain("ServiceTask_MediationDocumentEffective");
  }

  @Test
  void withdrawalAndMediationDocumentsAreOfferedOnlyAfterFiling() throws IOException {
    assertThat(settlementOptions("entrusted-mediation"))
        .as("诉前委派调解: no case filed, so no 撤诉 and no 调解书")
        .containsExactly("CONFIRMATION", "AGREEMENT");
    assertThat(settlementOptions("court-entrusted-mediation"))
        .as("诉中委托调解: the court's 调解书 or a withdrawal; no confirmation of a suit")
        .containsExactly("MEDIATION_DOCUMENT", "WITHDRAWAL");
    assertThat(
            repositoryService
                .getBpmnModelInstance(
                    repositoryService
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("litigation-mediation")
                        .latestVersion()
                        .singleResult()
                        .getId())
                .getModelElementById("Task_PreFilingMediation")
                .getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef"))
        .isEqualTo("entrusted-mediation");
  }

  private static List<String> settlementOptions(String formId) throws IOException {
    JsonNode form = new ObjectMapper().readTree(Path.of("forms", formId + ".form").toFile());
    List<String> values = new ArrayList<>();
    for (JsonNode component : form.path("components")) {
      if ("settlementForm".equals(component.path("key").asText())) {
        component.path("values").forEach(value -> values.add(value.path("value").asText()));
      }
    }
    return values;
  }
}
