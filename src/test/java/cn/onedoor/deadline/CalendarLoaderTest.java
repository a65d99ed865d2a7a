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

/** A wrong calendar file silently moves legal deadlines, so the loader must refuse the likely mistakes. */
class CalendarLoaderTest {

  @TempDir
  Path dir;

  private static final String VALID_2030 = """
      {
        "year": 2030,
        "source": { "notice": "测试通知", "number": null, "issued": "2029-11-01", "url": null, "transcribed": "test" },
        "holidays": [ { "name": "元旦", "from": "2030-01-01" } ],
        "makeUpWorkingDays": [ { "date": "2030-01-05", "for": "元旦" } ]
      }
      """;

  @Test
  void aFileOutsideTheJarAddsAYear() throws IOException {
    write("cn-2030.json", VALID_2030);
    WorkingDayCalendar calendar = new WorkingDayCalendar(CalendarLoader.load(new PathMatchingResourcePatternResolver(),
        List.of("classpath*:calendar/cn-*.json", dir.toUri() + "cn-*.json")));

    assertThat(calendar.coveredYears()).containsExactly(2025, 2026, 2030);
    assertThat(calendar.isWorkingDay(LocalDate.parse("2030-01-01"))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2030-01-05"))).as("make-up Saturday").isTrue();
  }

  @Test
  void aLaterLocationReplacesTheSameYear() throws IOException {
    // As when the State Council amends a notice: the operator's corrected file wins over the shipped one.
    write("cn-2025.json", VALID_2030.replace("2030", "2025").replace("2025-01-05", "2025-01-04"));
    WorkingDayCalendar calendar = new WorkingDayCalendar(CalendarLoader.load(new PathMatchingResourcePatternResolver(),
        List.of("classpath*:calendar/cn-*.json", dir.toUri() + "cn-*.json")));

    assertThat(calendar.isWorkingDay(LocalDate.parse("2025-01-28"))).as("春节 not in the replacement").isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2025-01-04"))).isTrue();
  }

  @Test
  void otherFileNamesAreIgnored() throws IOException {
    write("README.json", "not json at all");
    write("cn-2030.json", VALID_2030);
    assertThat(CalendarLoader.load(new PathMatchingResourcePatternResolver(), List.of(dir.toUri() + "*.json")))
        .extracting(CalendarYear::year).containsExactly(2030);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "year differs from file name     | \"year\": 2030                  | \"year\": 2031                  | file name says 2030",
      "make-up day on a weekday        | \"date\": \"2030-01-05\"        | \"date\": \"2030-01-07\"        | MONDAY",
      "make-up day is also a holiday   | \"date\": \"2030-01-05\"        | \"date\": \"2030-01-01\"        | both a holiday",
      "range ends before it starts     | \"from\": \"2030-01-01\"        | \"from\": \"2030-01-03\", \"to\": \"2030-01-01\" | before it starts",
      "misspelt key                    | \"makeUpWorkingDays\"           | \"makeupWorkingDays\"           | makeupWorkingDays",
      "no notice named                 | \"notice\": \"测试通知\"        | \"notice\": \"\"                | source.notice",
      "date far outside the year       | \"from\": \"2030-01-01\"        | \"from\": \"2033-01-01\"        | far outside",
      "not a date                      | \"from\": \"2030-01-01\"        | \"from\": \"2030-13-01\"        | not a valid calendar file",
  })
  void refusesAFileThatLooksWrong(String what, String replace, String with, String message) throws IOException {
    String broken = VALID_2030.replace(replace, with);
    assertThat(broken).as("fixture edit applies").isNotEqualTo(VALID_2030);
    write("cn-2030.json", broken);

    assertThatThrownBy(() -> CalendarLoader.load(new PathMatchingResourcePatternResolver(),
        List.of(dir.toUri() + "cn-*.json")))
        .isInstanceOf(InvalidCalendarException.class)
        .hasMessageContaining("cn-2030.json")
        .hasMessageContaining(message);
  }

  private void write(String name, String content) throws IOException {
    Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }
}
