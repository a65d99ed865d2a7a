package cn.onedoor.deadline;

import java.time.LocalDate;
import java.util.Map;

/**
 * One year's State Council holiday arrangement, as loaded from {@code calendar/cn-YYYY.json}.
 *
 * @param origin where it was read from, for log lines and error messages
 * @param notice the notice's title and number, for the health details
 * @param holidays every day off, with the holiday's Chinese name
 * @param makeUpWorkingDays weekend days that are working days (调休上班), with the holiday they make up
 *     for
 */
record CalendarYear(
    int year,
    String origin,
    String notice,
    Map<LocalDate, String> holidays,
    Map<LocalDate, String> makeUpWorkingDays) {

  CalendarYear {
    holidays = Map.copyOf(holidays);
    makeUpWorkingDays = Map.copyOf(makeUpWorkingDays);
  }
}
