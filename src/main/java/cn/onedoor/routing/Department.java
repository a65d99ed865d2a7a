package cn.onedoor.routing;

/**
 * Stationed departments (常驻部门) that take part in joint handling (联合调处).
 *
 * <p>The code ({@link #name()}) is what {@code joint-departments.dmn} returns in the collected list
 * {@code departments}; a department task's candidate group is derived from it. The set is county
 * configuration in the sense of docs/domain.md §2 (23 departments are stationed in 渠县); these are
 * the ones the routing tables name.
 */
public enum Department {
  COURT("县法院"),
  PROCURATORATE("县检察院"),
  POLICE("县公安局"),
  JUSTICE("县司法局"),
  HRSS("县人社局"),
  HEALTH("县卫健局"),
  HOUSING("县住建局"),
  PETITION("县信访局"),
  NATURAL_RESOURCES("县自然资源局"),
  MARKET("县市场监管局"),
  FINANCE("县金融工作局");

  private final String chineseName;

  Department(String chineseName) {
    this.chineseName = chineseName;
  }

  /** The code used in process variables and decision tables. */
  public String code() {
    return name();
  }

  /** The name shown to staff. */
  public String chineseName() {
    return chineseName;
  }
}
