package cn.onedoor.deadline;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;

/** The county's clock and its working-day calendar, one of each for every deadline in the system. */
@Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

  /** The county's time zone, whatever the server's default: a legal day runs from 0:00 to 24:00 Beijing time. */
  static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");

  /** One injectable clock, so that tests can fix "today" instead of depending on the day they run. */
  @Bean
  Clock clock() {
    return Clock.system(COUNTY_ZONE);
  }

  @Bean
  WorkingDayCalendar workingDayCalendar(ResourceLoader resourceLoader, DeadlineProperties properties) {
    return new WorkingDayCalendar(CalendarLoader.load(
        ResourcePatternUtils.getResourcePatternResolver(resourceLoader), properties.calendarLocations()));
  }
}
