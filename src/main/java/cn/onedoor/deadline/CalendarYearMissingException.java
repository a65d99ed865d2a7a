package cn.onedoor.deadline;

import java.time.LocalDate;

/**
 * A date was asked about in a year for which no State Council holiday notice has been loaded. Thrown instead of
 * guessing from weekends alone: a guess would silently count a 调休 Saturday as a day off, or a holiday as a
 * working day, and a legal deadline would be wrong without anyone noticing.
 */
public class CalendarYearMissingException extends RuntimeException {

  private final int year;
  private final LocalDate date;

  public CalendarYearMissingException(LocalDate date) {
    super("No working-day calendar for " + date.getYear() + " (asked about " + date + "): add calendar/cn-"
        + date.getYear() + ".json once the State Council has published that year's holiday notice");
    this.year = date.getYear();
    this.date = date;
  }

  public int year() {
    return year;
  }

  public LocalDate date() {
    return date;
  }
}
