package cn.onedoor.deadline;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import org.springframework.stereotype.Service;

/**
 * The one place where the system counts legal periods (docs/domain.md §5; 民事诉讼法 art 85, 民法典 arts
 * 201–203):
 *
 * <ul>
 *   <li>the start day is not counted: N calendar days end on start + N;
 *   <li>a period whose last day is not a working day ends on the first working day after it (which
 *       may be a make-up Saturday or Sunday), when it rolls; a last day that is a make-up working
 *       day does not move;
 *   <li>N working days end on the N-th working day after the start;
 *   <li>months and years end on the same day of the month, or the month's last day where that day
 *       does not exist (2024-02-29 + 1 year = 2025-02-28), then roll like calendar days.
 * </ul>
 *
 * A day in a year whose holiday notice is not published yet is counted by the statutory rules alone
 * and the answer says it is provisional ({@link Deadline#provisionalYears()}); a calendar or month
 * period that does not roll never looks at the calendar, so it is never provisional.
 */
@Service
public class DeadlineService {

  /** The county's zone: the legal day of a deadline is a Beijing-time day. */
  public static final ZoneId ZONE = DeadlineConfiguration.COUNTY_ZONE;

  private final WorkingDayCalendar calendar;
  private final Clock clock;

  DeadlineService(WorkingDayCalendar calendar, Clock clock) {
    this.calendar = calendar;
    this.clock = clock;
  }

  /**
   * The due day of a period of {@code amount} units counted from {@code start} (the start day
   * itself not counted).
   *
   * @param roll whether an end on a day off moves to the next working day; the law's default is
   *     {@code true}
   * @throws IllegalArgumentException when {@code amount} is negative
   */
  public LocalDate due(LocalDate start, int amount, DeadlineUnit unit, boolean roll) {
    return compute(start, amount, unit, roll).due();
  }

  /** As {@link #due}, with the unrolled period end too, for explanations. */
  public Deadline compute(LocalDate start, int amount, DeadlineUnit unit, boolean roll) {
    if (start == null || unit == null) {
      throw new IllegalArgumentException("start and unit are required");
    }
    if (amount < 0) {
      throw new IllegalArgumentException("A period cannot be negative: " + amount);
    }
    LocalDate periodEnd =
        switch (unit) {
          case CALENDAR -> start.plusDays(amount);
          case WORKING -> nthWorkingDayAfter(start, amount);
          // plusMonths/plusYears already clamp to the month's last day, as 民法典 art 202 wants.
          case MONTHS -> start.plusMonths(amount);
          case YEARS -> start.plusYears(amount);
        };
    LocalDate due =
        roll && !calendar.isWorkingDay(periodEnd)
            ? calendar.nextWorkingDayAfter(periodEnd)
            : periodEnd;
    // The days the count looked at: every day after the start for working days, the end and the
    // days it rolled over
    // for a rolled period; an unrolled calendar, month or year period looks at none.
    LocalDate firstLookedAt =
        unit == DeadlineUnit.WORKING && amount > 0 ? start.plusDays(1) : periodEnd;
    boolean lookedAtAny = (unit == DeadlineUnit.WORKING && amount > 0) || roll;
    return new Deadline(
        start,
        amount,
        unit,
        roll,
        periodEnd,
        due,
        lookedAtAny
            ? calendar.provisionalYearsBetween(firstLookedAt, due)
            : Collections.emptySortedSet());
  }

  /**
   * Extends a due date by a further period, counted from the current due date as a new start (the
   * usual reading of "延长N日"), and rolled.
   */
  public DeadlineChange extend(LocalDate due, int amount, DeadlineUnit unit, String reason) {
    LocalDate newDue = due(due, amount, unit, true);
    return new DeadlineChange(DeadlineChange.Kind.EXTENSION, due, newDue, amount, unit, reason);
  }

  /**
   * Moves a due date by the time a clock stood still (e.g. 医疗纠纷 appraisal, which is not counted):
   * the days from {@code firstPausedDay} to {@code lastPausedDay} inclusive, counted in the clock's
   * own unit, are added back.
   *
   * @param unit {@link DeadlineUnit#WORKING} for a working-day clock (only the working days of the
   *     pause count), anything else counts calendar days
   */
  public DeadlineChange pause(
      LocalDate due,
      LocalDate firstPausedDay,
      LocalDate lastPausedDay,
      DeadlineUnit unit,
      String reason) {
    if (lastPausedDay.isBefore(firstPausedDay)) {
      throw new IllegalArgumentException(
          "A pause cannot end (" + lastPausedDay + ") before it starts (" + firstPausedDay + ")");
    }
    DeadlineUnit counted =
        unit == DeadlineUnit.WORKING ? DeadlineUnit.WORKING : DeadlineUnit.CALENDAR;
    int length =
        counted == DeadlineUnit.WORKING
            ? calendar.workingDaysBetween(firstPausedDay, lastPausedDay)
            : (int) (lastPausedDay.toEpochDay() - firstPausedDay.toEpochDay() + 1);
    LocalDate newDue = length == 0 ? due : due(due, length, counted, true);
    return new DeadlineChange(DeadlineChange.Kind.PAUSE, due, newDue, length, counted, reason);
  }

  /** Today in the county, from the injectable clock. */
  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZONE);
  }

  public WorkingDayCalendar calendar() {
    return calendar;
  }

  private LocalDate nthWorkingDayAfter(LocalDate start, int n) {
    LocalDate day = start;
    for (int i = 0; i < n; i++) {
      day = calendar.nextWorkingDayAfter(day);
    }
    return day;
  }
}
