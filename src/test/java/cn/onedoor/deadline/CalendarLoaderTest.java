package cn.onedoor.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.onedoor.deadline.CalendarLoader.InvalidCalendarException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A wrong calendar file silently moves legal deadlines, so the loader must refuse the likely
 * mistakes.
 */
class CalendarLoaderTest {

  @TempDir Path dir;

  /**
   * A notice with exactly the statutory days of 2030 (元旦 first), each its own range, and one
   * make-up Saturday.
   */
  private static final String VALID_2030 =
      """
      {
        "year": 2030,
        "source": { "notice": "测试通知", "number": null, "issued": "2029-11-01", "url": null, "transcribed": "test" },
        "holidays": [ %s ],
        "makeUpWorkingDays": [ { "date": "2030-01-05", "for": "元旦" } ]
      }
      """
          .formatted(
              String.join(
                  ", ",
                  StatutoryHolidays.of(2030).entrySet().stream()
                      .map(
                          day ->
                              "{ \"name\": \""
                                  + day.getValue()
                                  + "\", \"from\": \""
                                  + day.getKey()
                                  + "\" }")
                      .toList()));

  @Test
  void aFileOutsideTheJarAddsAYear() throws IOException {
    write("cn-2030.json", VALID_2030);
    WorkingDayCalendar calendar =
        new WorkingDayCalendar(
            CalendarLoader.load(
                new PathMatchingResourcePatternResolver(),
                List.of("classpath*:calendar/cn-*.json", dir.toUri() + "cn-*.json")));

    assertThat(calendar.publishedYears()).contains(2025, 2026, 2030).doesNotContain(2027);
    assertThat(calendar.isWorkingDay(LocalDate.parse("2030-01-01"))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2030-01-05")))
        .as("make-up Saturday")
        .isTrue();
  }

  @Test
  void aLaterLocationReplacesTheSameYear() throws IOException {
    // As when the State Council amends a notice: the operator's corrected file wins over the
    // shipped one.
    String shipped =
        new String(
            new org.springframework.core.io.ClassPathResource("calendar/cn-2025.json")
                .getInputStream()
                .readAllBytes(),
            StandardCharsets.UTF_8);
    String amended =
        shipped.replace(
            "\"makeUpWorkingDays\": [",
            "\"makeUpWorkingDays\": [\n    { \"date\": \"2025-01-04\", \"for\": \"元旦\" },");
    assertThat(amended).as("fixture edit applies").isNotEqualTo(shipped);
    write("cn-2025.json", amended);
    WorkingDayCalendar calendar =
        new WorkingDayCalendar(
            CalendarLoader.load(
                new PathMatchingResourcePatternResolver(),
                List.of("classpath*:calendar/cn-*.json", dir.toUri() + "cn-*.json")));

    assertThat(calendar.isWorkingDay(LocalDate.parse("2025-01-04")))
        .as("the amended make-up Saturday")
        .isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2025-01-28"))).as("春节 as before").isFalse();
  }

  @Test
  void otherFileNamesAreIgnored() throws IOException {
    write("README.json", "not json at all");
    write("cn-2030.json", VALID_2030);
    assertThat(
            CalendarLoader.load(
                new PathMatchingResourcePatternResolver(), List.of(dir.toUri() + "*.json")))
        .extracting(CalendarYear::year)
        .containsExactly(2030);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "year differs from file name     | \"year\": 2030                  | \"year\": 2031                  | year: 年份为2031，应为2030",
        "make-up day on a weekday        | \"date\": \"2030-01-05\"        | \"date\": \"2030-01-07\"        | makeUpWorkingDays[0].date: 2030-01-07是星期一",
        "make-up day is also a holiday   | \"date\": \"2030-01-05\"        | \"date\": \"2030-01-01\"        | makeUpWorkingDays[0].date: 2030-01-01是节假日（元旦）",
        "range ends before it starts     | \"from\": \"2030-01-01\"        | \"from\": \"2030-01-03\", \"to\": \"2030-01-01\" | holidays[0].to: 结束日期2030-01-01早于起始日期2030-01-03",
        "misspelt key                    | \"makeUpWorkingDays\"           | \"makeupWorkingDays\"           | makeupWorkingDays: 未知字段",
        "no notice named                 | \"notice\": \"测试通知\"        | \"notice\": \"\"                | source.notice",
        "date outside the year           | \"from\": \"2030-01-01\"        | \"from\": \"2029-12-20\", \"to\": \"2030-01-01\" | holidays[0].from: 日期2029-12-20不在2030年内",
        "not a date                      | \"from\": \"2030-01-01\"        | \"from\": \"2030-13-01\"        | holidays[0].from: 格式有误",
        "unknown holiday name            | \"name\": \"元旦\"              | \"name\": \"圣诞节\"            | holidays[0].name: 未知的节日名称“圣诞节”",
        "overlapping holidays            | \"from\": \"2030-01-01\" }      | \"from\": \"2030-01-01\" }, { \"name\": \"元旦\", \"from\": \"2029-12-31\", \"to\": \"2030-01-01\" } | holidays[1]: 与holidays[0]（元旦）重叠：2030-01-01",
        "statutory day missing           | { \"name\": \"元旦\", \"from\": \"2030-01-01\" },  | ''                             | holidays: 缺少法定节假日2030-01-01（元旦",
      })
  void refusesAFileThatLooksWrong(String what, String replace, String with, String message)
      throws IOException {
    String broken = VALID_2030.replace(replace, with);
    assertThat(broken).as("fixture edit applies").isNotEqualTo(VALID_2030);
    write("cn-2030.json", broken);

    assertThatThrownBy(
            () ->
                CalendarLoader.load(
                    new PathMatchingResourcePatternResolver(), List.of(dir.toUri() + "cn-*.json")))
        .isInstanceOf(InvalidCalendarException.class)
        .hasMessageContaining("cn-2030.json")
        .hasMessageContaining(message);
  }

  private void write(String name, String content) throws IOException {
    Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }
}
