package cn.onedoor.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class WorkingDayCalendarHealthIndicatorTest {

  private final WorkingDayCalendar calendar = TestCalendars.shipped();

  @Test
  void upWithoutWarningWhenThisAndNextYearAreCovered() {
    Health health = healthOn("2025-06-01T12:00:00");

    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails())
        .containsEntry("coveredYears", List.of(2025, 2026))
        .containsEntry("currentYear", 2025)
        .containsEntry("missingYears", List.of())
        .doesNotContainKeys("warning", "error");
  }

  @Test
  void upWithAWarningWhenOnlyNextYearIsMissing() {
    Health health = healthOn("2026-11-29T12:00:00");

    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsEntry("missingYears", List.of(2027)).doesNotContainKey("error");
    assertThat((String) health.getDetails().get("warning")).contains("2027", "cn-2027.json");
  }

  @Test
  void downWhenThisYearIsMissing() {
    Health health = healthOn("2027-01-01T00:30:00");

    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails()).containsEntry("missingYears", List.of(2027, 2028));
    assertThat((String) health.getDetails().get("error")).contains("2027");
  }

  @Test
  void theYearChangesAtMidnightBeijingTimeNotUtc() {
    // 2026-12-31T16:30Z is already 1 January 2027 in Beijing, even for a clock whose own zone is UTC.
    Clock utc = Clock.fixed(Instant.parse("2026-12-31T16:30:00Z"), ZoneOffset.UTC);
    Health health = new WorkingDayCalendarHealthIndicator(calendar, utc).health();
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails()).containsEntry("currentYear", 2027);
  }

  private Health healthOn(String beijingDateTime) {
    return new WorkingDayCalendarHealthIndicator(calendar, TestCalendars.fixedAt(beijingDateTime)).health();
  }
}
