package cn.onedoor.identity;

import java.util.Set;

/**
 * The roles of docs/domain.md §2 and what each may do with cases. A person's role and area come
 * from their group ids ({@code role:level:unit}, see {@link StaffGroups}), so adding a town or a
 * person is data in Admin; what a role may do is here, in one place, and {@link RoleGrants} turns
 * it into the engine's authorizations.
 *
 * <p>{@code caseLevels}: the levels at which a group of this role reads the cases of its unit. At
 * {@code county} (and {@code leader}) that is every case of the county; at {@code village}, {@code
 * town}, {@code committee} and {@code department} it is the cases that unit holds or held (see
 * {@code security.CaseAccess}).
 */
public enum StaffRole {
  INTAKE("intake", "受理员", Set.of("village", "town", "county"), true, true),
  MEDIATOR("mediator", "调解员", Set.of("village", "town", "county", "committee"), true, true),
  LIAISON("liaison", "部门联络员", Set.of("department"), false, false),
  SUPERVISOR("supervisor", "督办员", Set.of("town", "county", "leader"), false, false),
  COURT("court", "法院联络员", Set.of("county"), false, true),
  LEGALAID("legalaid", "法律援助员", Set.of("county"), false, true),
  /** Deploys models; reads no case at all. */
  DESIGNER("designer", "流程设计员", Set.of(), false, false),
  /**
   * Another system at a door of its own ({@code system:door:GRID}): registers cases from that door,
   * reads none.
   */
  SYSTEM("system", "对接系统", Set.of(), true, false),
  /**
   * Plays the simulated court and legal-aid centre of the default profile (their decisions are
   * Tasklist tasks).
   */
  SIMULATOR("simulator", "模拟外部系统操作员", Set.of(), false, false);

  /** Levels whose groups range over the whole county when their unit is the county's code. */
  public static final Set<String> COUNTY_LEVELS = Set.of("county", "leader");

  private final String id;
  private final String title;
  private final Set<String> caseLevels;
  private final boolean registersCases;
  private final boolean needsFullPersonalData;

  StaffRole(
      String id,
      String title,
      Set<String> caseLevels,
      boolean registersCases,
      boolean needsFullPersonalData) {
    this.id = id;
    this.title = title;
    this.caseLevels = caseLevels;
    this.registersCases = registersCases;
    this.needsFullPersonalData = needsFullPersonalData;
  }

  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  /** Whether a group of this role at this level reads cases (of its unit, or of the county). */
  public boolean readsCasesAt(String level) {
    return caseLevels.contains(level);
  }

  /**
   * Registering a case at a door: window staff and mediators at any door, a system only at its own.
   */
  public boolean registersCases() {
    return registersCases;
  }

  /**
   * Whose work needs a party's full resident ID and mobile (registering, mediating, legal aid,
   * filing at court); every such read is recorded.
   */
  public boolean needsFullPersonalData() {
    return needsFullPersonalData;
  }

  public static java.util.Optional<StaffRole> byId(String id) {
    for (StaffRole role : values()) {
      if (role.id.equals(id)) {
        return java.util.Optional.of(role);
      }
    }
    return java.util.Optional.empty();
  }
}
