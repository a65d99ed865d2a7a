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

/**
 * The Chinese working-day calendar: Monday to Friday, less the public holidays, plus the weekend days that the
 * State Council declares working days (调休上班). Only years with a loaded notice are known; asking about any other
 * year throws {@link CalendarYearMissingException}, never a weekends-only guess.
 */
public final class WorkingDayCalendar {

  private final SortedMap<Integer, String> notices = new TreeMap<>();
  private final Map<LocalDate, String> holidays = new HashMap<>();
  private final Map<LocalDate, String> makeUpWorkingDays = new HashMap<>();

  WorkingDayCalendar(Collection<CalendarYear> years) {
    for (CalendarYear year : years) {
      if (notices.put(year.year(), year.notice()) != null) {
        throw new IllegalArgumentException("Calendar year " + year.year() + " given twice");
      }
      // A notice may reach into the next year (元旦 from 30 December); two notices must then agree on each day.
      year.holidays().forEach((day, name) -> {
        if (makeUpWorkingDays.containsKey(day)) {
          throw new IllegalArgumentException(day + " is a holiday in " + year.origin()
              + " but a make-up working day in another calendar file");
        }
        holidays.putIfAbsent(day, name);
      });
      year.makeUpWorkingDays().forEach((day, name) -> {
        if (holidays.containsKey(day)) {
          throw new IllegalArgumentException(day + " is a make-up working day in " + year.origin()
              + " but a holiday in another calendar file");
        }
        makeUpWorkingDays.putIfAbsent(day, name);
      });
    }
  }

  /** The years with a loaded State Council notice, in order. */
  public SortedSet<Integer> coveredYears() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(notices.keySet()));
  }

  public boolean covers(int year) {
    return notices.containsKey(year);
  }

  /** The notice a year's data comes from (title and number), for health details and explanations. */
  public Optional<String> notice(int year) {
    return Optional.ofNullable(notices.get(year));
  }

  /**
   * Whether people work on that day: a weekday that is not a public holiday, or a make-up working day.
   *
   * @throws CalendarYearMissingException when the date's year has no loaded notice
   */
  public boolean isWorkingDay(LocalDate date) {
    requireCovered(date);
    if (makeUpWorkingDays.containsKey(date)) {
      return true;
    }
    if (holidays.containsKey(date)) {
      return false;
    }
    DayOfWeek weekday = date.getDayOfWeek();
    return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
  }

  /** The public holiday's name (e.g. 春节) when the day is one; empty for ordinary weekends and working days. */
  public Optional<String> holidayName(LocalDate date) {
    requireCovered(date);
    return Optional.ofNullable(holidays.get(date));
  }

  /** Whether the day is a weekend day that the notice makes a working day (调休上班). */
  public boolean isMakeUpWorkingDay(LocalDate date) {
    requireCovered(date);
    return makeUpWorkingDays.containsKey(date);
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

  /** How many working days lie in the closed range {@code [from, to]}; 0 when {@code to} is before {@code from}. */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    int count = 0;
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        count++;
      }
    }
    return count;
  }

  private void requireCovered(LocalDate date) {
    if (!notices.containsKey(date.getYear())) {
      throw new CalendarYearMissingException(date);
    }
  }
}
