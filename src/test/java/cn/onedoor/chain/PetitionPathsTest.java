package cn.onedoor.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.onedoor.casefile.CaseStage;
import cn.onedoor.intake.CaseStatuses;
import cn.onedoor.intake.IntakeRequest;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Petitions (信访, processes/petition-handling.bpmn) as 信访工作条例 runs them: written acceptance within
 * 15 days, mediation offered inside the procedure, a handling opinion within 60 days (+30 only with
 * an approval), 复查 and 复核 each requested within 30 days and answered within 30. Issue 14 item 6.
 */
public class PetitionPathsTest extends PathTest {

  static final String PETITION_LIAISONS = "liaison:department:PETITION";
  private static int petitionNumber = 0;

  @Autowired CaseStatuses statuses;

  /** A petition forwarded by the county 信访局: a 土溪村 neighbours' quarrel, both willing or not. */
  public static IntakeRequest petition() {
    Map<String, Object> facts = villageNeighbourDispute();
    facts.put("townCode", "511725103");
    facts.put("villageCode", "511725103001");
    IntakeRequest template = intakeRequest(facts);
    return new IntakeRequest(
        "PETITION",
        "xf-2026-" + (++petitionNumber),
        template.level(),
        template.townCode(),
        template.villageCode(),
        "petition-system",
        template.disputeType(),
        "信访反映：相邻通行纠纷",
        template.amount(),
        template.occurredOn(),
        template.partyCount(),
        template.consentToMediation(),
        template.flags(),
        template.parties());
  }

  /** The applicant's mobile of the last petition registered, for the parties' page. */
  private String applicantMobile;

  private String registerPetition() {
    IntakeRequest petition = petition();
    applicantMobile = petition.parties().get(0).mobile();
    String caseCode = intake.register(petition, null, "gateway").caseCode();
    runJobs();
    return caseCode;
  }

  private CaseStatuses.PartyView partysPage(String caseCode) {
    return statuses.partyView(caseCode, applicantMobile.substring(applicantMobile.length() - 4));
  }

  private String acceptedPetition() {
    String caseCode = registerPetition();
    complete(
        caseCode,
        "Task_IssueAcceptanceNotice",
        PETITION_LIAISONS,
        Map.of("acceptanceNote", "渠信受〔2026〕1号，县信访局受理"));
    return caseCode;
  }

  private String petitionAwaitingOpinion() {
    String caseCode = acceptedPetition();
    complete(caseCode, "Task_RecordConsent", PETITION_LIAISONS, Map.of("partiesConsent", "NO"));
    return caseCode;
  }

  private void issueOpinion(String caseCode) {
    complete(
        caseCode,
        "Task_IssueHandlingOpinion",
        PETITION_LIAISONS,
        Map.of("handlingAction", "OPINION", "handlingOpinion", "经核查，通行道路属集体所有，维持现状"));
  }

  private static Map<String, Object> extension(String approvedBy, String approvedOn) {
    Map<String, Object> form = new HashMap<>();
    form.put("handlingAction", "EXTEND");
    form.put("handlingOpinion", "需现场勘验，情况复杂");
    form.put("extensionApprovedBy", approvedBy);
    form.put("extensionApprovedOn", approvedOn);
    return form;
  }

  @Test
  void petitionAcceptanceNoticeWithinFifteenDays() {
    String caseCode = registerPetition();

    Task notice = task(caseCode, "Task_IssueAcceptanceNotice");
    assertThat(candidateGroups(notice)).containsExactly(PETITION_LIAISONS);
    assertThat(notice.getDueDate())
        .as("15 days from receipt on 2 March")
        .isEqualTo(endOfDay("2026-03-17"));
    assertThat(openTaskKeys(caseCode))
        .as("nothing is mediated before the petition is accepted")
        .containsExactly("Task_IssueAcceptanceNotice");

    moveClockTo(justAfter(notice.getDueDate()));
    assertThat(task(caseCode, "Task_AcknowledgeEscalation").getName()).startsWith("催办");

    complete(
        caseCode,
        "Task_IssueAcceptanceNotice",
        PETITION_LIAISONS,
        Map.of("acceptanceNote", "渠信受〔2026〕2号"));
    assertThat(journal.progress(caseCode).stage()).isEqualTo(CaseStage.PETITION);
    assertThat(outboundSteps(caseCode))
        .as("the written notice goes out through the SMS gateway")
        .contains("SMS_STAGE_PETITION");
    CaseStatuses.PartyView page = partysPage(caseCode);
    assertThat(page.stageName()).as("the parties' page shows the acceptance").isEqualTo("信访办理");
  }

