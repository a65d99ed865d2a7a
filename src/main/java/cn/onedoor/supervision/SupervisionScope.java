package cn.onedoor.supervision;

import cn.onedoor.identity.StaffArea;
import java.util.Optional;

/**
 * Whose data a supervisor sees on the supervisors' page and its API, read off the person's {@link
 * StaffArea} (the one rule behind the engine's authorizations and the rest of our API, see {@link
 * StaffArea#supervisingGroup()}): a county supervisor or the county leader of this county the whole
 * county; a town supervisor of this county that town and its villages; anyone else, a supervisor of
 * another county included, nothing.
 *
 * @param townCode null for the whole county
 * @param level COUNTY, LEADER or TOWN: the rung a supervision order issued by this person starts
 *     from
 */
public record SupervisionScope(String userId, String townCode, String level) {

  static final String COUNTY = "COUNTY";
  static final String LEADER = "LEADER";
  static final String TOWN = "TOWN";

  /** The scope the person's area gives, or empty when they supervise nothing. */
  public static Optional<SupervisionScope> of(StaffArea area) {
    return area.supervisingGroup()
        .map(
            group ->
                switch (group.level()) {
                  case "leader" -> new SupervisionScope(area.userId(), null, LEADER);
                  case "county" -> new SupervisionScope(area.userId(), null, COUNTY);
                  default -> new SupervisionScope(area.userId(), group.unit(), TOWN);
                });
  }

  boolean wholeCounty() {
    return townCode == null;
  }

  /** A town (or a village of it) this person may look at. */
  boolean covers(String town) {
    return wholeCounty() || townCode.equals(town);
  }
}
