package cn.onedoor.deadline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * For tests in other packages that publish a year's notice and must leave the shared calendar as it
 * was.
 */
public final class CalendarTestSupport {

  private CalendarTestSupport() {}

  /**
   * A 2027 notice built for the tests, not a forecast: every statutory day of the 2024 rules as its
   * own range, plus what moves the test cases' days: a make-up Saturday 2027-01-02 (moves the third
   * working day after 2026-12-31 from 01-06 to 01-05), a bridge of holidays 2027-01-19..22 and a
   * make-up Saturday 2027-01-23 (moves a period ending on 01-19 to 01-23).
   */
  public static String notice2027() {
    return notice2027("2027-01-19", "2027-01-22", "2027-01-02", "2027-01-23");
  }

  /**
   * The statutory days of 2027, one bridge of 元旦 holidays {@code [from, to]}, and two make-up days.
   */
  public static String notice2027(
      String bridgeFrom, String bridgeTo, String makeUp1, String makeUp2) {
    List<String> holidays = new ArrayList<>();
    StatutoryHolidays.of(2027).forEach((day, name) -> holidays.add(range(name, day, day)));
    holidays.add(range("元旦", LocalDate.parse(bridgeFrom), LocalDate.parse(bridgeTo)));
    return """
        {
          "year": 2027,
          "source": { "notice": "国务院办公厅关于2027年部分节假日安排的通知（测试用）", "number": null, "issued": null,
            "url": null, "transcribed": "test fixture" },
          "holidays": [ %s ],
          "makeUpWorkingDays": [ { "date": "%s", "for": "元旦" }, { "date": "%s", "for": "元旦" } ]
        }
        """
        .formatted(String.join(", ", holidays), makeUp1, makeUp2);
  }

  /** Takes back a year published by a test: the notice row and the in-memory calendar. */
  public static void withdraw(WorkingDayCalendar calendar, JdbcTemplate jdbc, int year) {
    jdbc.update("delete from calendar_notice where calendar_year = ?", year);
    calendar.withdraw(year);
  }

  private static String range(String name, LocalDate from, LocalDate to) {
    return "{ \"name\": \"" + name + "\", \"from\": \"" + from + "\", \"to\": \"" + to + "\" }";
  }
}
