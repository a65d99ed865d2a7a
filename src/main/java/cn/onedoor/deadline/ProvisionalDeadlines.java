package cn.onedoor.deadline;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The due dates that are provisional (暂定) because they counted a day of a year whose holiday notice
 * is not published yet: recorded when a diagram computes them, shown wherever the due date is
 * shown, recomputed when the notice is published ({@link CalendarPublication}).
 *
 * <p>A row is written in the engine's transaction, so it exists exactly when the task or timer it
 * was computed for does. It is matched again by case and due instant: the task's due date and its
 * overdue timer usually come from the same expression, and a due date handed to another process as
 * a variable ({@code answerDue}) keeps its instant.
 */
@Component
public class ProvisionalDeadlines {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  ProvisionalDeadlines(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The sentence a party or a mediator reads beside a provisional due day. */
  public static String note(Collection<Integer> years) {
    return DeadlineExplanation.provisionalNote(years);
  }

  /**
   * Records a due date computed inside a process for the case being executed, when it looked at a
   * provisional day. Outside a process (our API, a test) there is no clock to recompute later, and
   * nothing is written.
   */
  void recordIfProvisional(Deadline deadline, Date dueAt, int overrunDays) {
    if (!deadline.provisional()) {
      return;
    }
    String caseCode = currentCaseCode();
    if (caseCode == null) {
      return;
    }
    Timestamp due = new Timestamp(dueAt.getTime());
    java.sql.Date start = java.sql.Date.valueOf(deadline.start());
    // The task's due date and its boundary timer compute the same period: one row for both.
    Integer same =
        jdbc.queryForObject(
            """
        select count(*) from provisional_deadline where case_code = ? and due_at = ? and start_day = ? and amount = ?
          and unit = ? and roll = ? and overrun_days = ?""",
            Integer.class,
            caseCode,
            due,
            start,
            deadline.amount(),
            deadline.unit().name(),
            deadline.roll(),
            overrunDays);
    if (same != null && same > 0) {
      return;
    }
    jdbc.update(
        """
        insert into provisional_deadline (case_code, due_at, start_day, amount, unit, roll, overrun_days,
          provisional_year, computed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        caseCode,
        due,
        start,
        deadline.amount(),
        deadline.unit().name(),
        deadline.roll(),
        overrunDays,
        deadline.provisionalYears().first(),
        Timestamp.from(clock.instant()));
  }

  /** The earliest year without a notice that a case's due instant counted, if it is provisional. */
  public Optional<Integer> yearOf(String caseCode, Date dueAt) {
    if (caseCode == null || dueAt == null) {
      return Optional.empty();
    }
    return jdbc
        .queryForList(
            "select min(provisional_year) from provisional_deadline where case_code = ? and due_at = ?",
            Integer.class,
            caseCode,
            new Timestamp(dueAt.getTime()))
        .stream()
        .filter(Objects::nonNull)
        .findFirst();
  }

  /**
   * The task description a mediator reads in Tasklist while the due date is provisional: the note,
   * then what the model wrote there (which {@link #withoutNote} gives back once the date is final).
   */
  public static String describe(int year, String modelDescription) {
    String note = note(List.of(year));
    return modelDescription == null || modelDescription.isBlank()
        ? note
        : note + "\n" + modelDescription;
  }

  /** The task description without the provisional note. */
  static String withoutNote(String description) {
    if (description == null || !description.startsWith("暂定：")) {
      return description;
    }
    int newline = description.indexOf('\n');
    return newline < 0 ? null : description.substring(newline + 1);
  }

  /**
   * For one case: each provisional due instant with the earliest year without a notice it counted.
   */
  public Map<Instant, Integer> ofCase(String caseCode) {
    Map<Instant, Integer> years = new HashMap<>();
    jdbc.query(
        "select due_at, provisional_year from provisional_deadline where case_code = ?",
        rs -> {
          years.merge(
              rs.getTimestamp("due_at").toInstant(), rs.getInt("provisional_year"), Math::min);
        },
        caseCode);
    return years;
  }

  /**
   * Open clocks (tasks people work against) whose due date is provisional: the gauge and the health
   * warning.
   */
  public long openProvisionalClocks() {
    Long count =
        jdbc.queryForObject(
            """
        select count(*) from case_clock c where c.ended_at is null and exists (select 1 from provisional_deadline p
          where p.case_code = c.case_code and p.due_at = c.due_at)""",
            Long.class);
    return count == null ? 0 : count;
  }

  /** The cases with a provisional due date in one of these (now published) years, oldest first. */
  List<String> casesCounting(Collection<Integer> years) {
    if (years.isEmpty()) {
      return List.of();
    }
    String in = String.join(",", years.stream().map(String::valueOf).toList());
    return jdbc.queryForList(
        "select case_code from provisional_deadline where provisional_year in ("
            + in
            + ")"
            + " group by case_code order by min(computed_at), case_code",
        String.class);
  }

  /**
   * The business key of the execution evaluating the expression. The engine's public API does not
   * hand an expression bean its execution; the command context does (one call, kept here so that a
   * move to a fork renames one import).
   */
  private static String currentCaseCode() {
    BpmnExecutionContext context = Context.getBpmnExecutionContext();
    return context == null || context.getExecution() == null
        ? null
        : context.getExecution().getProcessBusinessKey();
  }
}
