package cn.onedoor.deadline;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the working-day calendar files are read from.
 *
 * @param calendarLocations resource patterns, read in order; for the same year a later location
 *     wins, so an operator can add or correct a year from a directory outside the jar, e.g. {@code
 *     classpath*:calendar/cn-*.json, file:/etc/onedoor/calendar/cn-*.json}
 */
@ConfigurationProperties("onedoor.deadline")
record DeadlineProperties(
    @DefaultValue("classpath*:calendar/cn-*.json") List<String> calendarLocations) {}
