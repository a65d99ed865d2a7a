package cn.onedoor.deadline;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The county's clock and its working-day calendar, one of each for every deadline in the system.
 */
@Configuration(proxyBeanMethods = false)
// For CalendarPublication.refresh: a notice published on one node reaches the others within a
// minute.
@EnableScheduling
class DeadlineConfiguration {

  /**
   * The county's time zone, whatever the server's default: a legal day runs from 0:00 to 24:00
   * Beijing time.
   */
  static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");

  /**
   * One injectable clock, so that tests can fix "today" instead of depending on the day they run.
   */
  @Bean
  Clock clock() {
    return Clock.system(COUNTY_ZONE);
  }

  /**
   * The calendar files first, then the notices published through the API since (they win for their
   * year): both are read before any case counts a day.
   */
  @Bean
  WorkingDayCalendar workingDayCalendar(
      ResourceLoader resourceLoader, DeadlineProperties properties, JdbcTemplate jdbc) {
    Map<Integer, CalendarYear> years = new TreeMap<>();
    CalendarLoader.load(
            ResourcePatternUtils.getResourcePatternResolver(resourceLoader),
            properties.calendarLocations())
        .forEach(year -> years.put(year.year(), year));
    CalendarPublication.storedNotices(jdbc).forEach(year -> years.put(year.year(), year));
    return new WorkingDayCalendar(years.values());
  }
}
