package cn.onedoor.deadline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Explains a computed deadline in the words staff use, so that a window clerk can tell a party why.
 */
final class DeadlineExplanation {

  private static final String WEEKDAYS = "一二三四五六日";

  private DeadlineExplanation() {}

  /** 星期一 … 星期日. */
  static String weekday(LocalDate day) {
    return "星期" + WEEKDAYS.charAt(day.getDayOfWeek().getValue() - 1);
  }

  static List<String> notes(Deadline deadline, WorkingDayCalendar calendar) {
    List<String> notes = new ArrayList<>();
    notes.add(counting(deadline));
    notes.add(lastDay(deadline, calendar));
    notes.add("期限届满日：" + dated(deadline.due()) + "24时。");
    if (deadline.provisional()) {
      notes.add(provisionalNote(deadline.provisionalYears()));
    }
    return notes;
  }

  private static String counting(Deadline d) {
    String start = "起算日" + d.start() + "不计入，";
    return switch (d.unit()) {
      case CALENDAR -> start + "自次日起算" + d.amount() + "日，期间最后一日为" + dated(d.periodEnd()) + "。";
      case WORKING -> "按工作日计算：" + start + "其后第" + d.amount() + "个工作日为" + dated(d.periodEnd()) + "。";
      case MONTHS, YEARS -> {
        String period = "按" + d.amount() + d.unit().chinese() + "计算：" + start;
        yield d.periodEnd().getDayOfMonth() == d.start().getDayOfMonth()
            ? period + "到期月的对应日" + dated(d.periodEnd()) + "为期间最后一日。"
            : period
                + "到期月没有对应日（"
                + d.start().getDayOfMonth()
                + "日），以该月最后一日"
                + dated(d.periodEnd())
                + "为期间最后一日。";
      }
    };
  }

  private static String lastDay(Deadline d, WorkingDayCalendar calendar) {
    LocalDate end = d.periodEnd();
    if (d.unit() == DeadlineUnit.WORKING && d.amount() > 0) {
      // The N-th working day is a working day by construction; say only why a weekend day counted.
      return calendar.isMakeUpWorkingDay(end) ? dated(end) + "为调休上班日，计为工作日。" : dated(end) + "为工作日。";
    }
    if (d.rolled()) {
      String why = calendar.holidayName(end).map(name -> "为法定节假日（" + name + "）").orElse("为休息日");
      String makeUp = calendar.isMakeUpWorkingDay(d.due()) ? "（调休上班日）" : "";
      return "期间最后一日" + dated(end) + why + "，顺延至其后第一个工作日" + dated(d.due()) + makeUp + "。";
    }
    if (calendar.isMakeUpWorkingDay(end)) {
      return dated(end) + "为调休上班日，是工作日，期限不顺延。";
    }
    if (calendar.isWorkingDay(end)) {
      return dated(end) + "为工作日，无需顺延。";
    }
    String why = calendar.holidayName(end).map(name -> "为法定节假日（" + name + "）").orElse("为休息日");
    return dated(end) + why + "，按请求不顺延（roll=false）。";
  }

  /** The sentence a party or a mediator reads beside a provisional due day. */
  static String provisionalNote(Collection<Integer> years) {
    String named = years.stream().map(year -> year + "年").collect(Collectors.joining("、"));
    return "暂定：" + named + "节假日安排尚未公布，暂按法定节假日和周末计算；公布后系统自动重新计算，届满日如有变化将另行告知。";
  }

  private static String dated(LocalDate day) {
    return day + "（" + weekday(day) + "）";
  }
}
