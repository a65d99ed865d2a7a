package cn.onedoor.supervision;

import cn.onedoor.identity.StaffGroups;
import cn.onedoor.identity.StaffRole;
import java.util.Collection;
import java.util.Optional;

/**
 * Whose data a supervisor sees, decided in this one place: a county supervisor or county leader
 * ({@code supervisor:county:*}, {@code supervisor:leader:*}) the whole county; a town supervisor
 * ({@code supervisor:town:<code>}) that town and its villages; anyone else nothing. Per-unit engine authorizations are
 * another issue's; this rule only guards the supervisors' page and its API.
 *
 * @param townCode null for the whole county
 * @param level COUNTY, LEADER or TOWN: the rung a supervision order issued by this person starts from
 */
public record SupervisionScope(String userId, String townCode, String level) {

  static final String COUNTY = "COUNTY";
  static final String LEADER = "LEADER";
  static final String TOWN = "TOWN";

  private static final String SUPERVISOR = StaffRole.SUPERVISOR.id() + StaffGroups.SEPARATOR;

  /** The widest scope the person's groups give, or empty when they supervise nothing. */
  public static Optional<SupervisionScope> of(String userId, Collection<String> groups) {
    if (groups.stream().anyMatch(group -> group.startsWith(SUPERVISOR + "leader:"))) {
      return Optional.of(new SupervisionScope(userId, null, LEADER));
    }
    if (groups.stream().anyMatch(group -> group.startsWith(SUPERVISOR + "county:"))) {
      return Optional.of(new SupervisionScope(userId, null, COUNTY));
    }
    return groups.stream().filter(group -> group.startsWith(SUPERVISOR + "town:")).findFirst()
        .map(group -> new SupervisionScope(userId, group.substring((SUPERVISOR + "town:").length()), TOWN));
  }

  boolean wholeCounty() {
    return townCode == null;
  }

  /** A town (or a village of it) this person may look at. */
  boolean covers(String town) {
    return wholeCounty() || townCode.equals(town);
  }
}