  @Test
  void petitionRefusingMediationIsStillHandled() {
    String caseCode = acceptedPetition();
    assertThat(candidateGroups(task(caseCode, "Task_RecordConsent")))
        .as("mediation is offered inside the petition, by the petition liaison")
        .containsExactly(PETITION_LIAISONS);

    complete(caseCode, "Task_RecordConsent", PETITION_LIAISONS, Map.of("partiesConsent", "NO"));

    assertThat(caseIsOpen(caseCode)).isTrue();
    Task opinion = task(caseCode, "Task_IssueHandlingOpinion");
    assertThat(candidateGroups(opinion)).containsExactly(PETITION_LIAISONS);
    assertThat(opinion.getDueDate())
        .as("60 days from receipt on 2 March end on 1 May, a holiday until 5 May")
        .isEqualTo(endOfDay("2026-05-06"));
    assertThat(openTaskKeys(caseCode)).doesNotContain("Task_InformRoutes");
    assertThat(partysPage(caseCode).nextDeadline()).isEqualTo(opinion.getDueDate().toInstant());

    moveClockTo(justAfter(opinion.getDueDate()));
    assertThat(passedInAnyInstance(caseCode, "petition-handling"))
        .contains("BoundaryEvent_IssueHandlingOpinionOverdue");
    assertThat(task(caseCode, "Task_IssueHandlingOpinion")).isNotNull();
  }

  @Test
  void mediationInsideAPetitionEndsAtItsOwnPeriodWithoutALocalOverrun() {
    String caseCode = acceptedPetition();
    complete(caseCode, "Task_RecordConsent", PETITION_LIAISONS, Map.of("partiesConsent", "YES"));
    Task mediate = task(caseCode, "Task_Mediate");
    assertThat(mediate.getDueDate()).isEqualTo(endOfDay("2026-04-01"));

    moveClockTo(justAfter(mediate.getDueDate()));

    assertThat(variable(caseCode, "mediation", "mediationOutcome")).isEqualTo("EXPIRED");
    assertThat(task(caseCode, "Task_IssueHandlingOpinion").getDueDate())
        .as("the handling period is not moved by the mediation")
        .isEqualTo(endOfDay("2026-05-06"));
  }

  @Test
  void handlingExtensionNeedsApproval() {
    String caseCode = petitionAwaitingOpinion();
    Task opinion = task(caseCode, "Task_IssueHandlingOpinion");

    assertThatThrownBy(() -> taskService.complete(opinion.getId(), extension(" ", "2026-04-20")))
        .hasMessageContaining("须经批准");
    assertThat(task(caseCode, "Task_IssueHandlingOpinion").getDueDate())
        .isEqualTo(endOfDay("2026-05-06"));

    complete(
        caseCode,
        "Task_IssueHandlingOpinion",
        PETITION_LIAISONS,
        extension("县信访局局长 王某", "2026-04-20"));
    assertThat(task(caseCode, "Task_IssueHandlingOpinion").getDueDate())
        .as("30 more days from 6 May")
        .isEqualTo(endOfDay("2026-06-05"));
    assertThat(eventDetails(caseCode, "CLOCK_EXTENDED"))
        .singleElement()
        .asString()
        .contains("P30D", "县信访局局长 王某", "2026-04-20");
    assertThat(outboundSteps(caseCode))
        .as("the petitioner is told of the extension")
        .contains("SMS_PETITION_EXTENDED");

    Task extended = task(caseCode, "Task_IssueHandlingOpinion");
    assertThatThrownBy(
            () -> taskService.complete(extended.getId(), extension("县信访局局长 王某", "2026-05-20")))
        .as("once only")
        .hasMessageContaining("不能再次延长");
    assertThat(task(caseCode, "Task_IssueHandlingOpinion").getDueDate())
        .isEqualTo(endOfDay("2026-06-05"));
  }

