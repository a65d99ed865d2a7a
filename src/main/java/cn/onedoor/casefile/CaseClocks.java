package cn.onedoor.casefile;

import cn.onedoor.deadline.ProvisionalDeadlines;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every task a person works against is a clock in our registry: opened when the task is created,
 * its due date and assignee kept in step, closed when the task completes or is cancelled.
 * Supervision counts open, due-soon and overdue clocks with one indexed query instead of scanning
 * the engine. Fed by the engine's Spring event bridge inside the engine's transaction, so a clock
 * and its task never disagree.
 */
@Component
class CaseClocks {

  static final String WORK = "WORK";
  static final String ESCALATION = "ESCALATION";

  /**
   * Tasks of these processes press others to act (催办, 督办令): supervision counts them apart from the
   * work.
   */
  private static final Set<String> ESCALATION_PROCESSES =
      Set.of("escalation-rung", "supervision-order");

  private final JdbcTemplate jdbc;
  private final CaseJournal journal;
  private final ProvisionalDeadlines provisional;
  private final Clock clock;

  CaseClocks(
      JdbcTemplate jdbc, CaseJournal journal, ProvisionalDeadlines provisional, Clock clock) {
    this.jdbc = jdbc;
    this.journal = journal;
    this.provisional = provisional;
    this.clock = clock;
  }

  @EventListener
  public void onTaskEvent(DelegateTask task) {
    String caseCode =
        task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    if (caseCode == null) {
      return;
    }
    switch (task.getEventName()) {
      case TaskListener.EVENTNAME_CREATE -> opened(caseCode, task);
      case TaskListener.EVENTNAME_UPDATE, TaskListener.EVENTNAME_ASSIGNMENT ->
          jdbc.update(
              "update case_clock set due_at = ?, assignee = ? where task_id = ?",
              timestamp(task.getDueDate()),
              task.getAssignee(),
              task.getId());
      case TaskListener.EVENTNAME_COMPLETE -> {
        closed(task, "COMPLETED");
        String group = candidateGroup(task);
        if (group != null) {
          journal.takenUp(
              caseCode, group.substring(group.lastIndexOf(':') + 1), task.getAssignee());
        }
      }
      case TaskListener.EVENTNAME_DELETE -> closed(task, "CANCELLED");
      default -> {}
    }
  }

  private void opened(String caseCode, DelegateTask task) {
    // A due date counted on a year whose holiday notice is not out yet says so where the mediator
    // reads the task.
    provisional
        .yearOf(caseCode, task.getDueDate())
        .ifPresent(
            year ->
                task.setDescription(ProvisionalDeadlines.describe(year, task.getDescription())));
    String processKey =
        task.getProcessDefinitionId() == null ? "" : task.getProcessDefinitionId().split(":")[0];
    String group = candidateGroup(task);
    jdbc.update(
        """
        insert into case_clock (task_id, case_code, process_instance_id, process_key, activity_id, name, clock_kind,
          candidate_group, assignee, started_at, due_at, town_code, village_code, channel, dispute_type)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (select town_code from case_progress where case_code = ?),
          (select village_code from case_progress where case_code = ?),
          (select channel from case_progress where case_code = ?),
          (select dispute_type from case_progress where case_code = ?))""",
        task.getId(),
        caseCode,
        task.getProcessInstanceId(),
        processKey,
        task.getTaskDefinitionKey(),
        truncate(task.getName(), 128),
        ESCALATION_PROCESSES.contains(processKey) ? ESCALATION : WORK,
        group,
        task.getAssignee(),
        Timestamp.from(clock.instant()),
        timestamp(task.getDueDate()),
        caseCode,
        caseCode,
        caseCode,
        caseCode);
  }

  private static String candidateGroup(DelegateTask task) {
    return task.getCandidates().stream()
        .filter(
            link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(link -> link.getGroupId())
        .findFirst()
        .orElse(null);
  }

  private void closed(DelegateTask task, String reason) {
    jdbc.update(
        "update case_clock set ended_at = ?, end_reason = ?, assignee = ? where task_id = ? and ended_at is null",
        Timestamp.from(clock.instant()),
        reason,
        task.getAssignee(),
        task.getId());
  }

  private static Timestamp timestamp(Date date) {
    return date == null ? null : new Timestamp(date.getTime());
  }

  private static String truncate(String text, int max) {
    return text == null ? "" : text.length() <= max ? text : text.substring(0, max);
  }
}
