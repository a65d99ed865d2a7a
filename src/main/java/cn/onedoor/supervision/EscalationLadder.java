package cn.onedoor.supervision;

import cn.onedoor.casefile.CaseJournal;
import cn.onedoor.deadline.ProcessDeadlines;
import cn.onedoor.organisation.UnitGroups;
import java.time.Duration;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The escalation ladder's helpers for escalation-ladder.bpmn and escalation-rung.bpmn: which rungs
 * of escalation-policy.dmn lie at or after the due date (earlier ones, the reminders, show as the
 * task's follow-up date), when each fires, who gets it, and whether the clock it watches is still
 * open.
 */
@Component("escalationLadder")
public class EscalationLadder {

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final ProcessDeadlines deadlines;
  private final UnitGroups unitGroups;
  private final CaseJournal journal;
  private final EscalationSettings settings;
  private final Escalations escalations;
  private final IdentityService identityService;

  EscalationLadder(
      TaskService taskService,
      RuntimeService runtimeService,
      ProcessDeadlines deadlines,
      UnitGroups unitGroups,
      CaseJournal journal,
      EscalationSettings settings,
      Escalations escalations,
      IdentityService identityService) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.deadlines = deadlines;
    this.unitGroups = unitGroups;
    this.journal = journal;
    this.settings = settings;
    this.escalations = escalations;
    this.identityService = identityService;
  }

  public List<Map<String, Object>> rungsFromDue(List<Map<String, Object>> rungs) {
    return rungs.stream()
        .filter(rung -> !offset(rung).isNegative())
        .sorted(Comparator.comparing(EscalationLadder::offset))
        .toList();
  }

  /**
   * A task entered again on the same clock (another session at the same level) re-arms its overdue
   * timer; the ladder already climbing for that clock goes on, and a second one would chase the
   * supervisor twice.
   */
  public boolean alreadyClimbing(DelegateExecution execution) {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey("escalation-ladder")
        .processInstanceBusinessKey(execution.getProcessBusinessKey())
        .variableValueEquals(
            "clockProcessInstanceId", execution.getVariable("clockProcessInstanceId"))
        .variableValueEquals("clockTaskKey", execution.getVariable("clockTaskKey"))
        .list()
        .stream()
        .anyMatch(other -> !other.getId().equals(execution.getProcessInstanceId()));
  }

  public Date rungTime(Date due, Map<String, Object> rung) {
    return Date.from(due.toInstant().plus(offset(rung)));
  }

  /**
   * The clock is open while the task it belongs to waits in the process that started the ladder.
   */
  public boolean isOpen(String processInstanceId, String taskKey) {
    return taskService
            .createTaskQuery()
            .processInstanceId(processInstanceId)
            .taskDefinitionKey(taskKey)
            .count()
        > 0;
  }

  public String title(Map<String, Object> rung, String clockName) {
    return EscalationRung.titleOf((String) rung.get("rung"), "督办") + "：" + clockName + "已到期";
  }

  public String groupFor(Map<String, Object> rung, String handlingLevel, String townCode) {
    return switch ((String) rung.get("target")) {
      case "UNIT_SUPERVISOR" -> unitGroups.supervisorOf(handlingLevel, townCode);
      case "COUNTY_LEADER" -> unitGroups.countyLeaders();
      default -> unitGroups.countySupervisors();
    };
  }

  /** A supervision order is answered by the supervisor of the unit that holds the case. */
  public String answeringGroup(String handlingLevel, String townCode) {
    return unitGroups.supervisorOf(handlingLevel, townCode);
  }

  public Date answerDue(Map<String, Object> rung) {
    Object answerWithin = rung.get("answerWithin");
    String period =
        answerWithin == null || answerWithin.toString().isBlank()
            ? settings.defaultAnswerWithin().toString()
            : answerWithin.toString();
    return deadlines.period(deadlines.now(), period, "WORKING");
  }

  public Date acknowledgeDue() {
    return deadlines.period(deadlines.now(), settings.acknowledgeWithin().toString(), "WORKING");
  }

  /**
   * An order left unanswered past its deadline goes up to the county leaders (挂牌督办 is theirs
   * already).
   */
  public String overdueOrderGroup() {
    return unitGroups.countyLeaders();
  }

  /**
   * The rung reached: a row in case_escalation carried by this escalation-rung instance (its id in
   * {@code escalationId}, for the answer and for a supervision order issued on this rung) and a
   * line in the journal.
   */
  public void record(DelegateExecution execution, Map<String, Object> rung) {
    String clockName = (String) execution.getVariable("clockName");
    String group =
        groupFor(
            rung,
            (String) execution.getVariable("handlingLevel"),
            (String) execution.getVariable("townCode"));
    long id =
        escalations.raise(
            execution.getProcessBusinessKey(),
            execution.getProcessInstanceId(),
            (String) rung.get("rung"),
            clockName,
            group,
            acknowledgeDue(),
            Escalations.LADDER);
    execution.setVariable("escalationId", id);
    journal.record(
        execution.getProcessBusinessKey(),
        "ESCALATION",
        null,
        title(rung, clockName) + " → " + group,
        null);
  }

  /** A chase-up or escalation acted upon: the supervisor's note answers the rung. */
  public void acknowledged(DelegateTask task) {
    Object id = task.getVariable("escalationId");
    if (id != null) {
      escalations.answered(
          ((Number) id).longValue(), (String) task.getVariable("escalationAction"), actor(task));
    }
  }

  /** Whoever completed the task: its assignee, else the person the engine acts for. */
  String actor(DelegateTask task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    var authentication = identityService.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  private static Duration offset(Map<String, Object> rung) {
    return Duration.parse((String) rung.get("offset"));
  }
}
