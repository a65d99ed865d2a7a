package cn.onedoor.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.casefile.ProcessModels;
import cn.onedoor.chain.ChainTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every clock of the chain climbs the whole escalation ladder when nobody acts: 催办 at the due date,
 * then 升级, then a supervision order that the unit answers; each rung is a task in a supervisor
 * group and an entry on the case. Each clocked task is started on its own (startBeforeActivity)
 * with the variables the stage would have.
 */
class EveryClockEscalatesTest extends ChainTest {

  private static final OffsetDateTime TWO_YEAR_CLOCK_START =
      OffsetDateTime.parse("2024-11-04T09:00:00+08:00");
  private static final List<String> RUNG_TASKS =
      List.of(
          "Task_AcknowledgeEscalation",
          "Task_IssueSupervisionOrder",
          "Task_AnswerSupervisionOrder");

  static Stream<Arguments> clocks() {
    return Stream.of(
        Arguments.of(ProcessModels.DISPUTE_CASE, "Task_InformRoutes", "Task_InformRoutes"),
        Arguments.of("joint-handling", "Task_CaseConsultation", "Task_CaseConsultation"),
        Arguments.of(
            "joint-handling",
            "Task_DepartmentHandling#multiInstanceBody",
            "Task_DepartmentHandling"),
        Arguments.of("mediation", "Task_RecordConsent", "Task_RecordConsent"),
        Arguments.of("mediation", "Task_Mediate", "Task_Mediate"),
        // the follow-ups around an outside wait: the mediator's visit is chased, not the treatment
        // or the appraisal, which run on (docs/chain.md, Clocks of the waits)
        Arguments.of("mediation", "Task_RecordLossKnown", "Task_RecordLossKnown"),
        Arguments.of("mediation", "Task_AwaitAppraisal", "Task_AwaitAppraisal"),
        Arguments.of("agreement-follow-up", "Task_FollowUpVisit", "Task_FollowUpVisit"),
        Arguments.of("agreement-follow-up", "Task_RecordPayOrder", "Task_RecordPayOrder"),
        // Not litigation-mediation's entrusted mediation: the court's period is enforced, not
        // escalated; its end sends the case back to the court (docs/chain.md, Entrusted mediation).
        Arguments.of(
            "representation", "Task_PrepareLegalAidApplication", "Task_PrepareLegalAidApplication"),
        Arguments.of("representation", "Task_WriteRefusalDecision", "Task_WriteRefusalDecision"),
        Arguments.of("representation", "Task_RecordObjection", "Task_RecordObjection"),
        Arguments.of("enforcement", "Task_PrepareEnforcement", "Task_PrepareEnforcement"),
        Arguments.of("case-closure", "Task_RecordClosure", "Task_RecordClosure"),
        Arguments.of(
            "petition-handling", "Task_IssueAcceptanceNotice", "Task_IssueAcceptanceNotice"),
        Arguments.of("petition-handling", "Task_IssueHandlingOpinion", "Task_IssueHandlingOpinion"),
        Arguments.of("petition-handling", "Task_AnswerReview", "Task_AnswerReview"),
        Arguments.of("petition-handling", "Task_AnswerReexamination", "Task_AnswerReexamination"),
        Arguments.of("public-security-mediation", "Task_FirstSession", "Task_FirstSession"),
        Arguments.of("public-security-mediation", "Task_SecondSession", "Task_SecondSession"));
  }

  @AfterEach
  void forgetTheCase() {
    runtimeService
        .createProcessInstanceQuery()
        .rootProcessInstances()
        .list()
        .forEach(
            instance ->
                runtimeService.deleteProcessInstance(instance.getId(), "test done", true, true));
  }

