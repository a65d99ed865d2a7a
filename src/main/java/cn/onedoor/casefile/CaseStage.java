package cn.onedoor.casefile;

/**
 * The stages of docs/domain.md §4, in the order a case usually meets them, with the name staff and
 * parties read.
 */
public enum CaseStage {
  INTAKE("登记受理"),
  ROUTING("研判分流"),
  JOINT_HANDLING("联合调处"),
  MEDIATION("调解"),
  PETITION("信访办理"),
  /** 移送公安 or 治安调解: the police's own procedures, never a mediator's. */
  POLICE("公安办理"),
  FOLLOW_UP("回访履行"),
  JUDICIAL_CONFIRMATION("司法确认"),
  LITIGATION_MEDIATION("诉讼引调"),
  ARBITRATION("劳动仲裁"),
  REPRESENTATION("代理诉讼"),
  LITIGATION("诉讼"),
  ENFORCEMENT("执行"),
  CLOSED("已结案");

  private final String chineseName;

  CaseStage(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }
}
