package cn.onedoor.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.deadline.CalendarLoader.CalendarFile;
import cn.onedoor.deadline.CalendarLoader.HolidayRange;
import cn.onedoor.deadline.CalendarLoader.MakeUpDay;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every shipped calendar file against the rules of its year and against the other files. A
 * transcription slip in one of them moves legal deadlines silently, so each year is its own case
 * and every problem in it is listed.
 */
class PublishedCalendarsTest {

  /** The shipped files as written (ranges, not flattened to days), by year of the file name. */
  private static final Map<Integer, CalendarFile> FILES = new TreeMap<>();

  /** A 元旦 may start in the last week of December before (e.g. 2018-12-30 for 2019). */
  private static final MonthDay LAST_WEEK_OF_DECEMBER = MonthDay.of(12, 25);

  static {
    ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    try {
      for (Resource resource :
          new PathMatchingResourcePatternResolver().getResources("classpath*:calendar/cn-*.json")) {
        int year = Integer.parseInt(resource.getFilename().replaceAll("\\D", ""));
        // The loader's own checks first: a file it refuses would stop the application.
        CalendarLoader.read(resource, year);
        try (InputStream in = resource.getInputStream()) {
          FILES.put(year, json.readValue(in, CalendarFile.class));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void everyYearFrom2008To2026IsShippedWithoutAGap() {
    // Update the last year here when a new notice is added; a gap would make deadlines across it
    // throw.
    assertThat(FILES.keySet())
        .containsExactlyElementsOf(IntStream.rangeClosed(2008, 2026).boxed().toList());
  }

  static IntStream years() {
    return FILES.keySet().stream().mapToInt(Integer::intValue);
  }

  @ParameterizedTest(name = "cn-{0}.json")
  @MethodSource("years")
  void theFileFollowsTheRulesOfItsYear(int year) {
    CalendarFile file = FILES.get(year);
    SoftAssertions softly = new SoftAssertions();

    Map<LocalDate, String> rangeNameByDay = new TreeMap<>();
    for (HolidayRange range : file.holidays()) {
      softly
          .assertThat(StatutoryHolidays.isKnownName(range.name()))
          .as("known holiday name: %s", range.name())
          .isTrue();
      for (LocalDate day : days(range)) {
        softly
            .assertThat(isInYear(day, year, range.name()))
            .as("%s %s inside %s", range.name(), day, year)
            .isTrue();
        rangeNameByDay.put(day, range.name());
      }
    }

    for (MakeUpDay makeUp : file.makeUpWorkingDays()) {
      LocalDate day = makeUp.date();
      softly
          .assertThat(day.getDayOfWeek())
          .as("make-up day %s is a weekend day", day)
          .isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
      softly
          .assertThat(isInYear(day, year, makeUp.forHoliday()))
          .as("make-up day %s inside %s", day, year)
          .isTrue();
      softly
          .assertThat(file.holidays())
          .as("make-up day %s is for a holiday of this notice", day)
          .extracting(HolidayRange::name)
          .contains(makeUp.forHoliday());
      FILES.forEach(
          (otherYear, other) ->
              other
                  .holidays()
                  .forEach(
                      range ->
                          softly
                              .assertThat(days(range))
                              .as(
                                  "make-up day %s vs holiday %s of cn-%s",
                                  day, range.name(), otherYear)
                              .doesNotContain(day)));
    }

    for (HolidayRange range : file.holidays()) {
      FILES.forEach(
          (otherYear, other) ->
              other.holidays().stream()
                  .filter(otherRange -> otherRange != range)
                  .forEach(
                      otherRange ->
                          softly
                              .assertThat(overlap(range, otherRange))
                              .as(
                                  "%s %s–%s overlaps %s %s–%s of cn-%s",
                                  range.name(),
                                  range.from(),
                                  range.to(),
                                  otherRange.name(),
                                  otherRange.from(),
                                  otherRange.to(),
                                  otherYear)
                              .isFalse()));
    }

    StatutoryHolidays.of(year)
        .forEach(
            (day, names) -> {
              for (String name : names.split(StatutoryHolidays.SEPARATOR)) {
                softly
                    .assertThat(rangeNameByDay.get(day))
                    .as("statutory %s %s under %s", name, day, StatutoryHolidays.rulesInForce(year))
                    .isNotNull()
                    .contains(name);
              }
            });

    softly.assertAll();
  }

  /**
   * Inside its year, or a 元旦 (range or make-up day) reaching back into the last week of the
   * previous December.
   */
  private static boolean isInYear(LocalDate day, int year, String holiday) {
    if (day.getYear() == year) {
      return true;
    }
    return StatutoryHolidays.NEW_YEAR.equals(holiday)
        && day.getYear() == year - 1
        && !MonthDay.from(day).isBefore(LAST_WEEK_OF_DECEMBER);
  }

  private static List<LocalDate> days(HolidayRange range) {
    List<LocalDate> days = new ArrayList<>();
    LocalDate to = range.to() == null ? range.from() : range.to();
    for (LocalDate day = range.from(); !day.isAfter(to); day = day.plusDays(1)) {
      days.add(day);
    }
    return days;
  }

  private static boolean overlap(HolidayRange a, HolidayRange b) {
    LocalDate aTo = a.to() == null ? a.from() : a.to();
    LocalDate bTo = b.to() == null ? b.from() : b.to();
    return !a.from().isAfter(bTo) && !b.from().isAfter(aTo);
  }
}
