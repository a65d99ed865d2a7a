package cn.onedoor.bridge;

/**
 * The systems around the chain (docs/domain.md §6). The Chinese name appears in incident messages
 * an operator reads in Cockpit; the path id names the system in callback URLs ({@code
 * /api/callbacks/court/...}).
 */
public enum ExternalSystem {
  COURT("法院调解平台", "court"),
  LEGAL_AID("法律援助系统", "legal-aid"),
  PROVINCIAL_PLATFORM("省矛盾纠纷多元化解信息系统", "provincial-platform"),
  GRID("省网格化服务管理系统", "grid"),
  SMS("短信网关", "sms"),
  /** 劳动人事争议仲裁委员会: labour arbitration after failed labour mediation (劳动争议调解仲裁法). */
  ARBITRATION("劳动人事争议仲裁委员会", "arbitration"),
  /** 公安机关: 移送公安 and the punishment decision after a failed 治安调解. */
  POLICE("公安机关执法办案系统", "police"),
  /** 县司法局: the department that set up the legal-aid centre reviews objections (法律援助法 art 49). */
  JUSTICE_BUREAU("县司法局", "justice-bureau");

  private final String title;
  private final String pathId;

  ExternalSystem(String title, String pathId) {
    this.title = title;
    this.pathId = pathId;
  }

  public String title() {
    return title;
  }

  public String pathId() {
    return pathId;
  }

  public static ExternalSystem byPathId(String pathId) {
    for (ExternalSystem system : values()) {
      if (system.pathId.equals(pathId)) {
        return system;
      }
    }
    return null;
  }
}
