package cn.onedoor.deadline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The deadline service for process designers, as the bean {@code deadlines} in BPMN and DMN
 * expressions:
 *
 * <pre>
 *   camunda:dueDate="${deadlines.workingDays(receivedAt, 3)}"
 *   &lt;timeDate&gt;${deadlines.period(agreementDate, slaPeriod, slaUnit)}&lt;/timeDate&gt;
 *   &lt;timeDate&gt;${deadlines.before(dueDate, 'P2D')}&lt;/timeDate&gt;
 * </pre>
 *
 * Every due date is returned as 23:59:59 Beijing time of its last day: a legal period ends at the
 * end of its last day (民法典 art 203), so a timer on it fires only once the whole day has passed.
 *
 * <p>A start or due date may be a {@code java.util.Date}, a {@code LocalDate}, or an ISO string as
 * Camunda Forms deliver dates ({@code 2025-09-30}, {@code 2025-09-30T10:15:00}, {@code
 * 2025-09-30T10:15:00+08:00}); a date-time counts by its Beijing-time day. The one overloaded name,
 * {@code period}, differs in its number of arguments, which is how the expression language picks a
 * method.
 */
@Component("deadlines")
public class ProcessDeadlines {

  private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

  private final DeadlineService service;
  private final ProvisionalDeadlines provisional;
  private final Clock clock;

  ProcessDeadlines(DeadlineService service, ProvisionalDeadlines provisional, Clock clock) {
    this.service = service;
    this.provisional = provisional;
    this.clock = clock;
  }

  /**
   * {@code days} calendar days after {@code start}, moved to the next working day when it ends on a
   * day off.
   */
  public Date calendarDays(Object start, int days) {
    return due(start, days, DeadlineUnit.CALENDAR, true);
  }

  /** The {@code days}-th working day after {@code start}. */
  public Date workingDays(Object start, int days) {
    return due(start, days, DeadlineUnit.WORKING, true);
  }

  /**
   * {@code months} months after {@code start} (same day of month, or the month's last day), rolled.
   */
  public Date months(Object start, int months) {
    return due(start, months, DeadlineUnit.MONTHS, true);
  }

  /** {@code years} years after {@code start} (29 Feb gives 28 Feb), rolled. */
  public Date years(Object start, int years) {
    return due(start, years, DeadlineUnit.YEARS, true);
  }

  /**
   * A period as a decision table gives it: an ISO-8601 period of days, weeks, months or years
   * ({@code P30D}, {@code P2W}, {@code P6M}, {@code P1Y}) and a unit, {@code CALENDAR} or {@code
   * WORKING} (working applies to days only). Rolled like every legal period.
   */
  public Date period(Object start, String isoPeriod, String unit) {
    return period(start, isoPeriod, unit, true);
  }

  /**
   * As {@link #period(Object, String, String)}; {@code roll=false} keeps an end that falls on a day
   * off.
   */
  public Date period(Object start, String isoPeriod, String unit, boolean roll) {
    Amount amount = amount(isoPeriod, unit);
    return due(start, amount.value(), amount.unit(), roll);
  }

  /**
   * A period as {@link #period(Object, String, String)}, then a further number of calendar days
   * counted without rolling ({@code overrunIso}, e.g. {@code P15D}): a local practice after a legal
   * period, such as the mediation clock's overrun. One computation, so that a provisional period is
   * recomputed with its overrun.
   */
  public Date periodWithOverrun(Object start, String isoPeriod, String unit, String overrunIso) {
    Amount amount = amount(isoPeriod, unit);
    Amount overrun = amount(overrunIso, "CALENDAR");
    if (overrun.unit() != DeadlineUnit.CALENDAR) {
      throw new IllegalArgumentException(
          "overrun '" + overrunIso + "' must be given in days, e.g. 'P15D'");
    }
    Deadline deadline = service.compute(day(start, "start"), amount.value(), amount.unit(), true);
    Date due = endOf(deadline.due().plusDays(overrun.value()));
    provisional.recordIfProvisional(deadline, due, overrun.value());
    return due;
  }

  /**
   * The due date extended by a further period, counted from the current due day and rolled (e.g.
   * judicial confirmation's 15 days {@code extend(dueDate, 'P10D', 'CALENDAR')}).
   */
  public Date extend(Object due, String isoPeriod, String unit) {
    Amount amount = amount(isoPeriod, unit);
    return due(due, amount.value(), amount.unit(), true);
  }

