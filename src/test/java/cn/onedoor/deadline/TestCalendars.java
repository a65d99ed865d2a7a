package cn.onedoor.deadline;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The shipped calendar files and fixed clocks, for tests that need no Spring context. */
final class TestCalendars {

  private TestCalendars() {}

  static WorkingDayCalendar shipped() {
    return new WorkingDayCalendar(
        CalendarLoader.load(
            new PathMatchingResourcePatternResolver(), List.of("classpath*:calendar/cn-*.json")));
  }

  static Clock fixedAt(String localDateTime) {
    return Clock.fixed(
        LocalDateTime.parse(localDateTime).atZone(DeadlineService.ZONE).toInstant(),
        DeadlineService.ZONE);
  }
}
