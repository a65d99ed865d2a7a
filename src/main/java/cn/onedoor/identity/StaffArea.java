package cn.onedoor.identity;

import cn.onedoor.identity.StaffGroups.StaffGroup;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where a person works and what they may do there, read from their group ids alone: the one model
 * behind the engine's authorizations ({@link RoleGrants}, {@code security.CaseAuthorizations}) and
 * our own API's checks ({@code security.CaseAccess}).
 *
 * <ul>
 *   <li>county-level groups of the county (intake, mediators, supervisors, the leader, court
 *       liaison, legal aid) read every case;
 *   <li>a village, town, committee or department group reads the cases its unit holds or held: a
 *       case is held by the village and town where it arose from registration on, and by every
 *       committee or department that is given a task on it (routing, joint handling, a hand-over).
 *       A town's supervisor thus reads the cases of its villages;
 *   <li>designers, systems and administrators read no case through our API (administrators keep the
 *       engine's administrator rights in Cockpit and Admin).
 * </ul>
 */
public final class StaffArea {

  /**
   * A unit below the county that can hold a case: level as in group ids ({@code village}, {@code
   * town}, ...).
   */
  public record AreaUnit(String level, String code) {}

  /** The answer to "may this person register a case at that door?". */
  public enum Registration {
    ALLOWED,
    NOT_A_REGISTERING_ROLE,
    OTHER_DOOR
  }

  private static final String TOWN = "town";

  /** Supervisors' levels, the widest first. */
  private static final List<String> SUPERVISING_LEVELS = List.of("leader", "county", TOWN);

  private final String userId;
  private final String countyCode;
  private final List<StaffGroup> groups;
  private final boolean administrator;

  private StaffArea(
      String userId, String countyCode, List<StaffGroup> groups, boolean administrator) {
    this.userId = userId;
    this.countyCode = countyCode;
    this.groups = groups;
    this.administrator = administrator;
  }

  public static StaffArea of(String userId, Collection<String> groupIds, String countyCode) {
    List<StaffGroup> groups = new ArrayList<>();
    for (String groupId : groupIds) {
      StaffGroups.parse(groupId).ifPresent(groups::add);
    }
    return new StaffArea(
        userId, countyCode, List.copyOf(groups), groupIds.contains(StaffGroups.ADMINISTRATORS));
  }

  public String userId() {
    return userId;
  }

  public List<StaffGroup> groups() {
    return groups;
  }

  public boolean administrator() {
    return administrator;
  }

  /**
   * The unit a group's cases are counted by, or null for county-level groups (all cases) and
   * non-units.
   */
  public static AreaUnit unitOf(StaffGroup group) {
    return StaffRole.COUNTY_LEVELS.contains(group.level())
        ? null
        : new AreaUnit(group.level(), group.unit());
  }

  /**
   * The groups that read the cases a unit holds: every role that reads cases at that unit's level,
   * whether or not the group exists yet, so a group created in Admin later reads the unit's earlier
   * cases at once.
   */
  public static List<String> readersOf(AreaUnit unit) {
    List<String> readers = new ArrayList<>();
    if (StaffRole.COUNTY_LEVELS.contains(unit.level())) {
      return readers;
    }
    for (StaffRole role : StaffRole.values()) {
      if (role.readsCasesAt(unit.level())) {
        readers.add(StaffGroups.groupId(role, unit.level(), unit.code()));
      }
    }
    return readers;
  }

  /** Reads the case whose units these are (any case-reading role). */
  public boolean reads(Collection<AreaUnit> caseUnits) {
    return covers(caseUnits, role -> true);
  }

  /**
   * Reads the parties' full identities of that case: a role whose work needs them, with the case in
   * its area.
   */
  public boolean readsFullPersonalData(Collection<AreaUnit> caseUnits) {
    return covers(caseUnits, StaffRole::needsFullPersonalData);
  }

  /** Supervises the county: sees its audit trail. */
  public boolean supervisesCounty() {
    return groups.stream()
        .anyMatch(group -> group.role() == StaffRole.SUPERVISOR && group.countyWide(countyCode));
  }

  /**
   * The group this person supervises through, the widest first: the county leader, then a county
   * supervisor (both of this county: they read every case), then a town supervisor of a town of
   * this county (reads the cases its town and villages hold). Empty for anyone else, a supervisor
   * of another county included.
   */
  public Optional<StaffGroup> supervisingGroup() {
    return groups.stream()
        .filter(group -> group.role() == StaffRole.SUPERVISOR && group.readsCases())
        .filter(
            group ->
                group.countyWide(countyCode)
                    || TOWN.equals(group.level()) && group.unit().startsWith(countyCode))
        .min(Comparator.comparingInt(group -> SUPERVISING_LEVELS.indexOf(group.level())));
  }

  /**
   * Staff who register may do so at any door; a system only at its own (its unit is the source
   * code).
   */
  public Registration mayRegister(String source) {
    boolean otherDoor = false;
    for (StaffGroup group : groups) {
      if (!group.role().registersCases()) {
        continue;
      }
      if (group.role() != StaffRole.SYSTEM || source == null || group.unit().equals(source)) {
        return Registration.ALLOWED;
      }
      otherDoor = true;
    }
    return otherDoor ? Registration.OTHER_DOOR : Registration.NOT_A_REGISTERING_ROLE;
  }

  private boolean covers(Collection<AreaUnit> caseUnits, Predicate<StaffRole> role) {
    for (StaffGroup group : groups) {
      if (!group.readsCases() || !role.test(group.role())) {
        continue;
      }
      AreaUnit unit = unitOf(group);
      if (group.countyWide(countyCode) || unit != null && caseUnits.contains(unit)) {
        return true;
      }
    }
    return false;
  }
}
