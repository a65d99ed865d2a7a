package cn.onedoor.supervision;

import cn.onedoor.casefile.CaseStage;
import cn.onedoor.casefile.ClosureReason;
import cn.onedoor.identity.StaffRole;
import cn.onedoor.organisation.Units;
import cn.onedoor.routing.DisputeType;
import cn.onedoor.supervision.SupervisionViews.Named;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/** Chinese names of the codes the page shows: channels, stages, rungs, outcomes, groups. */
public final class SupervisionNames {

  static final Map<String, String> CHANNELS =
      Map.ofEntries(
          Map.entry("PEOPLES_VILLAGE", "村人民调解"),
          Map.entry("PEOPLES_TOWN", "乡镇人民调解"),
          Map.entry("PEOPLES_COUNTY", "县人民调解"),
          Map.entry("COMMITTEE_MEDICAL", "医疗纠纷调委会"),
          Map.entry("COMMITTEE_TRAFFIC", "交通事故调委会"),
          Map.entry("COMMITTEE_LABOUR", "劳动争议调委会"),
          Map.entry("COMMITTEE_FAMILY", "婚姻家庭调委会"),
          Map.entry("COMMITTEE_PROPERTY", "物业纠纷调委会"),
          Map.entry("COMMITTEE_CONSUMER", "消费纠纷调委会"),
          Map.entry("COMMITTEE_CONSTRUCTION", "建设工程调委会"),
          Map.entry("COMMITTEE_FINANCE", "金融纠纷调委会"),
          Map.entry("COMMITTEE_LAND", "土地承包调委会"),
          Map.entry("POLICE", "公调对接"),
          Map.entry("PROCURATORATE", "检调对接"),
          Map.entry("ARBITRATION", "仲调对接"),
          Map.entry("COURT", "诉调对接"),
          Map.entry("PETITION", "访调对接"),
          Map.entry("ADMINISTRATIVE", "行政争议调解"),
          Map.entry("NONE", "不予调解"));

  static final Map<String, String> MEDIATION_OUTCOMES =
      Map.of(
          "AGREEMENT_WRITTEN",
          "达成书面协议",
          "AGREEMENT_ORAL",
          "达成口头协议",
          "PERFORMED",
          "当场履行",
          "REFUSED",
          "当事人拒绝",
          "TERMINATED",
          "调解终止",
          "EXPIRED",
          "期限届满未成");

  static final Map<String, String> LEVELS =
      Map.of("VILLAGE", "村（社区）", "TOWN", "乡镇（街道）", "COUNTY", "县");

  private static final Map<String, String> DISPUTE_TYPES =
      Arrays.stream(DisputeType.values())
          .collect(Collectors.toMap(DisputeType::name, DisputeType::chineseName));

  private static final Map<String, String> ROLES =
      Arrays.stream(StaffRole.values()).collect(Collectors.toMap(StaffRole::id, StaffRole::title));

  private final Map<String, String> unitNames;

  SupervisionNames(Units units) {
    this.unitNames =
        units.find(null, null).stream()
            .collect(
                Collectors.toMap(Units.Unit::code, Units.Unit::name, (first, second) -> first));
  }

  Named unit(String code) {
    return code == null ? null : new Named(code, unitNames.getOrDefault(code, code));
  }

  /** A channel's Chinese name (the code itself when unknown), for pages outside supervision. */
  public static String channelName(String code) {
    return CHANNELS.getOrDefault(code, code);
  }

  static Named channel(String code) {
    return code == null ? null : new Named(code, CHANNELS.getOrDefault(code, code));
  }

  static Named disputeType(String code) {
    return code == null ? null : new Named(code, DISPUTE_TYPES.getOrDefault(code, code));
  }

  static Named stage(String code) {
    if (code == null) {
      return null;
    }
    try {
      return new Named(code, CaseStage.valueOf(code).chineseName());
    } catch (IllegalArgumentException unknown) {
      return new Named(code, code);
    }
  }

  static Named level(String code) {
    return code == null ? null : new Named(code, LEVELS.getOrDefault(code, code));
  }

  static Named rung(String code) {
    return code == null ? null : new Named(code, EscalationRung.titleOf(code, code));
  }

  static Named mediationOutcome(String code) {
    return code == null ? null : new Named(code, MEDIATION_OUTCOMES.getOrDefault(code, code));
  }

  static Named closureReason(String code) {
    return code == null ? null : new Named(code, ClosureReason.chineseNameOf(code));
  }

  /**
   * {@code mediator:village:511725104001} reads 汇东社区 调解员; a group of another shape keeps its id.
   */
  Named group(String groupId) {
    if (groupId == null) {
      return null;
    }
    String[] parts = groupId.split(":");
    if (parts.length != 3) {
      return new Named(groupId, groupId);
    }
    String role = "leader".equals(parts[1]) ? "分管领导" : ROLES.getOrDefault(parts[0], parts[0]);
    return new Named(groupId, unitNames.getOrDefault(parts[2], parts[2]) + " " + role);
  }
}
