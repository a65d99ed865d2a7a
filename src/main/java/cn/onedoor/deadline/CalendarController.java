package cn.onedoor.deadline;

import cn.onedoor.deadline.CalendarLoader.InvalidCalendarException;
import cn.onedoor.deadline.CalendarPublication.Published;
import cn.onedoor.identity.StaffGroups;
import cn.onedoor.web.InvalidParam;
import cn.onedoor.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The working-day calendar as people see and keep it: which years are published and which
 * provisional, each year's days off, and the administrators' door for publishing a year's notice
 * ({@code PUT /api/calendar/{year}}).
 */
@RestController
@RequestMapping("/api/calendar")
@Tag(
    name = "节假日安排 Holiday notices",
    description = "各年节假日安排（已公布 / 暂定）与公布 / Published and provisional years")
@SecurityRequirement(name = "basicAuth")
class CalendarController {

  /**
   * The years a notice can be given for: the present holiday system (2008) to a few years ahead.
   */
  static final int FIRST_YEAR = 2008;

  static final int YEARS_AHEAD = 5;

  record YearSummary(int year, boolean published, String source) {}

  record Overview(int currentYear, List<YearSummary> years, long openProvisionalClocks) {}

  record Day(LocalDate date, String name) {}

  record YearDays(
      int year,
      boolean published,
      String source,
      List<Day> holidays,
      List<Day> makeUpWorkingDays) {}

  private final WorkingDayCalendar calendar;
  private final CalendarPublication publication;
  private final ProvisionalDeadlines provisional;
  private final IdentityService identityService;
  private final Clock clock;

  CalendarController(
      WorkingDayCalendar calendar,
      CalendarPublication publication,
      ProvisionalDeadlines provisional,
      IdentityService identityService,
      Clock clock) {
    this.calendar = calendar;
    this.publication = publication;
    this.provisional = provisional;
    this.identityService = identityService;
    this.clock = clock;
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "各年节假日安排概况 / Which years are published and which provisional")
  Overview overview() {
    int current = LocalDate.now(clock).getYear();
    List<YearSummary> years = new ArrayList<>();
    for (int year = FIRST_YEAR; year <= current + 1; year++) {
      years.add(new YearSummary(year, calendar.isPublished(year), calendar.source(year)));
    }
    return new Overview(current, years, provisional.openProvisionalClocks());
  }

  @GetMapping(path = "/{year}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "某年的节假日与调休上班日 / One year's days off and make-up working days",
      description = "已公布的年份按国务院办公厅通知；暂定年份只有法定节假日（不含调休）。")
  YearDays year(@PathVariable String year) {
    int y = checkedYear(year);
    Map<LocalDate, String> holidays = new TreeMap<>();
    Map<LocalDate, String> makeUps = new TreeMap<>();
    calendar
        .notice(y)
        .ifPresentOrElse(
            notice -> {
              holidays.putAll(notice.holidays());
              makeUps.putAll(notice.makeUpWorkingDays());
            },
            () -> holidays.putAll(StatutoryHolidays.of(y)));
    return new YearDays(
        y, calendar.isPublished(y), calendar.source(y), days(holidays), days(makeUps));
  }

  @PutMapping(
      path = "/{year}",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "公布某年节假日安排（系统管理员）/ Publish a year's notice (administrators)",
      description =
          "请求体与 calendar/cn-YYYY.json 相同。公布后立即按新安排计算，并重新计算所有用到该年暂定日期的期限；" + "同一通知重复公布不产生变化。")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema =
                  @Schema(
                      example =
                          "{\"year\":2027,\"source\":{\"notice\":\"国务院办公厅关于2027年部分节假日安排的通知\"},"
                              + "\"holidays\":[{\"name\":\"元旦\",\"from\":\"2027-01-01\",\"to\":\"2027-01-03\"}],"
                              + "\"makeUpWorkingDays\":[]}")))
  @ApiResponse(responseCode = "200", description = "已公布 / Published")
  @ApiResponse(
      responseCode = "400",
      description = "通知有误，invalidParams 指出字段或日期 / What is wrong, by field",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
              schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "401", description = "未登录", content = @Content)
  @ApiResponse(responseCode = "403", description = "仅系统管理员可公布", content = @Content)
  ResponseEntity<?> publish(
      @Parameter(example = "2027") @PathVariable String year,
      @org.springframework.web.bind.annotation.RequestBody(required = false) byte[] body,
      HttpServletRequest request) {
    var authentication = identityService.getCurrentAuthentication();
    if (authentication == null
        || authentication.getGroupIds() == null
        || !authentication.getGroupIds().contains(StaffGroups.ADMINISTRATORS)) {
      return Problems.answer(HttpStatus.FORBIDDEN, "无权公布", "只有系统管理员可以公布节假日安排", List.of(), request);
    }
    int y = checkedYear(year);
    if (body == null || body.length == 0) {
      throw new InvalidCalendarException(
          "empty body",
          List.of(new CalendarLoader.CalendarProblem("body", "请求体为空，应为该年节假日安排的 JSON")),
          null);
    }
    Published published = publication.publish(y, body, authentication.getUserId());
    return ResponseEntity.ok(published);
  }

  @ExceptionHandler(InvalidCalendarException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidCalendarException e, HttpServletRequest request) {
    List<InvalidParam> params =
        e.problems().stream().map(p -> new InvalidParam(p.field(), p.reason())).toList();
    return Problems.answer(
        HttpStatus.BAD_REQUEST,
        "节假日安排有误，未公布",
        String.join("；", params.stream().map(p -> p.name() + "：" + p.reason()).toList()),
        params,
        request);
  }

  private int checkedYear(String year) {
    int current = LocalDate.now(clock).getYear();
    try {
      int y = Integer.parseInt(year);
      if (y >= FIRST_YEAR && y <= current + YEARS_AHEAD) {
        return y;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw new InvalidCalendarException(
        "year " + year,
        List.of(
            new CalendarLoader.CalendarProblem(
                "year",
                "年份应为" + FIRST_YEAR + "至" + (current + YEARS_AHEAD) + "之间的整数，收到“" + year + "”")),
        null);
  }

  private static List<Day> days(Map<LocalDate, String> days) {
    return days.entrySet().stream().map(e -> new Day(e.getKey(), e.getValue())).toList();
  }
}
