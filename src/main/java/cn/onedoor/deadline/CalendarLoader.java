package cn.onedoor.deadline;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
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
 * Reads the per-year calendar files (and notices published through the API) and refuses any that
 * look wrong. A mistake in a notice silently moves legal deadlines, so the checks are strict:
 * unknown fields (a misspelt key would otherwise be ignored), a year that does not match, a day
 * outside the year, overlapping holidays, unknown holiday names, a make-up working day that is not
 * a weekend day (it would change nothing, so it is almost certainly a typo) or that is a holiday
 * too, and a statutory holiday day missing.
 */
final class CalendarLoader {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarLoader.class);
  private static final Pattern FILE_NAME = Pattern.compile("cn-(\\d{4})\\.json");

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private CalendarLoader() {}

  /**
   * Loads every {@code cn-YYYY.json} the locations match. When two locations hold the same year,
   * the later one wins, so an operator can correct a year (the State Council has amended a notice
   * before, e.g. the 2020 Spring Festival extension) from a directory outside the jar without a
   * rebuild.
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
          LOG.info(
              "Calendar {} from {} replaces the one from {}",
              year.year(),
              year.origin(),
              replaced.origin());
        }
      }
    }
    return List.copyOf(byYear.values());
  }

  static CalendarYear read(Resource resource, int yearOfFileName) {
    String origin = resource.getDescription();
    try (InputStream in = resource.getInputStream()) {
      return parse(in.readAllBytes(), yearOfFileName, origin);
    } catch (IOException e) {
      throw new InvalidCalendarException(
          origin + ": cannot be read: " + e.getMessage(), List.of(), e);
    }
  }

  /** Reads and checks one notice as JSON, from a file or from {@code PUT /api/calendar/{year}}. */
  static CalendarYear parse(byte[] json, int year, String origin) {
    CalendarFile file;
    try {
      file = JSON.readValue(json, CalendarFile.class);
    } catch (IOException e) {
      String field =
          e instanceof JsonMappingException mapping
              ? mapping.getPath().stream()
                  .map(CalendarLoader::pathElement)
                  .reduce("", String::concat)
              : "";
      String reason =
          e instanceof UnrecognizedPropertyException
              ? "未知字段（日历文件只有 year、source、holidays、makeUpWorkingDays）"
              : e instanceof InvalidFormatException ? "格式有误（日期应为 YYYY-MM-DD）" : "不是有效的日历 JSON";
      List<CalendarProblem> problems =
          List.of(
              new CalendarProblem(
                  field.isEmpty() ? "body" : field.substring(field.startsWith(".") ? 1 : 0),
                  reason));
      throw new InvalidCalendarException(
          origin + ": " + describe(problems) + " (" + e.getMessage() + ")", problems, e);
    }
    return validate(file, year, origin);
  }

  private static String pathElement(JsonMappingException.Reference reference) {
    return reference.getFieldName() != null
        ? "." + reference.getFieldName()
        : "[" + reference.getIndex() + "]";
  }

  /**
   * The checks, each naming the field at fault: the year as named; every day inside that year (a
   * notice may start 元旦 in the last week of the previous December, with a make-up day there); no
   * two holidays overlapping; only the holidays' own names; a make-up working day only on a weekend
   * and never on a holiday; every statutory holiday day of the rules in force that year present.
   */
  static CalendarYear validate(CalendarFile file, int year, String origin) {
    List<CalendarProblem> problems = new ArrayList<>();
    if (file.year() == null || file.year() != year) {
      problems.add(new CalendarProblem("year", "年份为" + file.year() + "，应为" + year));
    }
    if (file.source() == null || isBlank(file.source().notice())) {
      problems.add(new CalendarProblem("source.notice", "请写明节假日安排所依据的国务院办公厅通知名称"));
    }
    Map<LocalDate, String> holidays = new LinkedHashMap<>();
    Map<LocalDate, String> holidayField = new LinkedHashMap<>();
    if (file.holidays() == null || file.holidays().isEmpty()) {
      problems.add(new CalendarProblem("holidays", "节假日不能为空"));
    } else {
      for (int i = 0; i < file.holidays().size(); i++) {
        HolidayRange range = file.holidays().get(i);
        String field = "holidays[" + i + "]";
        if (range == null || isBlank(range.name())) {
          problems.add(new CalendarProblem(field + ".name", "缺少节日名称"));
          continue;
        }
        if (!StatutoryHolidays.isKnownName(range.name())) {
          problems.add(new CalendarProblem(field + ".name", "未知的节日名称“" + range.name() + "”"));
        }
        if (range.from() == null) {
          problems.add(new CalendarProblem(field + ".from", "缺少起始日期"));
          continue;
        }
        LocalDate to = range.to() == null ? range.from() : range.to();
        if (to.isBefore(range.from())) {
          problems.add(new CalendarProblem(field + ".to", "结束日期" + to + "早于起始日期" + range.from()));
          continue;
        }
        for (LocalDate day = range.from(); !day.isAfter(to); day = day.plusDays(1)) {
          if (!inYear(day, year, range.name())) {
            problems.add(
                new CalendarProblem(
                    day.equals(range.from()) ? field + ".from" : field + ".to",
                    "日期" + day + "不在" + year + "年内"));
            break;
          }
          String earlier = holidayField.putIfAbsent(day, field);
          if (earlier != null) {
            problems.add(
                new CalendarProblem(field, "与" + earlier + "（" + holidays.get(day) + "）重叠：" + day));
            break;
          }
          holidays.put(day, range.name());
        }
      }
    }
    Map<LocalDate, String> makeUpDays = new LinkedHashMap<>();
    List<MakeUpDay> makeUps =
        file.makeUpWorkingDays() == null ? List.of() : file.makeUpWorkingDays();
    for (int i = 0; i < makeUps.size(); i++) {
      MakeUpDay makeUp = makeUps.get(i);
      String field = "makeUpWorkingDays[" + i + "]";
      if (makeUp == null || makeUp.date() == null) {
        problems.add(new CalendarProblem(field + ".date", "缺少调休上班日期"));
        continue;
      }
      String forHoliday = isBlank(makeUp.forHoliday()) ? "" : makeUp.forHoliday();
      if (!forHoliday.isEmpty() && !StatutoryHolidays.isKnownName(forHoliday)) {
        problems.add(new CalendarProblem(field + ".for", "未知的节日名称“" + forHoliday + "”"));
      }
      if (!inYear(makeUp.date(), year, forHoliday)) {
        problems.add(
            new CalendarProblem(field + ".date", "日期" + makeUp.date() + "不在" + year + "年内"));
      }
      DayOfWeek weekday = makeUp.date().getDayOfWeek();
      if (weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY) {
        problems.add(
            new CalendarProblem(
                field + ".date",
                makeUp.date()
                    + "是"
                    + DeadlineExplanation.weekday(makeUp.date())
                    + "，本来就是工作日，调休上班日只能是周六或周日"));
      }
      if (holidays.containsKey(makeUp.date())) {
        problems.add(
            new CalendarProblem(
                field + ".date",
                makeUp.date() + "是节假日（" + holidays.get(makeUp.date()) + "），不能同时是调休上班日"));
      }
      makeUpDays.put(makeUp.date(), forHoliday);
    }
    if (file.holidays() != null && !file.holidays().isEmpty()) {
      StatutoryHolidays.of(year)
          .forEach(
              (day, name) -> {
                if (!holidays.containsKey(day)) {
                  problems.add(
                      new CalendarProblem(
                          "holidays",
                          "缺少法定节假日"
                              + day
                              + "（"
                              + name
                              + "，"
                              + StatutoryHolidays.rulesInForce(year)
                              + "）"));
                }
              });
    }
    if (!problems.isEmpty()) {
      throw new InvalidCalendarException(origin + ": " + describe(problems), problems, null);
    }
    String notice =
        file.source().notice()
            + (isBlank(file.source().number()) ? "" : "（" + file.source().number() + "）");
    return new CalendarYear(year, origin, notice, holidays, makeUpDays);
  }

  /**
   * A day of the notice's own year, or 元旦 (and its make-up day) in the last week of the previous
   * December.
   */
  private static boolean inYear(LocalDate day, int year, String holiday) {
    return day.getYear() == year
        || (holiday != null
            && holiday.contains(StatutoryHolidays.NEW_YEAR)
            && day.getYear() == year - 1
            && day.getMonthValue() == 12
            && day.getDayOfMonth() >= 25);
  }

  private static String describe(List<CalendarProblem> problems) {
    return String.join("; ", problems.stream().map(p -> p.field() + ": " + p.reason()).toList());
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }

  /** The file format: see any {@code calendar/cn-YYYY.json}. */
  record CalendarFile(
      Integer year,
      Source source,
      List<HolidayRange> holidays,
      List<MakeUpDay> makeUpWorkingDays) {}

  /** Where the dates come from, so a reviewer can check them against the notice. */
  record Source(String notice, String number, LocalDate issued, String url, String transcribed) {}

  /**
   * Consecutive days off as the notice writes them ("1月28日至2月4日放假调休"); {@code to} defaults to
   * {@code from}.
   */
  record HolidayRange(String name, LocalDate from, LocalDate to) {}

  /** A weekend day that is a working day ("1月26日（周日）上班"). */
  record MakeUpDay(LocalDate date, @JsonProperty("for") String forHoliday) {}

  /**
   * One thing wrong in a notice: the JSON field (e.g. {@code holidays[2].from}) and why, in
   * Chinese.
   */
  record CalendarProblem(String field, String reason) {}

  /**
   * A calendar file that must not be used; the application refuses to start rather than count with
   * it.
   */
  static final class InvalidCalendarException extends RuntimeException {

    private final List<CalendarProblem> problems;

    InvalidCalendarException(String message, List<CalendarProblem> problems, Throwable cause) {
      super(message, cause);
      this.problems = List.copyOf(problems);
    }

    List<CalendarProblem> problems() {
      return problems;
    }
  }
}
