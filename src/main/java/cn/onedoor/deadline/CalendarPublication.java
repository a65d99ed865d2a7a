package cn.onedoor.deadline;

import cn.onedoor.deadline.CalendarLoader.InvalidCalendarException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Publishing a year's holiday notice without a restart: checked like a calendar file, stored so
 * that it survives restarts and reaches every node, counted with at once, and every provisional due
 * date of that year recomputed ({@link DeadlineRecalculation}). Publishing the same notice again
 * changes nothing.
 */
@Service
public class CalendarPublication {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarPublication.class);

  /**
   * What a publication did: whether the notice differed from what was counted with, and what moved.
   */
  public record Published(int year, boolean changed, int cases, int clocksMoved, int casesFailed) {}

  private final JdbcTemplate jdbc;
  private final WorkingDayCalendar calendar;
  private final DeadlineRecalculation recalculation;
  private final Clock clock;

  CalendarPublication(
      JdbcTemplate jdbc,
      WorkingDayCalendar calendar,
      DeadlineRecalculation recalculation,
      Clock clock) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.recalculation = recalculation;
    this.clock = clock;
  }

  /**
   * Publishes one year's notice, given as the JSON of a calendar file.
   *
   * @throws InvalidCalendarException naming each field or date at fault; nothing is stored then
   */
  public Published publish(int year, byte[] json, String actor) {
    CalendarYear notice = CalendarLoader.parse(json, year, "PUT /api/calendar/" + year);
    boolean changed = calendar.notice(year).map(current -> !sameDays(current, notice)).orElse(true);
    if (changed) {
      store(year, new String(json, StandardCharsets.UTF_8), actor);
      calendar.publish(notice);
      LOG.info("Holiday notice for {} published by {}: {}", year, actor, notice.notice());
    }
    // Also when unchanged: a recalculation that a crash cut short is finished by publishing again.
    DeadlineRecalculation.Result result = recalculation.run(actor);
    return new Published(year, changed, result.cases(), result.moved(), result.failed());
  }

  /**
   * Every node reads the notices another node published, and finishes any recalculation left over
   * (a crash, a case that was busy). Cheap when nothing changed: one small query.
   */
  @Scheduled(
      fixedDelayString = "${onedoor.deadline.refresh-interval:PT1M}",
      initialDelayString = "${onedoor.deadline.refresh-interval:PT1M}")
  void refresh() {
    for (CalendarYear notice : storedNotices()) {
      if (calendar.notice(notice.year()).map(current -> !sameDays(current, notice)).orElse(true)) {
        calendar.publish(notice);
        LOG.info(
            "Holiday notice for {} published on another node: now counted here too", notice.year());
      }
    }
    recalculation.run(null);
  }

  /** A recalculation cut short by a crash is finished at the next start. */
  @EventListener(ApplicationReadyEvent.class)
  void resumeAtStart() {
    recalculation.run(null);
  }

  /**
   * The notices published through the API, read after the calendar files at start (they win for
   * their year).
   */
  static List<CalendarYear> storedNotices(JdbcTemplate jdbc) {
    return jdbc.query(
        "select calendar_year, body from calendar_notice order by calendar_year",
        (rs, n) ->
            CalendarLoader.parse(
                rs.getString("body").getBytes(StandardCharsets.UTF_8),
                rs.getInt("calendar_year"),
                "calendar_notice " + rs.getInt("calendar_year")));
  }

  private List<CalendarYear> storedNotices() {
    return storedNotices(jdbc);
  }

  private void store(int year, String body, String actor) {
    Timestamp now = Timestamp.from(clock.instant());
    int updated =
        jdbc.update(
            "update calendar_notice set body = ?, published_at = ?, published_by = ? "
                + "where calendar_year = ?",
            body,
            now,
            actor,
            year);
    if (updated == 0) {
      jdbc.update(
          "insert into calendar_notice (calendar_year, body, published_at, published_by) values (?, ?, ?, ?)",
          year,
          body,
          now,
          actor);
    }
  }

  private static boolean sameDays(CalendarYear a, CalendarYear b) {
    return a.holidays().equals(b.holidays()) && a.makeUpWorkingDays().equals(b.makeUpWorkingDays());
  }
}
