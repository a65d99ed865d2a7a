package cn.onedoor.deadline;

import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Fixes "today" at 2025-10-15 09:00 Beijing for Spring tests, a day on which both shipped years are
 * current or next, so that the health of the calendar does not depend on the day the build runs.
 * Every Spring test of this package imports it, so they share one cached application context.
 */
@TestConfiguration(proxyBeanMethods = false)
class FixedClockConfiguration {

  @Bean
  @Primary
  Clock fixedClock() {
    return TestCalendars.fixedAt("2025-10-15T09:00:00");
  }
}