  /**
   * A reminder or follow-up time before a due date: the due instant minus an ISO period ({@code
   * P2D}, {@code P1W}) or duration ({@code PT4H}), in Beijing time. Not rolled: a reminder is a
   * notice to staff, not a legal period. For a reminder that must fall on a working day use {@link
   * #workingDaysBefore}.
   */
  public Date before(Object due, String isoPeriod) {
    ZonedDateTime instant = instant(due, "due");
    if (isoPeriod == null || isoPeriod.isBlank()) {
      throw new IllegalArgumentException(
          "before(due, isoPeriod): isoPeriod is required, e.g. 'P2D' or 'PT4H'");
    }
    String text = isoPeriod.trim().toUpperCase(Locale.ROOT);
    try {
      ZonedDateTime reminder =
          text.contains("T")
              ? instant.minus(Duration.parse(text))
              : instant.minus(Period.parse(text));
      return Date.from(reminder.toInstant());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "before(due, isoPeriod): '"
              + isoPeriod
              + "' is not an ISO-8601 period such as 'P2D' or 'PT4H'",
          e);
    }
  }

  /**
   * The same time of day {@code days} working days before the due day, e.g. a reminder two working
   * days ahead.
   */
  public Date workingDaysBefore(Object due, int days) {
    if (days < 0) {
      throw new IllegalArgumentException(
          "workingDaysBefore(due, days): days cannot be negative: " + days);
    }
    ZonedDateTime instant = instant(due, "due");
    LocalDate day = instant.toLocalDate();
    for (int i = 0; i < days; i++) {
      day = service.calendar().previousWorkingDayBefore(day);
    }
    return Date.from(day.atTime(instant.toLocalTime()).atZone(DeadlineService.ZONE).toInstant());
  }

  /**
   * Whether the day of the given date is a working day, for gateways (e.g. "receive today or next
   * working day").
   */
  public boolean isWorkingDay(Object date) {
    return service.calendar().isWorkingDay(day(date, "date"));
  }

  /** Now, from the application's clock (fixed in tests). */
  public Date now() {
    return Date.from(clock.instant());
  }

  /**
   * Computes a period for a diagram and remembers it on the case when it is provisional, to
   * recompute it later.
   */
  private Date due(Object start, int amount, DeadlineUnit unit, boolean roll) {
    Deadline deadline = service.compute(day(start, "start"), amount, unit, roll);
    Date due = endOf(deadline.due());
    provisional.recordIfProvisional(deadline, due, 0);
    return due;
  }

  static Date endOf(LocalDate day) {
    return Date.from(day.atTime(END_OF_DAY).atZone(DeadlineService.ZONE).toInstant());
  }

  private static LocalDate day(Object value, String name) {
    return instant(value, name).toLocalDate();
  }

  /**
   * Reads the date forms a process variable can take; a date alone means the start of that day in
   * Beijing.
   */
  private static ZonedDateTime instant(Object value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(
          name + " is null: the process variable is missing or empty");
    }
    if (value instanceof Date date) {
      // getTime(), not toInstant(): java.sql.Date (as some histories return) refuses toInstant().
      return Instant.ofEpochMilli(date.getTime()).atZone(DeadlineService.ZONE);
    }
    if (value instanceof LocalDate date) {
      return date.atStartOfDay(DeadlineService.ZONE);
    }
    if (value instanceof LocalDateTime dateTime) {
      return dateTime.atZone(DeadlineService.ZONE);
    }
    if (value instanceof ZonedDateTime dateTime) {
      return dateTime.withZoneSameInstant(DeadlineService.ZONE);
    }
    if (value instanceof OffsetDateTime dateTime) {
      return dateTime.atZoneSameInstant(DeadlineService.ZONE);
    }
    if (value instanceof Instant instant) {
      return instant.atZone(DeadlineService.ZONE);
    }
    if (value instanceof CharSequence text) {
      return parse(text.toString().trim(), name);
    }
    throw new IllegalArgumentException(
        name + " must be a date, not a " + value.getClass().getSimpleName());
  }

  private static ZonedDateTime parse(String text, String name) {
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay(DeadlineService.ZONE);
      }
      try {
        return OffsetDateTime.parse(text).atZoneSameInstant(DeadlineService.ZONE);
      } catch (DateTimeParseException withoutOffset) {
        return LocalDateTime.parse(text).atZone(DeadlineService.ZONE);
      }
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          name
              + " '"
              + text
              + "' is not an ISO date such as 2025-09-30 or 2025-09-30T10:15:00+08:00",
          e);
    }
  }

  /**
   * An ISO period and a unit string turned into one amount; days mixed with months would be
   * ambiguous.
   */
  static Amount amount(String isoPeriod, String unit) {
    if (isoPeriod == null || isoPeriod.isBlank()) {
      throw new IllegalArgumentException("isoPeriod is required, e.g. 'P30D' or 'P6M'");
    }
    Period period;
    try {
      period = Period.parse(isoPeriod.trim().toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'"
              + isoPeriod
              + "' is not an ISO-8601 period of days, weeks, months or "
              + "years such as 'P30D', 'P2W', 'P6M' or 'P1Y'",
          e);
    }
    if (period.isNegative()) {
      throw new IllegalArgumentException("A period cannot be negative: " + isoPeriod);
    }
    String kind = unit == null ? "" : unit.trim().toUpperCase(Locale.ROOT);
    if (!kind.equals("CALENDAR") && !kind.equals("WORKING")) {
      throw new IllegalArgumentException("unit '" + unit + "' must be 'CALENDAR' or 'WORKING'");
    }
    long months = period.toTotalMonths();
    if (months != 0 && period.getDays() != 0) {
      throw new IllegalArgumentException(
          "'"
              + isoPeriod
              + "' mixes months or years with days; the law counts "
              + "them differently, so give one or the other");
    }
    if (months != 0) {
      if (kind.equals("WORKING")) {
        throw new IllegalArgumentException(
            "'" + isoPeriod + "' in WORKING: only days can be working days");
      }
      return new Amount(Math.toIntExact(months), DeadlineUnit.MONTHS);
    }
    return new Amount(
        period.getDays(), kind.equals("WORKING") ? DeadlineUnit.WORKING : DeadlineUnit.CALENDAR);
  }

  record Amount(int value, DeadlineUnit unit) {}
}
