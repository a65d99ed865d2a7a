package cn.onedoor.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.onedoor.bridge.OutboundRequests;
import cn.onedoor.casefile.CaseJournal;
import cn.onedoor.casefile.CaseStage;
import cn.onedoor.chain.ChainTest;
import cn.onedoor.chain.PetitionPathsTest;
import cn.onedoor.intake.Intake;
import cn.onedoor.intake.IntakeRequest;
import cn.onedoor.support.EngineClockTestConfiguration;
import cn.onedoor.support.Http;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The default setup end to end: cases driven from registration to closure by completing Tasklist
 * tasks only — the county's staff's and the simulator's, who plays the court and the legal-aid
 * centre. Nothing is sent by hand: our clients call the simulated systems over HTTP on this
 * application's random port, and the simulated systems call our callback endpoints over HTTP when
 * the simulator completes a task. The job executor is off; the test runs the jobs as the executor
 * would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({EngineClockTestConfiguration.class, ProcessEngineCoverageConfiguration.class})
class SimulatedSystemsEndToEndTest {

  static final String SIMULATORS = "simulator:county:511725";
  static final String VILLAGE_MEDIATORS = "mediator:village:511725104001";
  static final String COUNTY_MEDIATORS = "mediator:county:511725";
  static final String COURT_LIAISONS = "court:county:511725";
  static final String LEGAL_AID_OFFICERS = "legalaid:county:511725";
  static final String LABOUR_MEDIATORS = "mediator:committee:LABOUR";
  static final String POLICE_LIAISONS = "liaison:department:POLICE";
  private static int caseNumber = 500000;

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired CaseJournal journal;
  @Autowired OutboundRequests outbound;
  @Autowired JdbcTemplate jdbc;
  @Autowired cn.onedoor.province.StageReports stageReports;
  @Autowired Intake intake;
  @Autowired cn.onedoor.intake.CaseStatuses statuses;

  @BeforeEach
  void mondayMorning() {
    ClockUtil.setCurrentTime(Date.from(ChainTest.MONDAY_MORNING.toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // --- the paths ---

  /**
   * The legal-aid centre answers a case that is not (yet) waiting for its decision (its step that
   * waits was rolled back with the database and is retried): our 409 is not remembered, so the
   * simulated centre sends its answer again later instead of giving up with an incident.
   */
  @Test
  void anAnswerTheCaseIsNotYetWaitingForIsSentAgainLater() {
    String caseCode = register(ChainTest.villageNeighbourDispute());
    String centre =
        runtimeService
            .createProcessInstanceByKey("simulated-legal-aid")
            .businessKey(caseCode)
            .startBeforeActivity("ServiceTask_SendDecision")
            .setVariable("legalAidDecision", "GRANTED")
            .execute()
            .getId();
    org.camunda.bpm.engine.runtime.Job answer =
        managementService
            .createJobQuery()
            .processInstanceId(centre)
            .activityId("ServiceTask_SendDecision")
            .singleResult();

    assertThatThrownBy(() -> managementService.executeJob(answer.getId()))
        .hasMessageContaining("409");
    org.camunda.bpm.engine.runtime.Job again =
        managementService.createJobQuery().jobId(answer.getId()).singleResult();
    assertThat(again.getRetries()).as("tried again later, not an incident").isPositive();
    assertThat(again.getExceptionMessage()).contains("案件尚未在等待该答复", "将自动重试");
    assertThat(
            runtimeService
                .createIncidentQuery()
                .processInstanceId(again.getProcessInstanceId())
                .count())
        .isZero();
    runtimeService.deleteProcessInstance(again.getProcessInstanceId(), "test over");
  }

  @Test
  void aWrittenAgreementIsConfirmedByTheSimulatedCourtAfterAnExtensionAndTheCaseCloses() {
    String caseCode = register(ChainTest.villageNeighbourDispute());
    complete(caseCode, "Task_RecordConsent", null, Map.of("partiesConsent", "YES"));
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
            "2026-03-20"));
    complete(
        caseCode,
        "Task_DecideConfirmation",
        VILLAGE_MEDIATORS,
        Map.of("applyForConfirmation", "YES"));

    complete(
        caseCode,
        "Task_AcceptConfirmation",
        SIMULATORS,
        Map.of("acceptance", "ACCEPTED", "simNote", "已受理"));
    assertThat(passed(caseCode, "judicial-confirmation")).contains("ReceiveTask_AwaitAcceptance");
    complete(
        caseCode, "Task_RuleConfirmation", SIMULATORS, Map.of("ruling", "EXTEND", "simNote", ""));
    assertThat(journal.events(caseCode))
        .anySatisfy(event -> assertThat(event.kind()).isEqualTo("CLOCK_EXTENDED"));
    complete(
        caseCode, "Task_RuleConfirmation", SIMULATORS, Map.of("ruling", "VALID", "simNote", ""));
    assertThat(journal.progress(caseCode).stage()).isEqualTo(CaseStage.FOLLOW_UP);

    moveClockTo(OffsetDateTime.parse("2026-03-21T09:00:00+08:00"));
    complete(
        caseCode,
        "Task_FollowUpVisit",
        VILLAGE_MEDIATORS,
        Map.of("performed", true, "visitNote", "已履行"));
    close(caseCode, "CONFIRMED");

    assertThat(callbacksOf(caseCode))
        .containsExactlyInAnyOrder(
            "CONFIRMATION_ACCEPTED", "CONFIRMATION_EXTENDED", "CONFIRMATION_RULED");
    assertThat(simulatedRequests(caseCode))
        .contains(
            "court /confirmation-applications",
            "provincial-platform /case-reports",
            "sms /messages");
    HttpResponse<String> smsPage =
        new Http(port).as("simulator", "demo").get("/simulation/sms/?caseCode=" + caseCode);
    assertThat(smsPage.statusCode()).isEqualTo(200);
    assertThat(smsPage.body()).contains("模拟短信", caseCode, "已登记受理", "已办结");
    assertThat(new Http(port).get("/simulation/sms/").statusCode())
        .as("the page needs a login")
        .isEqualTo(401);
  }

  /**
   * Issue 14 item 1: a suspected crime is transferred to the police with a report (人民调解法 art 25)
   * and never reaches a mediator: the simulated police accept it in Tasklist, their signed callback
   * ends the wait, and the police liaison closes the case as transferred.
   */
  @Test
  void aSuspectedCrimeIsTransferredToTheSimulatedPoliceAndNeverReachesAMediator() {
    Map<String, Object> variables = ChainTest.villageNeighbourDispute();
    variables.put("crimeSuspected", true);
    String caseCode = register(variables);
    assertThat(openTasks(caseCode)).containsExactly("Task_AcceptTransfer");

    complete(
        caseCode,
        "Task_AcceptTransfer",
        SIMULATORS,
        Map.of("policeCaseNumber", "渠公(刑)受案字〔2026〕201号"));
    assertThat(callbacksOf(caseCode)).containsExactly("POLICE_TRANSFER_ACCEPTED");
    assertThat(passed(caseCode, "police-transfer")).contains("EndEvent_TransferAccepted");
    complete(
        caseCode,
        "Task_RecordClosure",
        POLICE_LIAISONS,
        Map.of("closureReason", "TRANSFERRED", "satisfaction", "4", "closureSummary", "已移送公安"));
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(caseCode)
                .count())
        .isZero();
    assertThat(journal.progress(caseCode).closureReason()).isEqualTo("TRANSFERRED");
    assertThat(simulatedRequests(caseCode)).contains("police /transfers");
    assertThat(
            historyService
                .createHistoricTaskInstanceQuery()
                .processInstanceBusinessKey(caseCode)
                .list())
        .extracting(task -> task.getTaskDefinitionKey())
        .containsExactlyInAnyOrder("Task_AcceptTransfer", "Task_RecordClosure");
  }

