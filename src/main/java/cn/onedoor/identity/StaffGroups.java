package cn.onedoor.identity;

/**
 * Group ids are derived, never typed: {@code role:level:unit}. A new town needs no code, only its groups; BPMN
 * candidate groups use the same shape ({@code mediator:town:${townCode}}).
 */
public final class StaffGroups {

  public static final String SEPARATOR = ":";

  private StaffGroups() {
  }

  public static String groupId(StaffRole role, String level, String unitCode) {
    return role.id() + SEPARATOR + level + SEPARATOR + unitCode;
  }
}
