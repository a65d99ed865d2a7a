package cn.onedoor.simulation;

import cn.onedoor.identity.StaffGroups;
import cn.onedoor.identity.StaffRole;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Date;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code ${simulatedSystems.group()}} and {@code ${simulatedSystems.due(3)}} in the simulated
 * systems' diagrams: who plays the court and the legal-aid centre, and when a simulated decision is
 * due (calendar days, not rolled: the simulation needs no working-day calendar, so it also works in
 * a year not yet published).
 */
@Component("simulatedSystems")
@ConditionalOnProperty(name = "onedoor.simulation.enabled", havingValue = "true")
public class SimulatedSystems {

  private final String group;
  private final Clock clock;

  SimulatedSystems(@Value("${onedoor.county.code}") String countyCode, Clock clock) {
    this.group = StaffGroups.groupId(StaffRole.SIMULATOR, "county", countyCode);
    this.clock = clock;
  }

  public String group() {
    return group;
  }

  public Date due(int days) {
    return Date.from(ZonedDateTime.now(clock).plusDays(days).toInstant());
  }
}
