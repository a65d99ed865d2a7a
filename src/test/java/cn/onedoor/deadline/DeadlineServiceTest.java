package cn.onedoor.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The counting rules of docs/domain.md §5 on the real 2025–2026 State Council calendars. */
class DeadlineServiceTest {

  private final DeadlineService service =
      new DeadlineService(TestCalendars.shipped(), TestCalendars.fixedAt("2025-10-15T09:00:00"));

  @ParameterizedTest(name = "{0} + {1} {2} roll={3} -> {4}: {5}")
  @CsvSource(
      delimiter = '|',
      value = {
        // Calendar days: start + N, rolled off days off.
        "2025-09-03 | 30 | CALENDAR | true  | 2025-10-09 | ends 10/3 inside 国庆, first working day after is Thu 10/9",
        "2025-09-03 | 30 | CALENDAR | false | 2025-10-03 | not rolled when asked not to",
        "2025-09-11 | 30 | CALENDAR | true  | 2025-10-11 | ends on make-up Saturday: does not move",
        "2025-08-29 | 30 | CALENDAR | true  | 2025-09-28 | ends on make-up Sunday: does not move",
        "2025-09-18 | 30 | CALENDAR | true  | 2025-10-20 | ends on an ordinary Saturday: Monday",
        "2025-09-15 | 15 | CALENDAR | true  | 2025-09-30 | ends on a working day",
        "2025-01-01 | 30 | CALENDAR | true  | 2025-02-05 | ends 1/31 inside 春节, runs to Wed 2/5",
        "2025-12-31 |  1 | CALENDAR | true  | 2026-01-04 | ends on 元旦 2026, rolls to the make-up Sunday",
        "2025-12-20 | 15 | CALENDAR | true  | 2026-01-04 | crosses the year onto a make-up Sunday",
        "2026-01-20 | 30 | CALENDAR | true  | 2026-02-24 | ends 2/19 inside 春节 2026, runs to Tue 2/24",
        "2026-01-29 | 30 | CALENDAR | true  | 2026-02-28 | ends on make-up Saturday 2/28",
        "2026-09-10 | 15 | CALENDAR | true  | 2026-09-28 | ends on 中秋 Fri 9/25, weekend after, Mon 9/28",
        "2025-10-01 |  0 | CALENDAR | true  | 2025-10-09 | zero days from a holiday still rolls",
        // Working days: the N-th working day after the start.
        "2025-09-30 |  1 | WORKING  | true  | 2025-10-09 | first working day after 国庆",
        "2025-09-30 |  2 | WORKING  | true  | 2025-10-10 | ",
        "2025-09-30 |  3 | WORKING  | true  | 2025-10-11 | the third is the make-up Saturday",
        "2025-09-30 |  4 | WORKING  | true  | 2025-10-13 | then Monday",
        "2025-09-26 |  1 | WORKING  | true  | 2025-09-28 | Friday + 1 is the make-up Sunday",
        "2026-02-13 |  5 | WORKING  | true  | 2026-02-27 | make-up Sat 2/14, then 春节, then Tue-Fri",
        "2025-09-01 | 30 | WORKING  | true  | 2025-10-17 | 医调委's 30 working days across 国庆",
        "2025-10-03 |  3 | WORKING  | false | 2025-10-11 | roll does not matter for working days",
        // Months and years: the same day of the month, or the month's last day; then rolled.
        "2025-01-31 |  1 | MONTHS   | true  | 2025-02-28 | no 31 February: last day, a Friday",
        "2025-03-31 |  6 | MONTHS   | true  | 2025-09-30 | no 31 September",
        "2025-04-01 |  6 | MONTHS   | true  | 2025-10-09 | ends on 国庆 10/1, rolled",
        "2025-04-01 |  6 | MONTHS   | false | 2025-10-01 | not rolled when asked not to",
        "2025-11-30 |  3 | MONTHS   | true  | 2026-02-28 | 30 Feb does not exist; 2/28 is a make-up Saturday",
        "2025-12-31 |  2 | MONTHS   | true  | 2026-02-28 | 31 Feb does not exist; make-up Saturday",
        "2025-08-16 |  2 | MONTHS   | true  | 2025-10-16 | ordinary Thursday",
        "2024-02-29 |  1 | YEARS    | true  | 2025-02-28 | 29 Feb + 1 year = 28 Feb, a Friday",
        "2024-10-01 |  1 | YEARS    | true  | 2025-10-09 | ends on 国庆 2025",
        "2025-02-15 |  1 | YEARS    | true  | 2026-02-24 | ends on 春节 2026",
        "2024-02-29 | 12 | MONTHS   | true  | 2025-02-28 | 12 months and 1 year agree",
      })
  void countsAsTheLawSays(
      LocalDate start, int amount, DeadlineUnit unit, boolean roll, LocalDate due, String why) {
    assertThat(service.due(start, amount, unit, roll)).as(why).isEqualTo(due);
  }