  @Test
  void reviewRequestedWithinThirtyDaysIsAnsweredWithinThirty() {
    String caseCode = petitionAwaitingOpinion();
    moveClockTo(OffsetDateTime.parse("2026-04-10T10:00:00+08:00"));
    issueOpinion(caseCode);
    assertThat(outboundSteps(caseCode)).contains("SMS_PETITION_OPINION");

    Task request = task(caseCode, "Task_RecordReviewRequest");
    assertThat(candidateGroups(request)).containsExactly(PETITION_LIAISONS);
    assertThat(request.getDueDate())
        .as("30 days from 10 April: 10 May is a Sunday")
        .isEqualTo(endOfDay("2026-05-11"));

    moveClockTo(OffsetDateTime.parse("2026-05-08T10:00:00+08:00"));
    complete(
        caseCode,
        "Task_RecordReviewRequest",
        PETITION_LIAISONS,
        Map.of("reviewRequestNote", "信访人当面请求复查"));
    Task answer = task(caseCode, "Task_AnswerReview");
    assertThat(answer.getDueDate()).as("30 days from 8 May").isEqualTo(endOfDay("2026-06-08"));
    moveClockTo(justAfter(answer.getDueDate()));
    assertThat(passedInAnyInstance(caseCode, "petition-handling"))
        .contains("CallActivity_AnswerReviewEscalation");

    complete(caseCode, "Task_AnswerReview", PETITION_LIAISONS, Map.of("reviewAnswer", "维持原处理意见"));
    assertThat(outboundSteps(caseCode)).contains("SMS_PETITION_REVIEW_ANSWER");
    Task reexamination = task(caseCode, "Task_RecordReexaminationRequest");
    complete(
        caseCode,
        "Task_RecordReexaminationRequest",
        PETITION_LIAISONS,
        Map.of("reexaminationRequestNote", "信访人书面请求复核"));
    Task reexaminationAnswer = task(caseCode, "Task_AnswerReexamination");
    assertThat(reexaminationAnswer.getDueDate())
        .isEqualTo(
            deadlines.calendarDays(reexamination.getCreateTime(), 30)); // requested the same day
    moveClockTo(justAfter(reexaminationAnswer.getDueDate()));
    complete(
        caseCode,
        "Task_AnswerReexamination",
        PETITION_LIAISONS,
        Map.of("reexaminationAnswer", "复核维持"));

    assertThat(variable(caseCode, "petition-handling", "petitionOutcome")).isEqualTo("REEXAMINED");
    assertThat(outboundSteps(caseCode)).contains("SMS_PETITION_REEXAMINATION_ANSWER");
    assertThat(openTaskKeys(caseCode)).contains("Task_RecordClosure");
  }

  @Test
  void reviewNotRequestedWithinThirtyDaysLetsTheOpinionStand() {
    String caseCode = petitionAwaitingOpinion();
    issueOpinion(caseCode);
    moveClockTo(justAfter(task(caseCode, "Task_RecordReviewRequest").getDueDate()));

    assertThat(variable(caseCode, "petition-handling", "petitionOutcome")).isEqualTo("OPINION");
    assertThat(openTaskKeys(caseCode)).contains("Task_RecordClosure");
  }

  @Test
  void reexaminationNotRequestedWithinThirtyDaysLetsTheReviewStand() {
    String caseCode = petitionAwaitingOpinion();
    issueOpinion(caseCode);
    complete(
        caseCode,
        "Task_RecordReviewRequest",
        PETITION_LIAISONS,
        Map.of("reviewRequestNote", "请求复查"));
    complete(caseCode, "Task_AnswerReview", PETITION_LIAISONS, Map.of("reviewAnswer", "维持"));
    moveClockTo(justAfter(task(caseCode, "Task_RecordReexaminationRequest").getDueDate()));

    assertThat(variable(caseCode, "petition-handling", "petitionOutcome")).isEqualTo("REVIEWED");
    assertThat(openTaskKeys(caseCode)).contains("Task_RecordClosure");
  }

  @Test
  void aPetitionMediatedToAnAgreementIsFollowedUp() {
    String caseCode = acceptedPetition();
    complete(caseCode, "Task_RecordConsent", PETITION_LIAISONS, Map.of("partiesConsent", "YES"));
    complete(
        caseCode,
        "Task_Mediate",
        PETITION_LIAISONS,
        Map.of(
            "mediationResult",
            "AGREEMENT_ORAL",
            "sessionNote",
            "口头协议",
            "agreementDate",
            "2026-03-05",
            "performanceDueDate",
            "2026-03-20"));

    assertThat(variable(caseCode, "petition-handling", "petitionOutcome")).isEqualTo("MEDIATED");
    assertThat(passedActivities(caseCode, "dispute-case"))
        .contains("CallActivity_FollowUp")
        .doesNotContain("Task_InformRoutes");
  }

  @Test
  void aPetitionPerformedOnTheSpotCloses() {
    String caseCode = acceptedPetition();
    complete(caseCode, "Task_RecordConsent", PETITION_LIAISONS, Map.of("partiesConsent", "YES"));
    complete(
        caseCode,
        "Task_Mediate",
        PETITION_LIAISONS,
        Map.of("mediationResult", "PERFORMED", "sessionNote", "当场履行"));

    assertThat(openTaskKeys(caseCode)).containsExactly("Task_RecordClosure");
  }
}
