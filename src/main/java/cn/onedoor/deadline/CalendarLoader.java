package cn.onedoor.deadline;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Reads the per-year calendar files and refuses any that look wrong. A mistake in these files silently moves legal
 * deadlines, so the checks are strict: unknown fields (a misspelt key would otherwise be ignored), a year that does
 * not match the file name, a range that ends before it starts, a make-up working day that is not a weekend day (it
 * would change nothing, so it is almost certainly a typo), and a day that is both a holiday and a working day.
 */
final class CalendarLoader {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarLoader.class);
  private static final Pattern FILE_NAME = Pattern.compile("cn-(\\d{4})\\.json");

  private static final ObjectMapper JSON = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private CalendarLoader() {
  }

  /**
   * Loads every {@code cn-YYYY.json} the locations match. When two locations hold the same year, the later one wins,
   * so an operator can correct a year (the State Council has amended a notice before, e.g. the 2020 Spring Festival
   * extension) from a directory outside the jar without a rebuild.
   */
  static List<CalendarYear> load(ResourcePatternResolver resolver, List<String> locations) {
    Map<Integer, CalendarYear> byYear = new TreeMap<>();
    for (String location : locations) {
      Resource[] resources;
      try {
        resources = resolver.getResources(location);
      } catch (IOException e) {
        throw new IllegalStateException("Cannot list calendar files at " + location, e);
      }
      for (Resource resource : resources) {
        String name = resource.getFilename();
        Matcher matcher = name == null ? null : FILE_NAME.matcher(name);
        if (matcher == null || !matcher.matches()) {
          LOG.debug("Ignoring {}: calendar files are named cn-YYYY.json", resource);
          continue;
        }
        CalendarYear year = read(resource, Integer.parseInt(matcher.group(1)));
        CalendarYear replaced = byYear.put(year.year(), year);
        if (replaced != null) {
          LOG.info("Calendar {} from {} replaces the one from {}", year.year(), year.origin(), replaced.origin());
        }
      }
    }
    return List.copyOf(byYear.values());
  }

  static CalendarYear read(Resource resource, int yearOfFileName) {
    String origin = resource.getDescription();
    CalendarFile file;
    try (InputStream in = resource.getInputStream()) {
      file = JSON.readValue(in, CalendarFile.class);
    } catch (IOException e) {
      throw new InvalidCalendarException(origin + ": not a valid calendar file: " + e.getMessage(), e);
    }
    return validate(file, yearOfFileName, origin);
  }

  static CalendarYear validate(CalendarFile file, int yearOfFileName, String origin) {
    List<String> problems = new ArrayList<>();
    if (file.year() == null || file.year() != yearOfFileName) {
      problems.add("\"year\" is " + file.year() + " but the file name says " + yearOfFileName);
    }
    if (file.source() == null || isBlank(file.source().notice())) {
      problems.add("\"source.notice\" must name the State Council notice the dates come from");
    }
    Map<LocalDate, String> holidays = new LinkedHashMap<>();
    if (file.holidays() == null || file.holidays().isEmpty()) {
      problems.add("\"holidays\" is empty; every year has public holidays");
    } else {
      for (HolidayRange range : file.holidays()) {
        if (isBlank(range.name()) || range.from() == null) {
          problems.add("a holiday needs \"name\" and \"from\": " + range);
          continue;
        }
        LocalDate to = range.to() == null ? range.from() : range.to();
        if (to.isBefore(range.from())) {
          problems.add("holiday " + range.name() + " ends (" + to + ") before it starts (" + range.from() + ")");
          continue;
        }
        for (LocalDate day = range.from(); !day.isAfter(to); day = day.plusDays(1)) {
          checkNearYear(day, yearOfFileName, problems);
          holidays.put(day, range.name());
        }
      }
    }
    Map<LocalDate, String> makeUpDays = new LinkedHashMap<>();
    if (file.makeUpWorkingDays() != null) {
      for (MakeUpDay makeUp : file.makeUpWorkingDays()) {
        if (makeUp.date() == null) {
          problems.add("a make-up working day needs \"date\"");
          continue;
        }
        checkNearYear(makeUp.date(), yearOfFileName, problems);
        DayOfWeek weekday = makeUp.date().getDayOfWeek();
        if (weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY) {
          problems.add("make-up working day " + makeUp.date() + " is a " + weekday
              + ", already a working day; a typo?");
        }
        if (holidays.containsKey(makeUp.date())) {
          problems.add(makeUp.date() + " is both a holiday and a make-up working day");
        }
        makeUpDays.put(makeUp.date(), isBlank(makeUp.forHoliday()) ? "" : makeUp.forHoliday());
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidCalendarException(origin + ": " + String.join("; ", problems), null);
    }
    String notice = file.source().notice()
        + (isBlank(file.source().number()) ? "" : "（" + file.source().number() + "）");
    return new CalendarYear(yearOfFileName, origin, notice, holidays, makeUpDays);
  }

  /** A notice may reach a few days into a neighbouring year (e.g. 元旦 from 30 December); further is a typo. */
  private static void checkNearYear(LocalDate day, int year, List<String> problems) {
    if (Math.abs(day.getYear() - year) > 1) {
      problems.add(day + " is far outside " + year);
    }
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }

  /** The file format: see any {@code calendar/cn-YYYY.json}. */
  record CalendarFile(
      Integer year, Source source, List<HolidayRange> holidays, List<MakeUpDay> makeUpWorkingDays) {
  }

  /** Where the dates come from, so a reviewer can check them against the notice. */
  record Source(String notice, String number, LocalDate issued, String url, String transcribed) {
  }

  /** Consecutive days off as the notice writes them ("1月28日至2月4日放假调休"); {@code to} defaults to {@code from}. */
  record HolidayRange(String name, LocalDate from, LocalDate to) {
  }

  /** A weekend day that is a working day ("1月26日（周日）上班"). */
  record MakeUpDay(LocalDate date, @JsonProperty("for") String forHoliday) {
  }

  /** A calendar file that must not be used; the application refuses to start rather than count with it. */
  static final class InvalidCalendarException extends RuntimeException {
    InvalidCalendarException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
