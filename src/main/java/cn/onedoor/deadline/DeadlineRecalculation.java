package cn.onedoor.deadline;

import cn.onedoor.casefile.CaseJournal;
import cn.onedoor.identity.SystemUser;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes the provisional due dates once their year's notice is published: the task's due date
 * (and with it the clock row, kept in step by the task's update event), its overdue timer, the next
 * rungs of an escalation ladder already climbing on it, and the party's next deadline, with a line
 * in the case's journal for each day that moved.
 *
 * <p>One case per transaction: a crash halfway leaves every case either done (its rows gone, its
 * clocks on the new day) or untouched (rows still there, clocks on the old day), and running again
 * finishes the rest. Recomputing starts from what the period was counted from, never from the old
 * day, so nothing moves twice.
 */
@Service
class DeadlineRecalculation {

  private static final Logger LOG = LoggerFactory.getLogger(DeadlineRecalculation.class);
  static final String JOURNAL_KIND = "CLOCK_RECALCULATED";

  /**
   * What one run did: cases looked at, clocks moved, cases that failed (retried on the next run).
   */
  record Result(int cases, int moved, int failed) {}

  private final JdbcTemplate jdbc;
  private final TransactionTemplate perCase;
  private final DeadlineService deadlines;
  private final ProvisionalDeadlines provisional;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;
  private final CaseJournal journal;

  DeadlineRecalculation(
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      DeadlineService deadlines,
      ProvisionalDeadlines provisional,
      TaskService taskService,
      RuntimeService runtimeService,
      ManagementService managementService,
      RepositoryService repositoryService,
      IdentityService identityService,
      CaseJournal journal) {
    this.repositoryService = repositoryService;
    this.jdbc = jdbc;
    this.perCase = new TransactionTemplate(transactions);
    this.perCase.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.deadlines = deadlines;
    this.provisional = provisional;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.identityService = identityService;
    this.journal = journal;
  }

  /**
   * Recomputes every provisional due date that counted a year now published; safe to run again at
   * any time.
   */
  synchronized Result run(String actor) {
    Set<Integer> published = deadlines.calendar().publishedYears();
    List<String> cases = provisional.casesCounting(published);
    // The engine checks the acting person's grants; the recalculation acts for the calendar, on
    // every case.
    Result result = SystemUser.call(identityService, () -> recalculateAll(cases, published, actor));
    if (!cases.isEmpty()) {
      LOG.info(
          "Recalculated provisional deadlines: {} cases, {} clocks moved, {} failed",
          result.cases(),
          result.moved(),
          result.failed());
    }
    return result;
  }

  private Result recalculateAll(List<String> cases, Set<Integer> published, String actor) {
    int moved = 0;
    int failed = 0;
    for (String caseCode : cases) {
      try {
        moved +=
            Objects.requireNonNull(
                perCase.execute(status -> recalculate(caseCode, published, actor)));
      } catch (RuntimeException e) {
        failed++;
        LOG.warn(
            "Recalculating the provisional deadlines of case {} failed; it stays on the old days until the "
                + "next run",
            caseCode,
            e);
      }
    }
    return new Result(cases.size(), moved, failed);
  }

  private int recalculate(String caseCode, Set<Integer> published, String actor) {
    Instant partyNextBefore = partyNextDeadline(caseCode);
    Map<Instant, Outcome> outcomes = new LinkedHashMap<>();
    Set<Integer> years = new TreeSet<>();
    for (Row row : rows(caseCode, published)) {
      years.add(row.provisionalYear());
      Deadline deadline = deadlines.compute(row.start(), row.amount(), row.unit(), row.roll());
      Instant newDue =
          ProcessDeadlines.endOf(deadline.due().plusDays(row.overrunDays())).toInstant();
      // Two periods of one case that ended on the same instant and now end apart: the later
      // computation wins, as it
      // is the one the task or timer was set from last.
      outcomes.put(
          row.dueAt(),
          new Outcome(newDue, deadline.provisional() ? deadline.provisionalYears().first() : null));
      if (deadline.provisional()) {
        jdbc.update(
            "update provisional_deadline set due_at = ?, provisional_year = ? where id = ?",
            Timestamp.from(newDue),
            deadline.provisionalYears().first(),
            row.id());
      } else {
        jdbc.update("delete from provisional_deadline where id = ?", row.id());
      }
    }
    String reason = "节假日安排公布（" + String.join("、", years.stream().map(y -> y + "年").toList()) + "）";
    List<ProcessInstance> instances =
        runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseCode).list();
    int moved = 0;
    for (Map.Entry<Instant, Outcome> outcome : outcomes.entrySet()) {
      moved += settle(caseCode, instances, outcome.getKey(), outcome.getValue(), reason, actor);
    }
    Instant partyNextAfter = partyNextDeadline(caseCode);
    if (!Objects.equals(partyNextBefore, partyNextAfter) && partyNextAfter != null) {
      tellParties(caseCode, partyNextAfter, years);
    }
    return moved;
  }

  /**
   * Settles the tasks and timers of the case that were set to {@code from}: moved to the recomputed
   * day where it differs (journalled), and the task's provisional note dropped once the day is
   * final.
   */
  private int settle(
      String caseCode,
      List<ProcessInstance> instances,
      Instant from,
      Outcome outcome,
      String reason,
      String actor) {
    Instant to = outcome.newDue();
    Integer stillProvisional = outcome.stillProvisional();
    Date oldDue = Date.from(from);
    Date newDue = Date.from(to);
    boolean moves = !from.equals(to);
    List<String> names = new ArrayList<>();
    for (Task task :
        taskService.createTaskQuery().processInstanceBusinessKey(caseCode).dueDate(oldDue).list()) {
      if (!moves) {
        task.setDescription(
            stillProvisional == null
                ? ProvisionalDeadlines.withoutNote(task.getDescription())
                : task.getDescription());
        taskService.saveTask(task);
        continue;
      }
      task.setDueDate(newDue);
      task.setDescription(
          stillProvisional == null
              ? ProvisionalDeadlines.withoutNote(task.getDescription())
              : ProvisionalDeadlines.describe(
                  stillProvisional, ProvisionalDeadlines.withoutNote(task.getDescription())));
      taskService.saveTask(task);
      names.add(task.getName());
      shiftLadderOf(caseCode, task, Duration.between(from, to));
    }
    for (ProcessInstance instance : moves ? instances : List.<ProcessInstance>of()) {
      for (Job timer :
          managementService.createJobQuery().processInstanceId(instance.getId()).timers().list()) {
        if (oldDue.equals(timer.getDuedate())) {
          // A day already past fires at once on the next acquisition: the escalation it starts is
          // not lost.
          managementService.setJobDuedate(timer.getId(), newDue);
          names.add(timerName(timer));
        }
      }
    }
    if (names.isEmpty()) {
      return 0;
    }
    journal.record(
        caseCode,
        JOURNAL_KIND,
        null,
        String.join("、", new TreeSet<>(names))
            + " 届满日由 "
            + day(from)
            + " 改为 "
            + day(to)
            + "："
            + reason,
        actor);
    return 1;
  }

  /**
   * An escalation ladder already climbing on this task (its due day had passed before the notice
   * came): its coming rungs keep their distance from the due day, so they move with it.
   */
  private void shiftLadderOf(String caseCode, Task task, Duration shift) {
    for (ProcessInstance ladder :
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey("escalation-ladder")
            .processInstanceBusinessKey(caseCode)
            .variableValueEquals("clockProcessInstanceId", task.getProcessInstanceId())
            .variableValueEquals("clockTaskKey", task.getTaskDefinitionKey())
            .list()) {
      Object clockDue = runtimeService.getVariable(ladder.getId(), "clockDue");
      if (clockDue instanceof Date due) {
        runtimeService.setVariable(
            ladder.getId(), "clockDue", Date.from(due.toInstant().plus(shift)));
      }
      for (ProcessInstance rung :
          runtimeService
              .createProcessInstanceQuery()
              .superProcessInstanceId(ladder.getId())
              .list()) {
        for (Job timer :
            managementService.createJobQuery().processInstanceId(rung.getId()).timers().list()) {
          managementService.setJobDuedate(
              timer.getId(), Date.from(timer.getDuedate().toInstant().plus(shift)));
        }
      }
    }
  }

  /** The timer's event as the diagram names it (e.g. 调解期限届满), for the journal. */
  private String timerName(Job timer) {
    String activityId =
        managementService
            .createJobDefinitionQuery()
            .jobDefinitionId(timer.getJobDefinitionId())
            .singleResult()
            .getActivityId();
    ModelElementInstance element =
        repositoryService
            .getBpmnModelInstance(timer.getProcessDefinitionId())
            .getModelElementById(activityId);
    String name = element == null ? null : element.getAttributeValue("name");
    return name == null || name.isBlank() ? activityId : name;
  }

  /** What the party's page shows as the next deadline: the earliest open clock. */
  private Instant partyNextDeadline(String caseCode) {
    Timestamp next =
        jdbc.queryForObject(
            "select min(due_at) from case_clock where case_code = ? and ended_at is null",
            Timestamp.class,
            caseCode);
    return next == null ? null : next.toInstant();
  }

  /**
   * The party's own next deadline moved: one SMS through the gateway, from the engine so that it is
   * retried.
   */
  private void tellParties(String caseCode, Instant nextDeadline, Set<Integer> years) {
    runtimeService
        .createProcessInstanceByKey("deadline-moved-notice")
        .businessKey(caseCode)
        .setVariable("nextDeadline", Date.from(nextDeadline))
        .setVariable("noticeYears", String.join("、", years.stream().map(y -> y + "年").toList()))
        .execute();
  }

  private List<Row> rows(String caseCode, Set<Integer> published) {
    String in = String.join(",", published.stream().map(String::valueOf).toList());
    return jdbc.query(
        "select * from provisional_deadline where case_code = ? and provisional_year in ("
            + in
            + ")"
            + " order by computed_at, id",
        (rs, n) ->
            new Row(
                rs.getLong("id"),
                rs.getTimestamp("due_at").toInstant(),
                rs.getDate("start_day").toLocalDate(),
                rs.getInt("amount"),
                DeadlineUnit.valueOf(rs.getString("unit")),
                rs.getBoolean("roll"),
                rs.getInt("overrun_days"),
                rs.getInt("provisional_year")),
        caseCode);
  }

  private static String day(Instant instant) {
    return LocalDate.ofInstant(instant, DeadlineService.ZONE).toString();
  }

  /**
   * Where a provisional due day lands: the recomputed instant, and the year still provisional in
   * it, if any.
   */
  private record Outcome(Instant newDue, Integer stillProvisional) {}

  private record Row(
      long id,
      Instant dueAt,
      LocalDate start,
      int amount,
      DeadlineUnit unit,
      boolean roll,
      int overrunDays,
      int provisionalYear) {}
}
