package cn.onedoor.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingDayCalendarTest {

  private final WorkingDayCalendar calendar = TestCalendars.shipped();

  @Test
  void everyYearOfThePresentHolidaySystemIsPublished() {
    assertThat(calendar.publishedYears()).first().isEqualTo(2008);
    assertThat(calendar.publishedYears()).last().isEqualTo(2026);
    assertThat(calendar.publishedYears()).hasSize(2026 - 2008 + 1);
    assertThat(calendar.source(2025)).isEqualTo("国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）");
    assertThat(calendar.source(2026)).contains("2026年");
    assertThat(calendar.source(2027)).startsWith("暂定：按《全国年节及纪念日放假办法》");
  }

  @ParameterizedTest(name = "{0} ({1}) working={2}")
  @CsvSource({
    // 2025: the notice's holidays and make-up days (国办发明电〔2024〕12号)
    "2025-01-01, 元旦 Wed,               false",
    "2025-01-02, ordinary Thu,           true",
    "2025-01-26, make-up Sun for 春节,   true",
    "2025-01-28, 春节 first day Tue,     false",
    "2025-02-04, 春节 last day Tue,      false",
    "2025-02-05, after 春节 Wed,         true",
    "2025-02-08, make-up Sat for 春节,   true",
    "2025-02-09, ordinary Sun,           false",
    "2025-04-04, 清明 Fri,               false",
    "2025-04-07, after 清明 Mon,         true",
    "2025-04-27, make-up Sun for 劳动节, true",
    "2025-05-05, 劳动节 Mon,             false",
    "2025-05-06, after 劳动节 Tue,       true",
    "2025-06-02, 端午 Mon,               false",
    "2025-09-28, make-up Sun for 国庆,   true",
    "2025-09-30, ordinary Tue,           true",
    "2025-10-01, 国庆 Wed,               false",
    "2025-10-06, 中秋 Mon,               false",
    "2025-10-08, 国庆 last day Wed,      false",
    "2025-10-09, after 国庆 Thu,         true",
    "2025-10-11, make-up Sat for 国庆,   true",
    "2025-10-12, ordinary Sun,           false",
    // 2026 (notice of 2025-11-04)
    "2026-01-02, 元旦 Fri,               false",
    "2026-01-03, 元旦 Sat,               false",
    "2026-01-04, make-up Sun for 元旦,   true",
    "2026-02-14, make-up Sat for 春节,   true",
    "2026-02-23, 春节 last day Mon,      false",
    "2026-02-24, after 春节 Tue,         true",
    "2026-02-28, make-up Sat for 春节,   true",
    "2026-05-09, make-up Sat for 劳动节, true",
    "2026-06-19, 端午 Fri,               false",
    "2026-09-20, make-up Sun for 国庆,   true",
    "2026-09-25, 中秋 Fri,               false",
    "2026-10-07, 国庆 last day Wed,      false",
    "2026-10-08, after 国庆 Thu,         true",
    "2026-10-10, make-up Sat for 国庆,   true",
    "2026-12-31, ordinary Thu,           true",
  })
  void knowsHolidaysAndMakeUpDays(LocalDate date, String what, boolean working) {
    assertThat(calendar.isWorkingDay(date)).as(what).isEqualTo(working);
  }

  @Test
  void namesHolidaysAndMakeUpDays() {
    assertThat(calendar.holidayName(LocalDate.parse("2025-01-30"))).hasValue("春节");
    assertThat(calendar.holidayName(LocalDate.parse("2025-10-06"))).hasValue("国庆节、中秋节");
    assertThat(calendar.holidayName(LocalDate.parse("2025-10-12"))).isEmpty();
    assertThat(calendar.isMakeUpWorkingDay(LocalDate.parse("2025-10-11"))).isTrue();
    assertThat(calendar.isMakeUpWorkingDay(LocalDate.parse("2025-10-10"))).isFalse();
  }

  @Test
  void nextWorkingDayMayBeAMakeUpSunday() {
    assertThat(calendar.nextWorkingDayAfter(LocalDate.parse("2025-12-31"))).isEqualTo("2026-01-04");
    assertThat(calendar.nextWorkingDayAfter(LocalDate.parse("2025-09-30"))).isEqualTo("2025-10-09");
    assertThat(calendar.previousWorkingDayBefore(LocalDate.parse("2025-10-09")))
        .isEqualTo("2025-09-30");
  }

  @Test
  void countsWorkingDaysInARange() {
    // 9/28 make-up Sun, 9/29, 9/30, then 10/1-10/8 off, 10/9, 10/10, 10/11 make-up Sat.
    assertThat(
            calendar.workingDaysBetween(
                LocalDate.parse("2025-09-27"), LocalDate.parse("2025-10-12")))
        .isEqualTo(6);
    assertThat(
            calendar.workingDaysBetween(
                LocalDate.parse("2025-10-02"), LocalDate.parse("2025-10-01")))
        .isZero();
  }

  @ParameterizedTest(name = "{0} ({1}) working={2}")
  @CsvSource({
    "2027-01-01, 元旦 Fri (statutory),        false",
    "2027-01-04, ordinary Mon,               true",
    "2027-05-01, 劳动节 Sat,                 false",
    "2027-05-03, Mon after 劳动节,            true",
    "2027-10-01, 国庆节 Fri,                 false",
    "2027-10-04, Mon after 国庆节,            true",
    "2027-01-09, ordinary Sat,               false"
  })
  void aYearWithoutANoticeIsCountedByTheStatutoryRules(
      LocalDate date, String what, boolean working) {
    assertThat(calendar.isProvisional(date)).isTrue();
    assertThat(calendar.isWorkingDay(date)).as(what).isEqualTo(working);
  }

  @Test
  void walkingPastTheLastPublishedYearGoesOnProvisionally() {
    assertThat(calendar.nextWorkingDayAfter(LocalDate.parse("2026-12-31"))).isEqualTo("2027-01-04");
    assertThat(
            calendar.provisionalYearsBetween(
                LocalDate.parse("2026-12-30"), LocalDate.parse("2028-01-02")))
        .containsExactly(2027, 2028);
  }

  @Test
  void publishingAYearReplacesTheProvisionalRule() {
    WorkingDayCalendar own = TestCalendars.shipped();
    // A notice that makes Saturday 2027-01-09 a working day and adds 2027-01-04 as a bridge day.
    own.publish(
        new CalendarYear(
            2027,
            "test",
            "测试通知",
            java.util.Map.of(
                LocalDate.parse("2027-01-01"), "元旦", LocalDate.parse("2027-01-04"), "元旦"),
            java.util.Map.of(LocalDate.parse("2027-01-09"), "元旦")));

    assertThat(own.isProvisional(LocalDate.parse("2027-01-04"))).isFalse();
    assertThat(own.isWorkingDay(LocalDate.parse("2027-01-04"))).isFalse();
    assertThat(own.isWorkingDay(LocalDate.parse("2027-01-09"))).isTrue();
    assertThat(own.nextWorkingDayAfter(LocalDate.parse("2026-12-31"))).isEqualTo("2027-01-05");
  }
}
