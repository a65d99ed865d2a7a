package cn.onedoor.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a window clerk reads back to a party: each case of docs/domain.md §5 explained in its own
 * words.
 */
class DeadlineExplanationTest {

  private final WorkingDayCalendar calendar = TestCalendars.shipped();
  private final DeadlineService service =
      new DeadlineService(calendar, TestCalendars.fixedAt("2025-10-15T09:00:00"));

  @ParameterizedTest(name = "{0} + {1} {2} roll={3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2025-09-03 | 30 | CALENDAR | true  | 2025-10-03（星期五）为法定节假日（国庆节、中秋节），顺延至其后第一个工作日2025-10-09（星期四）。",
        "2025-09-20 | 30 | CALENDAR | true  | 2025-10-20（星期一）为工作日，无需顺延。",
        "2025-09-18 | 30 | CALENDAR | true  | 2025-10-18（星期六）为休息日，顺延至其后第一个工作日2025-10-20（星期一）。",
        "2025-12-31 |  1 | CALENDAR | true  | 顺延至其后第一个工作日2026-01-04（星期日）（调休上班日）。",
        "2025-09-11 | 30 | CALENDAR | true  | 2025-10-11（星期六）为调休上班日，是工作日，期限不顺延。",
        "2025-09-03 | 30 | CALENDAR | false | 2025-10-03（星期五）为法定节假日（国庆节、中秋节），按请求不顺延（roll=false）。",
        "2025-09-30 |  3 | WORKING  | true  | 2025-10-11（星期六）为调休上班日，计为工作日。",
        "2025-09-30 |  2 | WORKING  | true  | 2025-10-10（星期五）为工作日。",
        "2025-01-31 |  1 | MONTHS   | true  | 到期月没有对应日（31日），以该月最后一日2025-02-28（星期五）为期间最后一日。",
        "2025-08-16 |  2 | MONTHS   | true  | 到期月的对应日2025-10-16（星期四）为期间最后一日。",
        "2024-02-29 |  1 | YEARS    | true  | 按1年计算",
        "2026-12-20 | 15 | CALENDAR | false | 2027-01-04（星期一）为工作日，无需顺延。",
      })
  void explainsTheCase(
      LocalDate start, int amount, DeadlineUnit unit, boolean roll, String expected) {
    Deadline deadline = service.compute(start, amount, unit, roll);

    assertThat(DeadlineExplanation.notes(deadline, calendar))
        .hasSize(3)
        .anySatisfy(note -> assertThat(note).contains(expected))
        .last()
        .asString()
        .isEqualTo(
            "期限届满日："
                + deadline.due()
                + "（"
                + DeadlineExplanation.weekday(deadline.due())
                + "）24时。");
  }

  @Test
  void aProvisionalDueDaySaysWhyAndThatItWillBeRecomputed() {
    // 2026-12-17 + 15 days ends on 2027-01-01 (元旦, a statutory holiday) and rolls over the weekend.
    Deadline deadline =
        service.compute(LocalDate.parse("2026-12-17"), 15, DeadlineUnit.CALENDAR, true);

    assertThat(DeadlineExplanation.notes(deadline, calendar))
        .hasSize(4)
        .anySatisfy(note -> assertThat(note).contains("2027-01-01（星期五）为法定节假日（元旦）", "2027-01-04"))
        .last()
        .asString()
        .isEqualTo("暂定：2027年节假日安排尚未公布，暂按法定节假日和周末计算；" + "公布后系统自动重新计算，届满日如有变化将另行告知。");
  }

  @Test
  void namesWeekdaysInChinese() {
    assertThat(DeadlineExplanation.weekday(LocalDate.parse("2025-10-11"))).isEqualTo("星期六");
    assertThat(DeadlineExplanation.weekday(LocalDate.parse("2025-10-12"))).isEqualTo("星期日");
    assertThat(DeadlineExplanation.weekday(LocalDate.parse("2025-10-13"))).isEqualTo("星期一");
  }
}
