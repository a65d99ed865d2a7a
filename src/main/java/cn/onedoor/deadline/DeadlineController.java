package cn.onedoor.deadline;

import cn.onedoor.web.InvalidParam;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets staff check a deadline by hand ("if the agreement took effect on 9/30, when is the last day
 * to apply for confirmation?") with the same rules the processes use. Parameters arrive as text and
 * are checked here, so that every wrong one is named in a single answer rather than one per
 * attempt.
 */
@RestController
@RequestMapping("/api/deadlines")
@Tag(name = "期限计算 Deadlines", description = "按民事诉讼法第85条、民法典第201–203条计算期限届满日 / Legal due dates")
@SecurityRequirement(name = "basicAuth")
// The API's own login: the engine's users over HTTP Basic (see security/SecurityConfiguration).
@SecurityScheme(name = "basicAuth", type = SecuritySchemeType.HTTP, scheme = "basic")
class DeadlineController {

  static final int MAX_AMOUNT = 3650;
  static final LocalDate EARLIEST_START = LocalDate.of(2000, 1, 1);
  static final LocalDate LATEST_START = LocalDate.of(2090, 12, 31);
  static final LocalDate LATEST_END = LocalDate.of(2100, 12, 31);

  private final DeadlineService deadlines;

  DeadlineController(DeadlineService deadlines) {
    this.deadlines = deadlines;
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "计算期限届满日 / Compute a due date",
      description =
          "起算日不计入；期间届满日为法定节假日或休息日的，顺延至其后第一个工作日（可能是调休上班的周六、周日）；"
              + "届满日为调休上班日的不顺延；N个工作日即起算日后第N个工作日；按月、年计算的，到期月对应日为最后一日，"
              + "无对应日的为月末日。/ The start day is not counted; an end on a day off moves to the next working day; "
              + "months end on the same day of the month or the month's last day.")
  @ApiResponse(responseCode = "200", description = "届满日 / The due date")
  @ApiResponse(
      responseCode = "400",
      description = "参数无效，invalidParams 列出每个有误的参数 / Invalid parameters",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
              schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(
      responseCode = "401",
      description = "未登录 / HTTP Basic credentials required",
      content = @Content)
  DeadlineAnswer compute(
      @Parameter(
              description = "起算日（当日不计入）/ Start day, not counted",
              required = true,
              schema = @Schema(type = "string", format = "date", example = "2025-09-30"))
          @RequestParam(required = false)
          String start,
      @Parameter(
              description = "期间长度，0–3650 / Length of the period, 0 to 3650",
              required = true,
              schema = @Schema(type = "integer", minimum = "0", maximum = "3650", example = "3"))
          @RequestParam(required = false)
          String amount,
      @Parameter(
              description = "计算单位：calendar 日，working 工作日，months 月，years 年 / Unit",
              schema =
                  @Schema(
                      type = "string",
                      allowableValues = {"calendar", "working", "months", "years"},
                      defaultValue = "calendar"))
          @RequestParam(required = false)
          String unit,
      @Parameter(
              description = "届满日为非工作日时是否顺延，默认顺延 / Move an end on a day off to the next working day",
              schema = @Schema(type = "boolean", defaultValue = "true"))
          @RequestParam(required = false)
          String roll) {
    List<InvalidParam> invalid = new ArrayList<>();
    LocalDate startDay = parseStart(start, invalid);
    Integer length = parseAmount(amount, invalid);
    DeadlineUnit deadlineUnit = parseUnit(unit, invalid);
    Boolean rolls = parseRoll(roll, invalid);
    if (startDay != null && length != null && deadlineUnit != null) {
      endsInsideTheRules(startDay, length, deadlineUnit, invalid);
    }
    if (!invalid.isEmpty()) {
      throw new InvalidDeadlineQueryException(invalid);
    }
    Deadline deadline = deadlines.compute(startDay, length, deadlineUnit, rolls);
    return DeadlineAnswer.of(deadline, deadlines.calendar());
  }

  static String unitName(DeadlineUnit unit) {
    return unit.name().toLowerCase(Locale.ROOT);
  }

  private static LocalDate parseStart(String start, List<InvalidParam> invalid) {
    if (start == null || start.isBlank()) {
      invalid.add(new InvalidParam("start", "缺少起算日，格式为 YYYY-MM-DD"));
      return null;
    }
    try {
      LocalDate day = LocalDate.parse(start.trim());
      // The statutory holiday rules are computed for 2000-2100; a period of up to ten years must
      // end inside them.
      if (day.isBefore(EARLIEST_START) || day.isAfter(LATEST_START)) {
        invalid.add(
            new InvalidParam(
                "start", "起算日须在" + EARLIEST_START + "至" + LATEST_START + "之间，收到" + day));
        return null;
      }
      return day;
    } catch (DateTimeParseException e) {
      invalid.add(new InvalidParam("start", "起算日“" + start + "”不是有效日期，格式为 YYYY-MM-DD"));
      return null;
    }
  }

  private static Integer parseAmount(String amount, List<InvalidParam> invalid) {
    if (amount == null || amount.isBlank()) {
      invalid.add(new InvalidParam("amount", "缺少期间长度"));
      return null;
    }
    int value;
    try {
      value = Integer.parseInt(amount.trim());
    } catch (NumberFormatException e) {
      invalid.add(new InvalidParam("amount", "期间长度“" + amount + "”不是整数"));
      return null;
    }
    if (value < 0 || value > MAX_AMOUNT) {
      invalid.add(new InvalidParam("amount", "期间长度须在0到" + MAX_AMOUNT + "之间，收到" + value));
      return null;
    }
    return value;
  }

  /**
   * 3650 months from a start in 2026 end in 2331, past the years whose statutory holidays can be
   * derived (that answered 500, issue 18): the period must end by {@link #LATEST_END}. Working days
   * are bounded generously (at least five in every seven days, plus the longest holiday).
   */
  private static void endsInsideTheRules(
      LocalDate start, int amount, DeadlineUnit unit, List<InvalidParam> invalid) {
    LocalDate latestEnd =
        switch (unit) {
          case CALENDAR -> start.plusDays(amount);
          case WORKING -> start.plusDays(amount * 7L / 5 + 30);
          case MONTHS -> start.plusMonths(amount);
          case YEARS -> start.plusYears(amount);
        };
    if (latestEnd.isAfter(LATEST_END)) {
      invalid.add(
          new InvalidParam("amount", "期间届满日须不晚于" + LATEST_END + "（法定节假日只推算到2100年），请缩短期间或提前起算日"));
    }
  }

  private static DeadlineUnit parseUnit(String unit, List<InvalidParam> invalid) {
    if (unit == null || unit.isBlank()) {
      return DeadlineUnit.CALENDAR;
    }
    try {
      return DeadlineUnit.valueOf(unit.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      invalid.add(
          new InvalidParam("unit", "未知的计算单位“" + unit + "”，应为 calendar、working、months 或 years"));
      return null;
    }
  }

  private static Boolean parseRoll(String roll, List<InvalidParam> invalid) {
    if (roll == null || roll.isBlank()) {
      return true;
    }
    return switch (roll.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> {
        invalid.add(new InvalidParam("roll", "roll 应为 true 或 false，收到“" + roll + "”"));
        yield null;
      }
    };
  }
}