  /**
   * A public-order case is mediated by the police themselves (治安调解); when it fails the police
   * system is told to decide on punishment, and the simulated police keep the referral.
   */
  @Test
  void aFailedPublicSecurityMediationIsReferredToTheSimulatedPoliceForPunishment() {
    Map<String, Object> variables = ChainTest.villageNeighbourDispute();
    variables.put("disputeType", "PUBLIC_SECURITY");
    String caseCode = register(variables);
    complete(
        caseCode,
        "Task_FirstSession",
        POLICE_LIAISONS,
        Map.of("policeMediationResult", "FAILED", "sessionNote", "一方拒绝治安调解"));
    assertThat(simulatedRequests(caseCode)).contains("police /punishment-referrals");
    close(caseCode, "TRANSFERRED");
  }

  /**
   * Issue 13 item 9: the court may refuse to accept a confirmation application (不予受理). The case
   * does not wait for an acceptance that never comes: it goes back to the mediator, who sees the
   * court's reason on 告知当事人其他解决途径, and the parties may mediate again or sue.
   */
  @Test
  void aConfirmationApplicationNotAcceptedGoesBackToTheMediatorWithTheCourtsReason() {
    String caseCode = register(ChainTest.villageNeighbourDispute());
    complete(caseCode, "Task_RecordConsent", null, Map.of("partiesConsent", "YES"));
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
            "2026-03-20"));
    complete(
        caseCode,
        "Task_DecideConfirmation",
        VILLAGE_MEDIATORS,
        Map.of("applyForConfirmation", "YES"));

    String reason = "调解协议内容涉及物权确权，不属于司法确认的范围";
    complete(
        caseCode,
        "Task_AcceptConfirmation",
        SIMULATORS,
        Map.of("acceptance", "NOT_ACCEPTED", "notAcceptedReason", reason, "simNote", ""));

    assertThat(callbacksOf(caseCode)).containsExactly("CONFIRMATION_NOT_ACCEPTED");
    assertThat(passed(caseCode, "judicial-confirmation"))
        .contains("BoundaryEvent_CourtNotAccepted", "EndEvent_NotAccepted")
        .doesNotContain("Gateway_RulingPending");
    assertThat(passed(caseCode, "dispute-case")).contains("Task_InformRoutes");
    assertThat(openTasks(caseCode)).containsExactly("Task_InformRoutes");
    Task informRoutes =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(caseCode)
            .taskDefinitionKey("Task_InformRoutes")
            .singleResult();
    assertThat(taskService.getVariables(informRoutes.getId()))
        .as("what the mediator's form shows")
        .containsEntry("confirmationNotAcceptedReason", reason)
        .containsEntry("confirmationOutcome", "NOT_ACCEPTED");
    assertThat(journal.events(caseCode))
        .anySatisfy(
            event -> {
              assertThat(event.kind()).isEqualTo("APPLICATION_NOT_ACCEPTED");
              assertThat(event.detail()).isEqualTo("法院裁定不予受理司法确认申请");
            });

    complete(caseCode, "Task_InformRoutes", VILLAGE_MEDIATORS, Map.of("nextRoute", "REMEDIATE"));
    assertThat(journal.progress(caseCode).stage()).isEqualTo(CaseStage.MEDIATION);
  }

  @Test
  void legalAidIsGrantedThenAppealingAtEveryChanceEndsAfterTwoInstancesAndOneRemandThenEnforced() {
    String caseCode = goingToCourtWithLegalAid(false);
    complete(caseCode, "Task_DecideLegalAid", SIMULATORS, Map.of("legalAidDecision", "GRANTED"));
    complete(caseCode, "Task_AssignLawyer", SIMULATORS, Map.of("lawFirm", "四川宕渠律师事务所"));
    assertThat(journal.progress(caseCode).stage()).isEqualTo(CaseStage.LITIGATION_MEDIATION);

    complete(
        caseCode,
        "Task_PreFilingMediation",
        COUNTY_MEDIATORS,
        Map.of("entrustedResult", "REFUSED", "mediationNote", "被告拒绝调解"));
    complete(
        caseCode,
        "Task_FileCase",
        SIMULATORS,
        Map.of("courtCaseNumber", "(2026)川1725民初201号", "courtProcedure", "SIMPLE"));
    assertThat(journal.progress(caseCode).stage()).isEqualTo(CaseStage.LITIGATION);
    complete(caseCode, "Task_DeliverJudgment", SIMULATORS, served("JUDGMENT", "1", null));
    complete(caseCode, "Task_RecordAppeal", COURT_LIAISONS, Map.of("appealed", true));
    complete(caseCode, "Task_RecordSecondInstance", SIMULATORS, Map.of("secondInstance", "YES"));
    complete(caseCode, "Task_DeliverJudgment", SIMULATORS, served("RULING", "2", "REMANDED"));
    assertThat(journal.events(caseCode))
        .anySatisfy(event -> assertThat(event.kind()).isEqualTo("REMANDED"));
    complete(caseCode, "Task_DeliverJudgment", SIMULATORS, served("JUDGMENT", "1", null));
    complete(caseCode, "Task_RecordAppeal", COURT_LIAISONS, Map.of("appealed", true));
    complete(caseCode, "Task_RecordSecondInstance", SIMULATORS, Map.of("secondInstance", "YES"));
    complete(caseCode, "Task_DeliverJudgment", SIMULATORS, served("JUDGMENT", "2", null));
    assertThat(openTasks(caseCode))
        .as("the second-instance judgment is final: no appeal left, on either side")
        .containsExactly("Task_CheckJudgmentPerformance");
    assertThat(passed(caseCode, "simulated-court-litigation"))
        .contains("EndEvent_FinalDecision")
        .filteredOn("Task_DeliverJudgment"::equals)
        .as("first, second (remand), first again, second (final)")
        .hasSize(4);
    complete(
        caseCode,
        "Task_CheckJudgmentPerformance",
        COURT_LIAISONS,
        Map.of("judgmentPerformed", false));

    assertThat(journal.progress(caseCode).stage()).isEqualTo(CaseStage.ENFORCEMENT);
    complete(
        caseCode, "Task_PrepareEnforcement", COURT_LIAISONS, Map.of("enforcementNote", "申请执行"));
    complete(caseCode, "Task_ConcludeEnforcement", SIMULATORS, Map.of("simNote", "执行完毕"));
    close(caseCode, "ENFORCED");

    assertThat(callbacksOf(caseCode))
        .containsExactlyInAnyOrder(
            "LEGAL_AID_DECIDED",
            "LAWYER_ASSIGNED",
            "CASE_FILED",
            "JUDGMENT_DELIVERED",
            "JUDGMENT_DELIVERED",
            "JUDGMENT_DELIVERED",
            "JUDGMENT_DELIVERED",
            "ENFORCEMENT_CONCLUDED");
    assertThat(variable(caseCode, "litigation-mediation", "courtCaseNumber"))
        .isEqualTo("(2026)川1725民初201号");
  }

  /**
   * Issue 14 item 3: the simulated centre refuses with its reasons, the refusal is written and
   * reaches the parties (SMS, status page), the objection goes to the simulated 县司法局, which orders
   * the centre to correct: aid is granted and the centre assigns a lawyer.
   */
  @Test
  void aRefusedLegalAidApplicationIsObjectedToAndCorrected() {
    String caseCode = goingToCourtWithLegalAid(false);
    String reasons = "申请人家庭人均月收入高于本省经济困难标准";
    complete(
        caseCode,
        "Task_DecideLegalAid",
        SIMULATORS,
        Map.of("legalAidDecision", "REFUSED", "refusalReasons", reasons));
    assertThat(variable(caseCode, "representation", "legalAidRefusalReasons"))
        .as("the centre's reasons arrive with its callback")
        .isEqualTo(reasons);
    complete(
        caseCode,
        "Task_WriteRefusalDecision",
        LEGAL_AID_OFFICERS,
        Map.of("legalAidRefusalReasons", reasons));

    HttpResponse<String> smsPage =
        new Http(port).as("simulator", "demo").get("/simulation/sms/?caseCode=" + caseCode);
    assertThat(smsPage.body()).contains("不予法律援助", reasons, "县司法局");
    HttpResponse<String> partyPage =
        new Http(port)
            .get("/api/public/cases/" + caseCode + "?mobileLast4=" + mobileLast4(caseCode));
    assertThat(partyPage.statusCode()).isEqualTo(200);
    assertThat(partyPage.body()).contains("LEGAL_AID_REFUSED", reasons);

    complete(
        caseCode,
        "Task_RecordObjection",
        LEGAL_AID_OFFICERS,
        Map.of("objects", true, "objectionNote", "收入证明已补"));
    assertThat(simulatedRequests(caseCode))
        .contains("justice-bureau /legal-aid-objections")
        .doesNotContain("legal-aid /objections");
    complete(
        caseCode,
        "Task_DecideObjection",
        SIMULATORS,
        Map.of("objectionReview", "CORRECT", "reviewReasons", "收入证明属实"));
    complete(caseCode, "Task_AssignLawyer", SIMULATORS, Map.of("lawFirm", "四川宕渠律师事务所"));

    assertThat(journal.progress(caseCode).stage()).isEqualTo(CaseStage.LITIGATION_MEDIATION);
    assertThat(variable(caseCode, "representation", "legalAidGranted")).isEqualTo(true);
    assertThat(callbacksOf(caseCode))
        .containsExactlyInAnyOrder("LEGAL_AID_DECIDED", "OBJECTION_REVIEWED", "LAWYER_ASSIGNED");
    assertThat(
            new Http(port)
                .get("/api/public/cases/" + caseCode + "?mobileLast4=" + mobileLast4(caseCode))
                .body())
        .contains("OBJECTION_REVIEWED", "县司法局责令法律援助机构改正");
  }

  /**
   * Issue 14 item 4: a medical case registered at the door pauses its 30 working days while an
   * appraisal runs; the parties see the pause, and the mediation ends on the shifted day.
   */
  @Test
  void aMedicalCasePausesForAnAppraisalAndEndsOnTheShiftedDay() {
    Map<String, Object> variables = ChainTest.villageNeighbourDispute();
    variables.put("disputeType", "MEDICAL");
    variables.put("injury", true);
    variables.put("summary", "手术后遗症赔偿纠纷");
    String caseCode = register(variables);
    String medical = "mediator:committee:MEDICAL";
    complete(caseCode, "Task_RecordConsent", medical, Map.of("partiesConsent", "YES"));
    complete(
        caseCode,
        "Task_Mediate",
        medical,
        Map.of("mediationResult", "APPRAISAL", "sessionNote", "委托医疗损害鉴定"));

    moveClockTo(OffsetDateTime.parse("2026-04-20T09:00:00+08:00"));
    assertThat(openTasks(caseCode))
        .as("30 working days from 2 March have passed; the appraisal does not count")
        .contains("Task_AwaitAppraisal");
    complete(
        caseCode,
        "Task_AwaitAppraisal",
        medical,
        Map.of("appraisalConcludedOn", "2026-04-17", "appraisalNote", "鉴定意见书已送达"));
    Date shifted = task(caseCode, "Task_Mediate").getDueDate();
    assertThat(shifted)
        .isAfter(Date.from(OffsetDateTime.parse("2026-04-20T09:00:00+08:00").toInstant()));
    assertThat(
            new Http(port)
                .get("/api/public/cases/" + caseCode + "?mobileLast4=" + mobileLast4(caseCode))
                .body())
        .contains("CLOCK_PAUSED", "CLOCK_RESUMED", "调解期限顺延至");

    moveClockTo(shifted.toInstant().atOffset(java.time.ZoneOffset.ofHours(8)).minusHours(2));
    assertThat(openTasks(caseCode)).contains("Task_Mediate");
    moveClockTo(shifted.toInstant().atOffset(java.time.ZoneOffset.ofHours(8)).plusMinutes(1));
    assertThat(openTasks(caseCode)).doesNotContain("Task_Mediate");
    assertThat(variable(caseCode, "mediation", "mediationOutcome")).isEqualTo("EXPIRED");
  }

  @Test
  void aRefusalKeptByTheJusticeBureauEndsWithoutLegalAid() {
    String caseCode = goingToCourtWithLegalAid(false);
    complete(
        caseCode,
        "Task_DecideLegalAid",
        SIMULATORS,
        Map.of("legalAidDecision", "REFUSED", "refusalReasons", "不属于援助事项"));
    complete(
        caseCode,
        "Task_WriteRefusalDecision",
        LEGAL_AID_OFFICERS,
        Map.of("legalAidRefusalReasons", "不属于援助事项"));
    complete(
        caseCode,
        "Task_RecordObjection",
        LEGAL_AID_OFFICERS,
        Map.of("objects", true, "objectionNote", ""));
    complete(caseCode, "Task_DecideObjection", SIMULATORS, Map.of("objectionReview", "KEEP"));

    assertThat(variable(caseCode, "representation", "legalAidGranted")).isEqualTo(false);
    assertThat(journal.progress(caseCode).stage()).isEqualTo(CaseStage.LITIGATION_MEDIATION);
  }

  @Test
  void urgentAidGetsALawyerFirstAndTheReviewAfter() {
    String caseCode = goingToCourtWithLegalAid(true);
    complete(caseCode, "Task_AssignUrgentLawyer", SIMULATORS, Map.of("lawFirm", "四川宕渠律师事务所"));
    complete(caseCode, "Task_ReviewLegalAid", SIMULATORS, Map.of("legalAidDecision", "GRANTED"));

    assertThat(variable(caseCode, "representation", "legalAidGranted")).isEqualTo(true);
    assertThat(callbacksOf(caseCode))
        .containsExactlyInAnyOrder("LAWYER_ASSIGNED", "LEGAL_AID_DECIDED");
  }

  @Test
  void aCaseTheCourtHadFiledIsJudgedAfterFailedPostFilingMediation() {
    String caseCode = "511725-2026-" + (++caseNumber);
    Map<String, Object> variables =
        new HashMap<>(
            Map.of(
                "channel",
                "COURT",
                "handlingLevel",
                "COUNTY",
                "townCode",
                "511725104",
                "riskGrade",
                "BLUE",
                "disputeType",
                "DEBT",
                "acceptedElsewhere",
                "COURT",
                "entrustedByCourt",
                true));
    variables.put("villageCode", null);
    runtimeService.startProcessInstanceByKey("litigation-mediation", caseCode, variables);
    runJobs();
    complete(
        caseCode,
        "Task_ReceiveEntrustment",
        COURT_LIAISONS,
        Map.of("courtCaseNumber", "(2026)川1725民初601号", "courtProcedure", "ORDINARY"));
    complete(
        caseCode,
        "Task_PostFilingMediation",
        COUNTY_MEDIATORS,
        Map.of("entrustedResult", "FAILED", "mediationNote", "调解不成"));
    complete(caseCode, "Task_DeliverJudgment", SIMULATORS, served("RULING", "1", "OTHER"));
    assertThat(journal.events(caseCode))
        .as("a ruling that cannot be appealed: effective, the trial goes on at both sides")
        .anySatisfy(event -> assertThat(event.kind()).isEqualTo("TRIAL_CONTINUES"));
    complete(caseCode, "Task_DeliverJudgment", SIMULATORS, served("JUDGMENT", "1", null));
    complete(caseCode, "Task_RecordSecondInstance", SIMULATORS, Map.of("secondInstance", "NO"));
    complete(caseCode, "Task_RecordAppeal", COURT_LIAISONS, Map.of("appealed", false));
    moveClockTo(OffsetDateTime.parse("2026-03-18T08:00:00+08:00"));
    complete(
        caseCode,
        "Task_CheckJudgmentPerformance",
        COURT_LIAISONS,
        Map.of("judgmentPerformed", true));

    assertThat(variable(caseCode, "litigation-mediation", "litigationOutcome"))
        .isEqualTo("JUDGED_PERFORMED");
    assertThat(passed(caseCode, "simulated-court-litigation"))
        .contains("Gateway_AlreadyFiled")
        .doesNotContain("Task_FileCase");
  }

  /** A case refused pre-filing mediation, waiting for the simulated court to file it. */
  private String refusedBeforeFiling() {
    String caseCode = "511725-2026-" + (++caseNumber);
    Map<String, Object> variables =
        new HashMap<>(
            Map.of(
                "channel",
                "COURT",
                "handlingLevel",
                "COUNTY",
                "townCode",
                "511725104",
                "riskGrade",
                "BLUE",
                "disputeType",
                "DEBT",
                "acceptedElsewhere",
                "NONE"));
    variables.put("villageCode", null);
    runtimeService.startProcessInstanceByKey("litigation-mediation", caseCode, variables);
    runJobs();
    complete(
        caseCode,
        "Task_PreFilingMediation",
        COUNTY_MEDIATORS,
        Map.of("entrustedResult", "REFUSED", "mediationNote", "被告拒绝调解"));
    return caseCode;
  }

  /**
   * Issue 13: the simulated court does not ask 是否上诉 after a small-claims judgment (final at first
   * instance, art 165) nor after a 调解书 (effective on signature, art 100), and its form offers an
   * extension of the trial period with its article and approving authority.
   */
  @Test
  void theSimulatedCourtAsksNoAppealOfASmallClaimOrAMediationStatementAndExtendsTheTrialPeriod() {
    String smallClaim = refusedBeforeFiling();
    complete(
        smallClaim,
        "Task_FileCase",
        SIMULATORS,
        Map.of("courtCaseNumber", "(2026)川1725民初501号", "courtProcedure", "SMALL_CLAIMS"));
    complete(
        smallClaim,
        "Task_DeliverJudgment",
        SIMULATORS,
        Map.of(
            "courtAction",
            "EXTEND_TRIAL_PERIOD",
            "extensionArticle",
            "169",
            "extensionApprovedBy",
            "COURT_PRESIDENT",
            "extensionNewEnd",
            "2026-06-02"));
    assertThat(journal.events(smallClaim))
        .anySatisfy(
            event -> assertThat(event.detail()).isEqualTo("审理期限延长至 2026-06-02（民事诉讼法第169条，本院院长批准）"));
    Map<String, Object> judgment = served("JUDGMENT", "1", null);
    judgment.put("courtAction", "DELIVER");
    complete(smallClaim, "Task_DeliverJudgment", SIMULATORS, judgment);

    assertThat(openTasks(smallClaim))
        .as("small claims: final at first instance on both sides, no 是否上诉")
        .containsExactly("Task_CheckJudgmentPerformance");
    assertThat(passed(smallClaim, "simulated-court-litigation"))
        .contains("ServiceTask_SendTrialPeriodExtended", "EndEvent_FinalDecision")
        .doesNotContain("Task_RecordSecondInstance");

    String settled = refusedBeforeFiling();
    complete(
        settled,
        "Task_FileCase",
        SIMULATORS,
        Map.of("courtCaseNumber", "(2026)川1725民初502号", "courtProcedure", "ORDINARY"));
    complete(settled, "Task_DeliverJudgment", SIMULATORS, served("MEDIATION_STATEMENT", "1", null));
    assertThat(openTasks(settled)).containsExactly("Task_CheckJudgmentPerformance");
    assertThat(passed(settled, "simulated-court-litigation"))
        .contains("EndEvent_FinalDecision")
        .doesNotContain("Task_RecordSecondInstance");
    assertThat(callbacksOf(settled)).containsExactlyInAnyOrder("CASE_FILED", "JUDGMENT_DELIVERED");
  }

  /**
   * Issue 14 item 6: a petition forwarded by the 信访局 is accepted in writing (SMS through the
   * gateway, the parties' page), the parties refuse mediation and the petition is still handled,
   * the handling period is extended with an approval, and the opinion is reviewed (复查) and
   * re-examined (复核) on the petitioner's requests, all recorded by the petition liaison.
   */
  @Test
  void aPetitionIsAcceptedHandledAndReviewed() {
    String petitionLiaisons = "liaison:department:PETITION";
    IntakeRequest petition = PetitionPathsTest.petition();
    String caseCode = intake.register(petition, null, "gateway").caseCode();
    runJobs();
    complete(
        caseCode, "Task_IssueAcceptanceNotice", petitionLiaisons, Map.of("acceptanceNote", "已受理"));
    String mobile = petition.parties().get(0).mobile();
    HttpResponse<String> page =
        new Http(port)
            .get(
                "/api/public/cases/"
                    + caseCode
                    + "?mobileLast4="
                    + mobile.substring(mobile.length() - 4));
    assertThat(page.body()).contains("信访办理");

    complete(caseCode, "Task_RecordConsent", petitionLiaisons, Map.of("partiesConsent", "NO"));
    complete(
        caseCode,
        "Task_IssueHandlingOpinion",
        petitionLiaisons,
        Map.of(
            "handlingAction",
            "EXTEND",
            "extensionApprovedBy",
            "县信访局局长",
            "extensionApprovedOn",
            "2026-03-03",
            "handlingOpinion",
            "需现场勘验"));
    complete(
        caseCode,
        "Task_IssueHandlingOpinion",
        petitionLiaisons,
        Map.of("handlingAction", "OPINION", "handlingOpinion", "维持现状"));
    complete(
        caseCode, "Task_RecordReviewRequest", petitionLiaisons, Map.of("reviewRequestNote", "不服"));
    complete(caseCode, "Task_AnswerReview", petitionLiaisons, Map.of("reviewAnswer", "维持"));
    complete(
        caseCode,
        "Task_RecordReexaminationRequest",
        petitionLiaisons,
        Map.of("reexaminationRequestNote", "仍不服"));
    complete(
        caseCode,
        "Task_AnswerReexamination",
        petitionLiaisons,
        Map.of("reexaminationAnswer", "维持"));
    close(caseCode, "RESOLVED");

    HttpResponse<String> smsPage =
        new Http(port).as("simulator", "demo").get("/simulation/sms/?caseCode=" + caseCode);
    assertThat(smsPage.body()).contains("信访事项", "已受理", "延长至", "处理意见", "复查意见", "复核意见");
  }

  /**
   * Issue 14: a wage dispute whose mediation fails goes to the labour arbitration commission, gets
   * an award, and reaches the court only after it (劳动争议调解仲裁法 arts 5, 50).
   */
  @Test
  void aWageDisputeWhoseMediationFailsIsArbitratedAndReachesTheCourtOnlyAfterTheAward() {
    String caseCode = labourMediationFailed();
    var limitation = statuses.staffView(caseCode).limitation();
    assertThat(limitation.years()).as("labour arbitration: one year, art 27").isEqualTo(1);
    assertThat(limitation.restartedAt()).as("from the end of mediation").isNotNull();
    assertThat(limitation.expiresOn()).isEqualTo("2027-03-02");
    complete(
        caseCode, "Task_InformRoutes", LABOUR_MEDIATORS, Map.of("nextRoute", "LABOUR_ARBITRATION"));
    assertThat(journal.progress(caseCode).stage()).isEqualTo(CaseStage.ARBITRATION);
    complete(
        caseCode, "Task_DecideAcceptance", SIMULATORS, Map.of("arbitrationAcceptance", "ACCEPTED"));
    complete(caseCode, "Task_DecideAward", SIMULATORS, Map.of("awardStep", "NON_FINAL"));
    assertThat(outbound.forCase(caseCode))
        .extracting(OutboundRequests.Request::step)
        .as("nothing went to the court before the award")
        .noneMatch(
            step -> step.startsWith("FILING_REQUEST") || step.startsWith("ENTRUSTED_MEDIATION_"));
    complete(
        caseCode, "Task_RecordAwardResponse", LABOUR_MEDIATORS, Map.of("awardResponse", "SUE"));
    complete(
        caseCode,
        "Task_PrepareLegalAidApplication",
        LEGAL_AID_OFFICERS,
        Map.of(
            "applicantCategory",
            "NONE",
            "aidMatter",
            "LABOUR_REMUNERATION",
            "monthlyIncomePerCapita",
            5000,
            "papersComplete",
            true,
            "urgent",
            false));
    // Not eligible for legal aid: the refusal is written with its reasons, no objection; the
    // worker sues on their own.
    complete(
        caseCode,
        "Task_WriteRefusalDecision",
        LEGAL_AID_OFFICERS,
        Map.of("legalAidRefusalReasons", "家庭人均月收入5000元，高于本省经济困难标准"));
    complete(caseCode, "Task_RecordObjection", LEGAL_AID_OFFICERS, Map.of("objects", false));

    assertThat(journal.progress(caseCode).stage()).isEqualTo(CaseStage.LITIGATION_MEDIATION);
    assertThat(journal.events(caseCode))
        .filteredOn(event -> "STAGE".equals(event.kind()))
        .extracting(CaseJournal.Event::stage)
        .as("the court only after the award")
        .containsSubsequence("MEDIATION", "ARBITRATION", "REPRESENTATION", "LITIGATION_MEDIATION");
    assertThat(openTasks(caseCode)).contains("Task_PreFilingMediation");
    assertThat(callbacksOf(caseCode))
        .containsExactlyInAnyOrder("ARBITRATION_ACCEPTANCE", "ARBITRATION_AWARDED");
    assertThat(variable(caseCode, "labour-arbitration", "arbitrationOutcome"))
        .isEqualTo("SUED_AFTER_AWARD");
  }

  /** The commission extends its period once and makes a final award; it stands after 30 days. */
  @Test
  void anExtendedFinalAwardStandsAfterTheEmployersThirtyDaysAndTheCaseCloses() {
    String caseCode = labourMediationFailed();
    complete(
        caseCode, "Task_InformRoutes", LABOUR_MEDIATORS, Map.of("nextRoute", "LABOUR_ARBITRATION"));
    complete(
        caseCode, "Task_DecideAcceptance", SIMULATORS, Map.of("arbitrationAcceptance", "ACCEPTED"));
    complete(caseCode, "Task_DecideAward", SIMULATORS, Map.of("awardStep", "EXTEND"));
    complete(caseCode, "Task_DecideExtendedAward", SIMULATORS, Map.of("awardStep", "FINAL"));
    complete(
        caseCode, "Task_RecordAwardResponse", LABOUR_MEDIATORS, Map.of("awardResponse", "ACCEPT"));
    moveClockTo(ChainTest.MONDAY_MORNING.plusDays(32));

    close(caseCode, "REFERRED");
    assertThat(callbacksOf(caseCode))
        .containsExactlyInAnyOrder(
            "ARBITRATION_ACCEPTANCE", "ARBITRATION_EXTENDED", "ARBITRATION_AWARDED");
    assertThat(passed(caseCode, "labour-arbitration"))
        .contains("ReceiveTask_AwaitExtendedAward", "TimerEvent_SetAsideWindowOver");
  }

  /** Not accepted (art 29): the worker may sue at once. */
  @Test
  void anApplicationTheCommissionDoesNotAcceptGoesToCourt() {
    String caseCode = labourMediationFailed();
    complete(
        caseCode, "Task_InformRoutes", LABOUR_MEDIATORS, Map.of("nextRoute", "LABOUR_ARBITRATION"));
    complete(
        caseCode,
        "Task_DecideAcceptance",
        SIMULATORS,
        Map.of("arbitrationAcceptance", "NOT_ACCEPTED"));

    assertThat(variable(caseCode, "labour-arbitration", "arbitrationOutcome"))
        .isEqualTo("NOT_ACCEPTED");
    assertThat(openTasks(caseCode)).contains("Task_PrepareLegalAidApplication");
  }

  /** A wage claim at 土溪村, mediated by the labour committee, without agreement. */
  private String labourMediationFailed() {
    Map<String, Object> variables = ChainTest.villageNeighbourDispute();
    variables.put("townCode", "511725103");
    variables.put("villageCode", "511725103001");
    variables.put("disputeType", "LABOUR");
    variables.put("summary", "工人被拖欠三个月工资");
    String caseCode = register(variables);
    complete(caseCode, "Task_RecordConsent", LABOUR_MEDIATORS, Map.of("partiesConsent", "YES"));
    complete(
        caseCode,
        "Task_Mediate",
        LABOUR_MEDIATORS,
        Map.of("mediationResult", "TERMINATED", "sessionNote", "用人单位拒不支付"));
    return caseCode;
  }

  // --- helpers: the same moves a person makes in Tasklist ---

  /** The simulated court's judgment form: type, instance (审级) and ruling type (or none). */
  private static Map<String, Object> served(String type, String instance, String rulingType) {
    Map<String, Object> form = new HashMap<>();
    form.put("judgmentType", type);
    form.put("judgmentInstance", instance);
    form.put("rulingType", rulingType);
    return form;
  }

  private List<String> openTasks(String caseCode) {
    return taskService.createTaskQuery().processInstanceBusinessKey(caseCode).list().stream()
        .map(task -> task.getTaskDefinitionKey())
        .toList();
  }

  private String goingToCourtWithLegalAid(boolean urgent) {
    Map<String, Object> variables = ChainTest.villageNeighbourDispute();
    variables.put("consentToMediation", false);
    String caseCode = register(variables);
    complete(caseCode, "Task_InformRoutes", VILLAGE_MEDIATORS, Map.of("nextRoute", "LITIGATION"));
    complete(
        caseCode,
        "Task_PrepareLegalAidApplication",
        LEGAL_AID_OFFICERS,
        Map.of(
            "applicantCategory",
            "MIGRANT_WORKER_WAGES_OR_INJURY",
            "aidMatter",
            "LABOUR_REMUNERATION",
            "monthlyIncomePerCapita",
            800,
            "papersComplete",
            true,
            "urgent",
            urgent));
    return caseCode;
  }

  /** Through the one door, as a window officer registers a case. */
  private String register(Map<String, Object> variables) {
    String caseCode =
        intake.register(ChainTest.intakeRequest(variables), null, "intake").caseCode();
    runJobs();
    return caseCode;
  }

  private void close(String caseCode, String reason) {
    complete(
        caseCode,
        "Task_RecordClosure",
        null,
        Map.of("closureReason", reason, "satisfaction", "5", "closureSummary", "办结"));
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(caseCode)
                .count())
        .as("every process of the case, simulated ones included, has ended")
        .isZero();
    assertThat(journal.progress(caseCode).stage()).isEqualTo(CaseStage.CLOSED);
    assertThat(outbound.forCase(caseCode))
        .extracting(OutboundRequests.Request::step)
        .contains(
            "REPORT_REGISTRATION", "SMS_CASE_REGISTERED", "REPORT_CLOSURE", "SMS_CASE_CLOSED");
  }

  /**
   * Runs every job due now: our calls to the simulated systems and their callbacks to us, both over
   * HTTP.
   */
  private void runJobs() {
    for (int round = 0; round < 50; round++) {
      List<Job> due = managementService.createJobQuery().executable().list();
      if (due.isEmpty()) {
        stageReports.deliverDue();
        return;
      }
      due.forEach(job -> managementService.executeJob(job.getId()));
    }
    throw new AssertionError("jobs keep coming");
  }

  private void moveClockTo(OffsetDateTime time) {
    ClockUtil.setCurrentTime(Date.from(time.toInstant()));
    runJobs();
  }

  private void complete(
      String caseCode, String taskKey, String expectedGroup, Map<String, Object> values) {
    List<Task> tasks =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(caseCode)
            .taskDefinitionKey(taskKey)
            .list();
    assertThat(tasks)
        .as(
            "open task %s of case %s; open are %s",
            taskKey,
            caseCode,
            taskService.createTaskQuery().processInstanceBusinessKey(caseCode).list().stream()
                .map(Task::getTaskDefinitionKey)
                .toList())
        .hasSize(1);
    Task task = tasks.get(0);
    if (expectedGroup != null) {
      assertThat(taskService.getIdentityLinksForTask(task.getId()))
          .extracting(IdentityLink::getGroupId)
          .as("candidate groups of " + taskKey)
          .contains(expectedGroup);
    }
    assertThat(task.getDueDate()).as("due date of " + taskKey).isNotNull();
    taskService.complete(task.getId(), values);
    runJobs();
  }

  private List<String> passed(String caseCode, String processKey) {
    return historyService
        .createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseCode)
        .processDefinitionKey(processKey)
        .list()
        .stream()
        .flatMap(
            instance ->
                historyService
                    .createHistoricActivityInstanceQuery()
                    .processInstanceId(instance.getId())
                    .list()
                    .stream())
        .map(activity -> activity.getActivityId())
        .toList();
  }

  private Object variable(String caseCode, String processKey, String name) {
    return historyService
        .createHistoricVariableInstanceQuery()
        .variableName(name)
        .processInstanceIdIn(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(caseCode)
                .processDefinitionKey(processKey)
                .list()
                .stream()
                .map(i -> i.getId())
                .toArray(String[]::new))
        .list()
        .stream()
        .map(v -> v.getValue())
        .reduce((first, second) -> second)
        .orElse(null);
  }

  /**
   * What the simulated systems answered, over HTTP through our callback endpoints (the engine clock
   * stands still).
   */
  private List<String> callbacksOf(String caseCode) {
    return jdbc.queryForList(
        "select kind from bridge_callback where case_code = ? order by received_at, kind",
        String.class,
        caseCode);
  }

  private Task task(String caseCode, String taskKey) {
    return taskService
        .createTaskQuery()
        .processInstanceBusinessKey(caseCode)
        .taskDefinitionKey(taskKey)
        .singleResult();
  }

  private String mobileLast4(String caseCode) {
    String mobile =
        jdbc.queryForList(
                "select mobile from case_party where case_code = ? and mobile is not null",
                String.class,
                caseCode)
            .get(0);
    return mobile.substring(mobile.length() - 4);
  }

  private List<String> simulatedRequests(String caseCode) {
    return jdbc.queryForList(
        "select system_name || ' ' || path from simulated_request where case_code = ? order by id",
        String.class,
        caseCode);
  }
}
