package cn.onedoor.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Chinese working-day calendar: Monday to Friday, less the public holidays, plus the weekend
 * days that the State Council declares working days (调休上班).
 *
 * <p>A year whose notice is loaded is <em>published</em>. Any other year is <em>provisional</em>,
 * never an error: its days off are the statutory holidays of the rules in force that year ({@link
 * StatutoryHolidays}) and the weekends. The law counts on without the notice (民事诉讼法 art 85 only
 * moves a last day off a holiday), and so does a county office; what only the notice adds (bridge
 * days, make-up working days) is unknown until it is published, so every due date that looked at a
 * provisional day says so, and is recomputed when the notice is published ({@link #publish}).
 *
 * <p>Thread-safe: the published notices are an immutable snapshot swapped whole when a year is
 * published.
 */
public final class WorkingDayCalendar {

  private volatile Snapshot published;
  private final Map<Integer, Map<LocalDate, String>> provisionalHolidays =
      new ConcurrentHashMap<>();

  WorkingDayCalendar(Collection<CalendarYear> years) {
    this.published = Snapshot.of(years);
  }

  /** Publishes (or replaces) one year's notice; days asked about afterwards are counted with it. */
  synchronized void publish(CalendarYear year) {
    Map<Integer, CalendarYear> years = new TreeMap<>(published.years);
    years.put(year.year(), year);
    published = Snapshot.of(years.values());
  }

  /**
   * Takes a year's notice back (tests that publish a year restore the shipped calendar with it).
   */
  synchronized void withdraw(int year) {
    Map<Integer, CalendarYear> years = new TreeMap<>(published.years);
    years.remove(year);
    published = Snapshot.of(years.values());
  }

  /** The years with a published State Council notice, in order. */
  public SortedSet<Integer> publishedYears() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(published.years.keySet()));
  }

  public boolean isPublished(int year) {
    return published.years.containsKey(year);
  }

  /**
   * Whether the day's year has no published notice, so its status is derived from the statutory
   * rules alone.
   */
  public boolean isProvisional(LocalDate date) {
    return !isPublished(date.getYear());
  }

  /** The year's published notice (as loaded), if any. */
  Optional<CalendarYear> notice(int year) {
    return Optional.ofNullable(published.years.get(year));
  }

  /**
   * The notice a year's data comes from (title and number), or the rules a provisional year is
   * derived from.
   */
  public String source(int year) {
    CalendarYear notice = published.years.get(year);
    return notice != null
        ? notice.notice()
        : "暂定：按" + StatutoryHolidays.rulesInForce(year) + "推算，未含调休安排";
  }

  /**
   * Whether people work on that day: a weekday that is not a public holiday, or a make-up working
   * day.
   */
  public boolean isWorkingDay(LocalDate date) {
    Snapshot snapshot = published;
    if (snapshot.makeUpWorkingDays.containsKey(date)) {
      return true;
    }
    if (holiday(snapshot, date) != null) {
      return false;
    }
    DayOfWeek weekday = date.getDayOfWeek();
    return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
  }

  /**
   * The public holiday's name (e.g. 春节) when the day is one; empty for ordinary weekends and
   * working days.
   */
  public Optional<String> holidayName(LocalDate date) {
    return Optional.ofNullable(holiday(published, date));
  }

  /** Whether the day is a weekend day that the notice makes a working day (调休上班). */
  public boolean isMakeUpWorkingDay(LocalDate date) {
    return published.makeUpWorkingDays.containsKey(date);
  }

  /** The first working day strictly after the given day (may be a make-up Saturday or Sunday). */
  public LocalDate nextWorkingDayAfter(LocalDate date) {
    LocalDate day = date.plusDays(1);
    while (!isWorkingDay(day)) {
      day = day.plusDays(1);
    }
    return day;
  }

  /** The first working day strictly before the given day. */
  public LocalDate previousWorkingDayBefore(LocalDate date) {
    LocalDate day = date.minusDays(1);
    while (!isWorkingDay(day)) {
      day = day.minusDays(1);
    }
    return day;
  }

  /**
   * How many working days lie in the closed range {@code [from, to]}; 0 when {@code to} is before
   * {@code from}.
   */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    int count = 0;
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        count++;
      }
    }
    return count;
  }

  /**
   * The provisional years among the days {@code [from, to]}: what a computation over them has to
   * say is 暂定.
   */
  SortedSet<Integer> provisionalYearsBetween(LocalDate from, LocalDate to) {
    SortedSet<Integer> years = new TreeSet<>();
    for (int year = from.getYear(); year <= to.getYear(); year++) {
      if (!isPublished(year)) {
        years.add(year);
      }
    }
    return years;
  }

  private String holiday(Snapshot snapshot, LocalDate date) {
    // A published notice may name days of a neighbouring year (元旦 from 30 December): those come
    // first.
    String name = snapshot.holidays.get(date);
    if (name != null || snapshot.years.containsKey(date.getYear())) {
      return name;
    }
    return provisionalHolidays.computeIfAbsent(date.getYear(), StatutoryHolidays::of).get(date);
  }

  /** The published notices merged day by day. */
  private record Snapshot(
      SortedMap<Integer, CalendarYear> years,
      Map<LocalDate, String> holidays,
      Map<LocalDate, String> makeUpWorkingDays) {

    static Snapshot of(Collection<CalendarYear> notices) {
      SortedMap<Integer, CalendarYear> years = new TreeMap<>();
      Map<LocalDate, String> holidays = new HashMap<>();
      Map<LocalDate, String> makeUpWorkingDays = new HashMap<>();
      for (CalendarYear year : notices) {
        if (years.put(year.year(), year) != null) {
          throw new IllegalArgumentException("Calendar year " + year.year() + " given twice");
        }
        // A notice may reach into the next year (元旦 from 30 December); two notices must then agree
        // on each day.
        year.holidays()
            .forEach(
                (day, name) -> {
                  if (makeUpWorkingDays.containsKey(day)) {
                    throw new IllegalArgumentException(
                        day
                            + " is a holiday in "
                            + year.origin()
                            + " but a make-up working day in another calendar file");
                  }
                  holidays.putIfAbsent(day, name);
                });
        year.makeUpWorkingDays()
            .forEach(
                (day, name) -> {
                  if (holidays.containsKey(day)) {
                    throw new IllegalArgumentException(
                        day
                            + " is a make-up working day in "
                            + year.origin()
                            + " but a holiday in another calendar file");
                  }
                  makeUpWorkingDays.putIfAbsent(day, name);
                });
      }
      return new Snapshot(
          Collections.unmodifiableSortedMap(years),
          Map.copyOf(holidays),
          Map.copyOf(makeUpWorkingDays));
    }
  }
}
