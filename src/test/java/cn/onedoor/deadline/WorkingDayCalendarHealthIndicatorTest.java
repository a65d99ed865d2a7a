package cn.onedoor.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** A year without a notice never takes the service down; it warns where an operator looks. */
class WorkingDayCalendarHealthIndicatorTest {

  private final WorkingDayCalendar calendar = TestCalendars.shipped();

  @Test
  void upWithoutWarningInSummerWithNoProvisionalClock() {
    Health health = healthOn("2026-06-01T12:00:00", 0);

    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails())
        .containsEntry("currentYear", 2026)
        .containsEntry("provisionalYears", List.of())
        .containsEntry("openProvisionalClocks", 0L)
        .doesNotContainKeys("warning", "error");
  }

  @Test
  void fromTheFirstOfNovemberAMissingNextYearIsAWarning() {
    assertThat(healthOn("2026-10-31T12:00:00", 0).getDetails()).doesNotContainKey("warning");

    Health health = healthOn("2026-11-01T08:00:00", 0);
    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsEntry("provisionalYears", List.of(2027));
    assertThat((String) health.getDetails().get("warning")).contains("2027年节假日安排尚未公布", "节假日安排");
  }

  @Test
  void openProvisionalClocksAreAWarningWhateverTheMonth() {
    Health health = healthOn("2026-06-01T12:00:00", 3);

    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsEntry("openProvisionalClocks", 3L);
    assertThat((String) health.getDetails().get("warning")).contains("3个进行中的期限为暂定");
  }

  @Test
  void aCurrentYearWithoutANoticeIsStillUp() {
    Health health = healthOn("2027-01-01T00:30:00", 0);

    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsEntry("provisionalYears", List.of(2027));
  }

  @Test
  void theYearChangesAtMidnightBeijingTimeNotUtc() {
    // 2026-12-31T16:30Z is already 1 January 2027 in Beijing, even for a clock whose own zone is
    // UTC.
    Clock utc = Clock.fixed(Instant.parse("2026-12-31T16:30:00Z"), ZoneOffset.UTC);
    Health health = new WorkingDayCalendarHealthIndicator(calendar, openClocks(0), utc).health();
    assertThat(health.getDetails()).containsEntry("currentYear", 2027);
  }

  private Health healthOn(String beijingDateTime, long openProvisional) {
    return new WorkingDayCalendarHealthIndicator(
            calendar, openClocks(openProvisional), TestCalendars.fixedAt(beijingDateTime))
        .health();
  }

  private static ProvisionalDeadlines openClocks(long count) {
    return new ProvisionalDeadlines(null, Clock.systemUTC()) {
      @Override
      public long openProvisionalClocks() {
        return count;
      }
    };
  }
}