  @Test
  void reportsWhetherTheEndMoved() {
    Deadline rolled =
        service.compute(LocalDate.parse("2025-09-03"), 30, DeadlineUnit.CALENDAR, true);
    assertThat(rolled.periodEnd()).isEqualTo("2025-10-03");
    assertThat(rolled.due()).isEqualTo("2025-10-09");
    assertThat(rolled.rolled()).isTrue();

    Deadline makeUp =
        service.compute(LocalDate.parse("2025-09-11"), 30, DeadlineUnit.CALENDAR, true);
    assertThat(makeUp.rolled()).isFalse();
  }

  @Test
  void aPeriodEndingInAYearWithoutANoticeIsCountedByTheStatutoryRulesAndSaysSo() {
    // 2027 has no notice here: 2027-01-01 (元旦) is a statutory holiday, 01-02/03 a weekend.
    Deadline rolled =
        service.compute(LocalDate.parse("2026-12-17"), 15, DeadlineUnit.CALENDAR, true);
    assertThat(rolled.periodEnd()).isEqualTo("2027-01-01");
    assertThat(rolled.due()).isEqualTo("2027-01-04");
    assertThat(rolled.provisionalYears()).containsExactly(2027);
    assertThat(rolled.provisional()).isTrue();

    Deadline working =
        service.compute(LocalDate.parse("2026-12-30"), 5, DeadlineUnit.WORKING, true);
    assertThat(working.due()).isEqualTo("2027-01-07");
    assertThat(working.provisional()).isTrue();
  }

  @Test
  void aPeriodInsidePublishedYearsIsNotProvisional() {
    assertThat(
            service
                .compute(LocalDate.parse("2026-11-02"), 30, DeadlineUnit.CALENDAR, true)
                .provisional())
        .isFalse();
    assertThat(
            service
                .compute(LocalDate.parse("2026-12-01"), 10, DeadlineUnit.WORKING, true)
                .provisional())
        .isFalse();
  }

  @Test
  void aPeriodThatDoesNotRollNeedsNoCalendar() {
    // E.g. the 2-year window to apply for enforcement, counted before the State Council publishes
    // that year.
    assertThat(service.due(LocalDate.parse("2026-03-10"), 2, DeadlineUnit.YEARS, false))
        .isEqualTo("2028-03-10");
    assertThat(service.due(LocalDate.parse("2026-12-20"), 15, DeadlineUnit.CALENDAR, false))
        .isEqualTo("2027-01-04");
    assertThat(
            service
                .compute(LocalDate.parse("2026-12-20"), 15, DeadlineUnit.CALENDAR, false)
                .provisional())
        .isFalse();
  }

  @Test
  void refusesANegativePeriod() {
    assertThatThrownBy(
            () -> service.due(LocalDate.parse("2025-09-30"), -1, DeadlineUnit.CALENDAR, true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void extendsFromTheCurrentDueDate() {
    // Judicial confirmation: decided within 15 days, extendable by 10.
    LocalDate due = service.due(LocalDate.parse("2025-09-10"), 15, DeadlineUnit.CALENDAR, true);
    assertThat(due).isEqualTo("2025-09-25");

    DeadlineChange extension = service.extend(due, 10, DeadlineUnit.CALENDAR, "案情复杂，经院长批准延长");

    assertThat(extension.kind()).isEqualTo(DeadlineChange.Kind.EXTENSION);
    assertThat(extension.previousDue()).isEqualTo("2025-09-25");
    assertThat(extension.newDue()).as("10/5 is 国庆, rolled").isEqualTo("2025-10-09");
    assertThat(extension.reason()).isEqualTo("案情复杂，经院长批准延长");
  }

  @Test
  void aPauseOnAWorkingDayClockAddsBackOnlyItsWorkingDays() {
    // 医疗纠纷: 30 working days, appraisal time not counted. The appraisal ran 9/29-10/10: 9/29, 9/30,
    // 10/9, 10/10.
    LocalDate due = service.due(LocalDate.parse("2025-09-01"), 30, DeadlineUnit.WORKING, true);
    assertThat(due).isEqualTo("2025-10-17");

    DeadlineChange pause =
        service.pause(
            due,
            LocalDate.parse("2025-09-29"),
            LocalDate.parse("2025-10-10"),
            DeadlineUnit.WORKING,
            "医疗损害鉴定");

    assertThat(pause.kind()).isEqualTo(DeadlineChange.Kind.PAUSE);
    assertThat(pause.amount()).isEqualTo(4);
    assertThat(pause.newDue()).isEqualTo("2025-10-23");
  }

  @Test
  void aPauseOnACalendarClockAddsBackItsDays() {
    DeadlineChange pause =
        service.pause(
            LocalDate.parse("2025-09-19"),
            LocalDate.parse("2025-09-10"),
            LocalDate.parse("2025-09-12"),
            DeadlineUnit.CALENDAR,
            "当事人住院");

    assertThat(pause.amount()).isEqualTo(3);
    assertThat(pause.newDue()).as("9/22 is a Monday").isEqualTo("2025-09-22");
  }

  @Test
  void todayComesFromTheClock() {
    assertThat(service.today()).isEqualTo("2025-10-15");
  }
}
