package cn.onedoor.chain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.casefile.CaseStage;
import cn.onedoor.casefile.ProcessModels;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MediationToClosureTest extends ChainTest {

  @Test
  void aVillageDisputeIsMediatedConfirmedPerformedAndClosed() {
    String caseCode = register(villageNeighbourDispute());

    assertThat(journal.progress(caseCode).stage()).isEqualTo(CaseStage.MEDIATION);
    assertThat(journal.progress(caseCode).channel()).isEqualTo("PEOPLES_VILLAGE");
    complete(
        caseCode,
        "Task_RecordConsent",
        "mediator:village:511725104001",
        Map.of("partiesConsent", "YES"));
    complete(
        caseCode,
        "Task_Mediate",
        "mediator:village:511725104001",
        Map.of(
            "mediationResult",
            "AGREEMENT_WRITTEN",
            "sessionNote",
            "双方达成书面协议",
            "agreementDate",
            "2026-03-04",
            "performanceDueDate",
            "2026-03-20"));

    assertThat(journal.progress(caseCode).stage()).isEqualTo(CaseStage.JUDICIAL_CONFIRMATION);
    complete(
        caseCode,
        "Task_DecideConfirmation",
        "mediator:village:511725104001",
        Map.of("applyForConfirmation", "YES"));
    caseMessages.courtAcceptedConfirmation(caseCode);
    caseMessages.courtRuledConfirmation(caseCode, "VALID");
    runJobs();

    assertThat(journal.progress(caseCode).stage()).isEqualTo(CaseStage.FOLLOW_UP);
    assertThat(openTaskKeys(caseCode)).isEmpty();
    moveClockTo(MONDAY_MORNING.plusDays(19));
    complete(
        caseCode,
        "Task_FollowUpVisit",
        "mediator:village:511725104001",
        Map.of("performed", true, "visitNote", "已按协议履行"));

    complete(
        caseCode,
        "Task_RecordClosure",
        "mediator:village:511725104001",
        Map.of(
            "closureReason", "CONFIRMED", "satisfaction", "5", "closureSummary", "协议经司法确认并履行完毕"));

    assertThat(caseIsOpen(caseCode)).isFalse();
    assertThat(journal.progress(caseCode).stage()).isEqualTo(CaseStage.CLOSED);
    assertThat(journal.progress(caseCode).closureReason()).isEqualTo("CONFIRMED");
    assertThat(outbound.forCase(caseCode))
        .extracting(r -> r.step())
        .filteredOn(step -> !step.startsWith("REPORT_STAGE_") && !step.startsWith("SMS_STAGE_"))
        .containsExactly(
            "REPORT_REGISTRATION",
            "SMS_CASE_REGISTERED",
            "CONFIRMATION_APPLICATION",
            "REPORT_CLOSURE",
            "SMS_CASE_CLOSED");
    assertThat(outbound.forCase(caseCode))
        .extracting(r -> r.step())
        .as("every stage reported, the parties told")
        .contains(
            "REPORT_STAGE_ROUTING",
            "REPORT_STAGE_MEDIATION",
            "REPORT_STAGE_JUDICIAL_CONFIRMATION",
            "REPORT_STAGE_FOLLOW_UP",
            "REPORT_STAGE_CLOSED",
            "SMS_STAGE_MEDIATION",
            "SMS_STAGE_JUDICIAL_CONFIRMATION")
        .doesNotContain("SMS_STAGE_ROUTING", "SMS_STAGE_CLOSED");
    assertThat(passedActivities(caseCode, ProcessModels.DISPUTE_CASE))
        .containsSubsequence(
            "StartEvent_CaseRegistered",
            "CallActivity_AssessAndRoute",
            "CallActivity_Mediation",
            "CallActivity_JudicialConfirmation",
            "CallActivity_FollowUp",
            "CallActivity_Closure",
            "EndEvent_CaseClosed");
  }
}
