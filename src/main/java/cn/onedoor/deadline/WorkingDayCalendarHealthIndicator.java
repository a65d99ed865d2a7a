package cn.onedoor.deadline;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
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
 * Whether deadlines are being counted on provisional days. Shown by Actuator as the {@code
 * workingDayCalendar} health component (the bean name less "HealthIndicator"), and as the
 * Prometheus gauge {@code onedoor_deadlines_provisional_open_clocks}.
 *
 * <p>Always UP: a year without a notice is counted by the statutory rules and nothing stops. It
 * carries a {@code warning} while any open clock is provisional, and from 1 November whenever next
 * year's notice is not published yet (the State Council usually publishes it in October–December):
 * an administrator should publish it as soon as it appears, and the provisional clocks are then
 * recomputed.
 */
@Component
class WorkingDayCalendarHealthIndicator implements HealthIndicator, MeterBinder {

  private static final Logger LOG =
      LoggerFactory.getLogger(WorkingDayCalendarHealthIndicator.class);

  private final WorkingDayCalendar calendar;
  private final ProvisionalDeadlines provisional;
  private final Clock clock;

  WorkingDayCalendarHealthIndicator(
      WorkingDayCalendar calendar, ProvisionalDeadlines provisional, Clock clock) {
    this.calendar = calendar;
    this.provisional = provisional;
    this.clock = clock;
  }

  @Override
  public Health health() {
    LocalDate today = today();
    List<Integer> provisionalYears = provisionalYearsToWatch(today);
    long openProvisional = provisional.openProvisionalClocks();
    Health.Builder health =
        Health.up()
            .withDetail("publishedYears", List.copyOf(calendar.publishedYears()))
            .withDetail("currentYear", today.getYear())
            .withDetail("provisionalYears", provisionalYears)
            .withDetail("openProvisionalClocks", openProvisional);
    String warning = warning(provisionalYears, openProvisional);
    if (warning != null) {
      health.withDetail("warning", warning);
    }
    return health.build();
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder(
            "onedoor.deadlines.provisional.open.clocks",
            provisional,
            ProvisionalDeadlines::openProvisionalClocks)
        .description(
            "Open clocks whose due date counted a day of a year without a published holiday notice")
        .register(registry);
  }

  @EventListener(ApplicationReadyEvent.class)
  void warnAtStart() {
    String warning = warning(provisionalYearsToWatch(today()), provisional.openProvisionalClocks());
    if (warning != null) {
      LOG.warn("Working-day calendar: {} (published: {})", warning, calendar.publishedYears());
    } else {
      LOG.info("Working-day calendar: notices published for {}", calendar.publishedYears());
    }
  }

  /** This year when it has no notice; next year too from 1 November. */
  private List<Integer> provisionalYearsToWatch(LocalDate today) {
    List<Integer> years = new ArrayList<>();
    if (!calendar.isPublished(today.getYear())) {
      years.add(today.getYear());
    }
    if (today.getMonth().compareTo(Month.NOVEMBER) >= 0
        && !calendar.isPublished(today.getYear() + 1)) {
      years.add(today.getYear() + 1);
    }
    return years;
  }

  private static String warning(List<Integer> provisionalYears, long openProvisional) {
    List<String> parts = new ArrayList<>();
    if (!provisionalYears.isEmpty()) {
      parts.add(
          String.join("、", provisionalYears.stream().map(y -> y + "年").toList())
              + "节假日安排尚未公布，暂按法定节假日计算；国务院办公厅通知发布后，请系统管理员在“节假日安排”页面公布");
    }
    if (openProvisional > 0) {
      parts.add(openProvisional + "个进行中的期限为暂定，公布后自动重新计算");
    }
    return parts.isEmpty() ? null : String.join("；", parts);
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), DeadlineConfiguration.COUNTY_ZONE);
  }
}
