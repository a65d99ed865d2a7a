package cn.onedoor.routing;

/**
 * Dispute types (纠纷类型) as the intake records them and the routing decisions read them.
 *
 * <p>The code ({@link #name()}) is the value of the process variable {@code disputeType} and
 * appears verbatim in the DMN tables under {@code decisions/}; renaming or removing a constant
 * breaks those tables (their tests enumerate this enum). Adding one is safe only together with a
 * row for it in {@code channel-routing.dmn}: the routing test fails until every type is routed.
 */
public enum DisputeType {
  NEIGHBOUR("邻里纠纷"),
  FAMILY("婚姻家庭纠纷"),
  PERSONAL_STATUS("身份关系纠纷(婚姻效力/亲子/收养)"),
  DEBT("民间借贷纠纷"),
  CONTRACT("合同纠纷"),
  LAND_USE("宅基地及相邻关系纠纷"),
  LAND_CONTRACT("土地承包经营纠纷"),
  PROPERTY_RIGHT("物权确权纠纷"),
  MEDICAL("医疗纠纷"),
  TRAFFIC("道路交通事故纠纷"),
  LABOUR("劳动争议"),
  WAGE_ARREARS("欠薪及建设工程纠纷"),
  PROPERTY_MANAGEMENT("物业纠纷"),
  CONSUMER("消费纠纷"),
  FINANCE("金融纠纷"),
  COMMERCIAL_ARBITRATION("商事纠纷(有仲裁协议)"),
  PUBLIC_SECURITY("治安纠纷"),
  MINOR_CRIME("轻微刑事纠纷"),
  ADMINISTRATIVE("行政争议"),
  OTHER("其他民事纠纷");

  private final String chineseName;

  DisputeType(String chineseName) {
    this.chineseName = chineseName;
  }

  /** The code used in process variables and decision tables. */
  public String code() {
    return name();
  }

  /** The name shown to staff and parties. */
  public String chineseName() {
    return chineseName;
  }
}
