package cn.onedoor.deadline;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Whether the working-day calendar covers the years deadlines are counted in now. Shown by Actuator as the
 * {@code workingDayCalendar} health component (the bean name less "HealthIndicator").
 * <ul>
 *   <li>DOWN when this year is missing: working-day clocks cannot be computed at all.</li>
 *   <li>UP with a {@code warning} when only next year is missing: that is normal until the State Council publishes
 *       its notice (usually in October–December), but any period that ends next year cannot be rolled yet.</li>
 * </ul>
 * The same check writes a WARN line at start, so that an operator reading the log sees it without asking.
 */
@Component
class WorkingDayCalendarHealthIndicator implements HealthIndicator {

  private static final Logger LOG = LoggerFactory.getLogger(WorkingDayCalendarHealthIndicator.class);

  private final WorkingDayCalendar calendar;
  private final Clock clock;

  WorkingDayCalendarHealthIndicator(WorkingDayCalendar calendar, Clock clock) {
    this.calendar = calendar;
    this.clock = clock;
  }

  @Override
  public Health health() {
    int currentYear = today().getYear();
    int nextYear = currentYear + 1;
    List<Integer> missing = new ArrayList<>();
    if (!calendar.covers(currentYear)) {
      missing.add(currentYear);
    }
    if (!calendar.covers(nextYear)) {
      missing.add(nextYear);
    }
    Health.Builder health = calendar.covers(currentYear) ? Health.up() : Health.down();
    health.withDetail("coveredYears", List.copyOf(calendar.coveredYears()))
        .withDetail("currentYear", currentYear)
        .withDetail("missingYears", missing);
    if (!calendar.covers(currentYear)) {
      health.withDetail("error", "缺少" + currentYear + "年工作日历（calendar/cn-" + currentYear
          + ".json），按工作日计算和顺延的期限无法计算");
    } else if (!calendar.covers(nextYear)) {
      health.withDetail("warning", "尚未配置" + nextYear + "年工作日历：国务院公布" + nextYear
          + "年部分节假日安排后，请添加 calendar/cn-" + nextYear + ".json；届满日在" + nextYear + "年的期限暂不能计算");
    }
    return health.build();
  }

  @EventListener(ApplicationReadyEvent.class)
  void warnAboutMissingYears() {
    int currentYear = today().getYear();
    if (!calendar.covers(currentYear)) {
      LOG.error("No working-day calendar for the current year {} (covered: {}): every working-day deadline and "
          + "every rolled deadline will fail. Add calendar/cn-{}.json.", currentYear, calendar.coveredYears(),
          currentYear);
    } else if (!calendar.covers(currentYear + 1)) {
      LOG.warn("No working-day calendar yet for next year {} (covered: {}): deadlines ending in {} cannot be "
          + "computed until calendar/cn-{}.json is added from the State Council's notice.", currentYear + 1,
          calendar.coveredYears(), currentYear + 1, currentYear + 1);
    } else {
      LOG.info("Working-day calendar covers {}", calendar.coveredYears());
    }
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), DeadlineConfiguration.COUNTY_ZONE);
  }
}
