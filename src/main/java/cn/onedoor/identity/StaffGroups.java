package cn.onedoor.identity;

import java.util.Optional;

/**
 * Group ids are derived, never typed: {@code role:level:unit}. A new town needs no code, only its
 * groups; BPMN candidate groups use the same shape ({@code mediator:town:${townCode}}). Read back
 * with {@link #parse}: a person's role and area are whatever their group ids say.
 */
public final class StaffGroups {

  public static final String SEPARATOR = ":";

  /** Camunda's administrators' group: administers the engine and the people, works no case. */
  public static final String ADMINISTRATORS = "camunda-admin";

  private StaffGroups() {}

  public static String groupId(StaffRole role, String level, String unitCode) {
    return role.id() + SEPARATOR + level + SEPARATOR + unitCode;
  }

  /** A group of one role at one unit, e.g. {@code supervisor:town:511725104}. */
  public record StaffGroup(StaffRole role, String level, String unit) {

    public String id() {
      return groupId(role, level, unit);
    }

    /** A county-level group of this county: it reads (and supervises) every case of the county. */
    public boolean countyWide(String countyCode) {
      return StaffRole.COUNTY_LEVELS.contains(level) && unit.equals(countyCode);
    }

    public boolean readsCases() {
      return role.readsCasesAt(level);
    }
  }

  /**
   * The group a {@code role:level:unit} id names; empty for any other id (e.g. camunda-admin, a
   * typo).
   */
  public static Optional<StaffGroup> parse(String groupId) {
    if (groupId == null) {
      return Optional.empty();
    }
    String[] parts = groupId.split(SEPARATOR, 3);
    if (parts.length != 3 || parts[1].isBlank() || parts[2].isBlank()) {
      return Optional.empty();
    }
    return StaffRole.byId(parts[0]).map(role -> new StaffGroup(role, parts[1], parts[2]));
  }
}