  @ParameterizedTest(name = "{0} / {2}")
  @MethodSource("clocks")
  void anOverdueTaskClimbsTheWholeLadder(String processKey, String startBefore, String taskKey) {
    if ("enforcement".equals(processKey)) {
      // The two-year window must end inside the years the working-day calendar knows.
      moveClockTo(TWO_YEAR_CLOCK_START);
    }
    String caseCode = "511725-2026-" + processKey.hashCode() % 1000 + taskKey.length() + "-CLK";
    Map<String, Object> variables = villageNeighbourDispute();
    variables.putAll(
        Map.of(
            "caseCode",
            caseCode,
            "riskGrade",
            "BLUE",
            "channel",
            "PEOPLES_VILLAGE",
            "handlingLevel",
            "VILLAGE",
            "slaPeriod",
            "P30D",
            "slaUnit",
            "CALENDAR",
            "jointHandling",
            false,
            "confirmable",
            true,
            "departments",
            List.of("JUSTICE")));
    variables.put("mediationStartedAt", Date.from(MONDAY_MORNING.toInstant()));
    variables.put("mediationAttempts", 0);
    // 治安调解's sessions, due within the routing table's and the police table's periods
    variables.put("firstSessionPeriod", "P3D");
    variables.put("firstSessionUnit", "WORKING");
    variables.put("secondSessionPeriod", "P7D");
    variables.put("secondSessionUnit", "WORKING");
    if ("enforcement".equals(processKey)) {
      // art 250: from the last day of performance, or the effective day where none was fixed
      variables.put("performanceDueDate", null);
      variables.put("titleEffectiveOn", Date.from(TWO_YEAR_CLOCK_START.toInstant()));
    }
    if ("petition-handling".equals(processKey)) {
      // received, handled within 60 days, review and re-examination requested: the moments the
      // petition's clocks count from
      Date monday = Date.from(MONDAY_MORNING.toInstant());
      variables.put("petitionReceivedAt", monday);
      variables.put("handlingDue", Date.from(MONDAY_MORNING.plusDays(60).toInstant()));
      variables.put("reviewRequestedAt", monday);
      variables.put("reexaminationRequestedAt", monday);
    }
    ProcessInstance instance =
        runtimeService
            .createProcessInstanceByKey(processKey)
            .businessKey(caseCode)
            .setVariables(variables)
            .startBeforeActivity(startBefore)
            .execute();

    Task clocked = task(caseCode, taskKey);
    Date due = clocked.getDueDate();
    moveClockTo(OffsetDateTime.ofInstant(due.toInstant(), ZoneOffset.ofHours(8)).plusMinutes(1));

    Task chaseUp = task(caseCode, "Task_AcknowledgeEscalation");
    assertThat(chaseUp.getName()).startsWith("催办");
    assertThat(candidateGroups(chaseUp)).allMatch(group -> group.contains("supervisor"));
    assertThat(journal.events(caseCode)).anyMatch(event -> event.kind().equals("ESCALATION"));

    int rungsAnswered = 0;
    for (int day = 0; day < 30 && ladderRunning(caseCode); day++) {
      for (Task rung : taskService.createTaskQuery().processInstanceBusinessKey(caseCode).list()) {
        if (RUNG_TASKS.contains(rung.getTaskDefinitionKey())) {
          assertThat(candidateGroups(rung)).allMatch(group -> group.contains("supervisor"));
          taskService.complete(
              rung.getId(),
              Map.of(
                  "escalationAction",
                  "已督促承办人",
                  "supervisionOrderText",
                  "限期办结",
                  "supervisionAnswer",
                  "已办理"));
          rungsAnswered++;
        }
      }
      runJobs();
      moveClockTo(
          OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.ofHours(8))
              .plusDays(1));
    }

    assertThat(ladderRunning(caseCode)).as("the ladder ran to its end").isFalse();
    assertThat(rungsAnswered)
        .as("chase-up, escalation, order issued, order answered")
        .isGreaterThanOrEqualTo(4);
    assertThat(task(caseCode, taskKey).getId())
        .as("the overdue task still waits")
        .isEqualTo(clocked.getId());
    assertThat(
            historyService
                .createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId())
                .activityId(ProcessModels.escalationDoneOf(taskKey))
                .finished()
                .count())
        .isEqualTo(1);
  }

  private boolean ladderRunning(String caseCode) {
    return runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey("escalation-ladder")
            .processInstanceBusinessKey(caseCode)
            .count()
        > 0;
  }
}
