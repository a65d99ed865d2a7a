package cn.onedoor.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The expression-facing methods: dates in and out, ISO periods from decision tables, reminders. */
class ProcessDeadlinesTest {

  private final ProcessDeadlines deadlines =
      new ProcessDeadlines(
          new DeadlineService(
              TestCalendars.shipped(), TestCalendars.fixedAt("2025-10-15T09:00:00")),
          // Outside a process nothing is recorded, so no database is needed.
          new ProvisionalDeadlines(null, TestCalendars.fixedAt("2025-10-15T09:00:00")),
          TestCalendars.fixedAt("2025-10-15T09:00:00"));

  /**
   * A start in the middle of a Beijing day; at 01:30 Beijing it is still the previous day in UTC.
   */
  private static final Date SEPT_30_EARLY_MORNING = at("2025-09-30T01:30:00");

  @Test
  void aDueDateIsTheEndOfItsLastDayInBeijing() {
    assertThat(deadlines.calendarDays(SEPT_30_EARLY_MORNING, 3))
        .isEqualTo(at("2025-10-09T23:59:59"));
  }

  @Test
  void theNamedMethodsCountEachUnit() {
    assertThat(deadlines.workingDays(SEPT_30_EARLY_MORNING, 3))
        .isEqualTo(at("2025-10-11T23:59:59"));
    assertThat(deadlines.months(at("2025-03-31T10:00:00"), 6)).isEqualTo(at("2025-09-30T23:59:59"));
    assertThat(deadlines.years(at("2024-02-29T10:00:00"), 1)).isEqualTo(at("2025-02-28T23:59:59"));
  }

  @ParameterizedTest(name = "{1} {2} from {0} -> {3}")
  @CsvSource({
    "2025-09-30, P3D,  WORKING,  2025-10-11",
    "2025-09-30, p3d,  working,  2025-10-11",
    "2025-09-03, P30D, CALENDAR, 2025-10-09",
    "2025-09-26, P2W,  CALENDAR, 2025-10-10",
    "2025-04-01, P6M,  CALENDAR, 2025-10-09",
    "2025-03-31, P6M,  CALENDAR, 2025-09-30",
    "2024-02-29, P1Y,  CALENDAR, 2025-02-28",
    "2024-10-01, P1Y,  CALENDAR, 2025-10-09",
  })
  void periodsFromDecisionTables(String start, String period, String unit, LocalDate due) {
    assertThat(deadlines.period(start, period, unit)).isEqualTo(endOf(due));
  }

  @Test
  void aPeriodMayKeepAnEndOnADayOff() {
    assertThat(deadlines.period("2025-09-03", "P30D", "CALENDAR", false))
        .isEqualTo(endOf(LocalDate.parse("2025-10-03")));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "P1M2D, CALENDAR, mixes months or years with days",
    "P6M,   WORKING,  only days can be working days",
    "P30D,  WEEKDAYS, must be 'CALENDAR' or 'WORKING'",
    "30,    CALENDAR, not an ISO-8601 period",
    "P-3D,  CALENDAR, cannot be negative",
  })
  void refusesPeriodsItCannotCountUnambiguously(String period, String unit, String message) {
    assertThatThrownBy(() -> deadlines.period(SEPT_30_EARLY_MORNING, period, unit))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "2025-09-30",
    "2025-09-30T10:15:00",
    "2025-09-30T23:59:59+08:00",
    "2025-09-30T15:00:00Z",
  })
  void acceptsTheDateStringsFormsProduce(String start) {
    assertThat(deadlines.workingDays(start, 1)).isEqualTo(at("2025-10-09T23:59:59"));
  }

  @Test
  void acceptsJavaTimeAndSqlDates() {
    assertThat(deadlines.workingDays(LocalDate.parse("2025-09-30"), 1))
        .isEqualTo(at("2025-10-09T23:59:59"));
    assertThat(deadlines.workingDays(Timestamp.from(at("2025-09-30T10:00:00").toInstant()), 1))
        .isEqualTo(at("2025-10-09T23:59:59"));
    assertThat(deadlines.workingDays(new java.sql.Date(at("2025-09-30T10:00:00").getTime()), 1))
        .isEqualTo(at("2025-10-09T23:59:59"));
  }

  @Test
  void explainsAMissingOrWrongStart() {
    assertThatThrownBy(() -> deadlines.calendarDays(null, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("start is null");
    assertThatThrownBy(() -> deadlines.calendarDays("30.09.2025", 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an ISO date");
    assertThatThrownBy(() -> deadlines.calendarDays(42, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be a date");
  }

  @Test
  void remindersGoBackFromTheDueInstant() {
    Date due = at("2025-10-11T23:59:59");
    assertThat(deadlines.before(due, "P2D")).isEqualTo(at("2025-10-09T23:59:59"));
    assertThat(deadlines.before(due, "PT4H")).isEqualTo(at("2025-10-11T19:59:59"));
    assertThat(deadlines.workingDaysBefore(due, 2))
        .as("10/10, then 10/9")
        .isEqualTo(at("2025-10-09T23:59:59"));
    assertThat(deadlines.workingDaysBefore(at("2025-10-09T23:59:59"), 1))
        .as("over 国庆")
        .isEqualTo(at("2025-09-30T23:59:59"));
    assertThatThrownBy(() -> deadlines.before(due, "two days"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void extendsADueDate() {
    assertThat(deadlines.extend(at("2025-09-25T23:59:59"), "P10D", "CALENDAR"))
        .isEqualTo(at("2025-10-09T23:59:59"));
  }

  @Test
  void answersWorkingDayQuestionsAndTheTime() {
    assertThat(deadlines.isWorkingDay("2025-10-11")).isTrue();
    assertThat(deadlines.isWorkingDay(at("2025-10-12T10:00:00"))).isFalse();
    assertThat(deadlines.now()).isEqualTo(at("2025-10-15T09:00:00"));
  }

  private static Date at(String beijingDateTime) {
    return Date.from(
        ZonedDateTime.of(LocalDateTime.parse(beijingDateTime), DeadlineService.ZONE).toInstant());
  }

  private static Date endOf(LocalDate day) {
    return at(day + "T23:59:59");
  }
}
