package cn.onedoor.deadline;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/** The answer of {@code GET /api/deadlines}. */
@Schema(description = "期限计算结果 / A computed deadline")
record DeadlineAnswer(
    @Schema(description = "起算日（不计入期间）/ Start day, not counted", example = "2025-09-30")
        LocalDate start,
    @Schema(description = "期间长度 / Length of the period", example = "3") int amount,
    @Schema(
            description = "计算单位 / Unit",
            allowableValues = {"calendar", "working", "months", "years"})
        String unit,
    @Schema(description = "届满日为非工作日时是否顺延 / Whether an end on a day off moves") boolean roll,
    @Schema(
            description = "顺延前的期间最后一日 / Last day of the period before rolling",
            example = "2025-10-11")
        LocalDate periodEnd,
    @Schema(description = "期限届满日（当日24时届满）/ Due day, ending at midnight", example = "2025-10-11")
        LocalDate due,
    @Schema(description = "是否因节假日或休息日顺延 / Whether the end moved off a day off") boolean rolled,
    @Schema(description = "届满日星期 / Weekday of the due day", example = "星期六") String dueWeekday,
    @Schema(description = "计算说明 / How it was counted, in Chinese") List<String> notes,
    @Schema(
            description =
                "暂定：计算用到了尚未公布节假日安排的年份的日期，公布后自动重算 / Provisional: a day of a year "
                    + "without a published holiday notice decided it; recomputed when the notice is published")
        boolean provisional,
    @Schema(
            description =
                "计算用到的暂定年份 / The years without a published notice that the count looked at",
            example = "[2027]")
        List<Integer> provisionalYears) {

  static DeadlineAnswer of(Deadline deadline, WorkingDayCalendar calendar) {
    return new DeadlineAnswer(
        deadline.start(),
        deadline.amount(),
        DeadlineController.unitName(deadline.unit()),
        deadline.roll(),
        deadline.periodEnd(),
        deadline.due(),
        deadline.rolled(),
        DeadlineExplanation.weekday(deadline.due()),
        DeadlineExplanation.notes(deadline, calendar),
        deadline.provisional(),
        List.copyOf(deadline.provisionalYears()));
  }
}
