package cn.onedoor.intake;

import cn.onedoor.organisation.Units;
import cn.onedoor.routing.DisputeType;
import cn.onedoor.web.InvalidParam;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Every rule a registration must meet, checked all at once so the answer names every bad field (not
 * only the first). The same rules hold for every door: the API, the grid system and the Tasklist
 * start form.
 */
@Component
public class IntakeValidator {

  static final Set<String> SOURCES =
      Set.of("WINDOW", "GRID", "HOTLINE", "ONLINE", "COURT", "POLICE", "PETITION");
  static final Set<String> LEVELS = Set.of("VILLAGE", "TOWN", "COUNTY");
  static final Set<String> ELSEWHERE =
      Set.of("NONE", "COURT", "POLICE", "ADMINISTRATION", "ARBITRATION");
  static final Set<String> ROLES = Set.of("APPLICANT", "RESPONDENT", "THIRD_PARTY");
  static final Set<String> KINDS = Set.of("PERSON", "ORGANISATION");
  static final int SUMMARY_MAX = 2000;
  static final int NAME_MAX = 100;
  static final int REF_MAX = 64;
  static final int PARTIES_MAX = 50;
  static final BigDecimal AMOUNT_MAX = new BigDecimal("999999999999.99");

  private final Units units;
  private final IdentityService identityService;
  private final Clock clock;

  IntakeValidator(Units units, IdentityService identityService, Clock clock) {
    this.units = units;
    this.identityService = identityService;
    this.clock = clock;
  }

  public List<InvalidParam> validate(IntakeRequest request) {
    List<InvalidParam> violations = new ArrayList<>();
    oneOf(violations, "source", request.source(), SOURCES);
    if (request.externalRef() == null || request.externalRef().isBlank()) {
      if (request.source() != null && !"WINDOW".equals(request.source())) {
        violations.add(new InvalidParam("externalRef", "来自其他系统的登记必须提供来源编号"));
      }
    } else if (request.externalRef().length() > REF_MAX) {
      violations.add(new InvalidParam("externalRef", "来源编号不得超过 " + REF_MAX + " 个字符"));
    }
    oneOf(violations, "level", request.level(), LEVELS);
    place(violations, request);
    receivedBy(violations, request);
    if (required(violations, "disputeType", request.disputeType())
        && !isDisputeType(request.disputeType())) {
      violations.add(
          new InvalidParam(
              "disputeType", "未知的纠纷类型代码：" + request.disputeType() + "（见 GET /api/dispute-types）"));
    }
    if (required(violations, "summary", request.summary())
        && request.summary().length() > SUMMARY_MAX) {
      violations.add(new InvalidParam("summary", "纠纷概要不得超过 " + SUMMARY_MAX + " 字"));
    }
    if (required(violations, "amount", request.amount())) {
      if (request.amount().signum() < 0) {
        violations.add(new InvalidParam("amount", "争议金额不得为负数"));
      } else if (request.amount().compareTo(AMOUNT_MAX) > 0
          || request.amount().stripTrailingZeros().scale() > 2) {
        violations.add(
            new InvalidParam("amount", "争议金额至多精确到分，且不超过 " + AMOUNT_MAX.toPlainString() + " 元"));
      }
    }
    occurredOn(violations, request.occurredOn());
    required(violations, "consentToMediation", request.consentToMediation());
    flags(violations, request.flags());
    parties(violations, request);
    return violations;
  }

  private void place(List<InvalidParam> violations, IntakeRequest request) {
    if (!required(violations, "townCode", request.townCode())) {
      return;
    }
    if (units.find(Units.Kind.TOWN, null).stream()
        .noneMatch(town -> town.code().equals(request.townCode()))) {
      violations.add(
          new InvalidParam(
              "townCode", "未知的乡镇代码：" + request.townCode() + "（见 GET /api/units?kind=TOWN）"));
      return;
    }
    String village = request.villageCode();
    if (village == null || village.isBlank()) {
      if ("VILLAGE".equals(request.level())) {
        violations.add(new InvalidParam("villageCode", "村级受理必须填写村（社区）代码"));
      }
    } else if (units.find(Units.Kind.VILLAGE, request.townCode()).stream()
        .noneMatch(v -> v.code().equals(village))) {
      violations.add(
          new InvalidParam("villageCode", "村（社区）代码 " + village + " 不属于乡镇 " + request.townCode()));
    }
  }

  /** A window officer must be a person we know; another system names itself. */
  private void receivedBy(List<InvalidParam> violations, IntakeRequest request) {
    if (!required(violations, "receivedBy", request.receivedBy())) {
      return;
    }
    if (request.receivedBy().length() > REF_MAX) {
      violations.add(new InvalidParam("receivedBy", "不得超过 " + REF_MAX + " 个字符"));
    } else if ("WINDOW".equals(request.source())
        && identityService.createUserQuery().userId(request.receivedBy()).count() == 0) {
      violations.add(new InvalidParam("receivedBy", "窗口登记的受理人必须是系统用户：" + request.receivedBy()));
    }
  }

  private void occurredOn(List<InvalidParam> violations, String occurredOn) {
    if (!required(violations, "occurredOn", occurredOn)) {
      return;
    }
    try {
      if (LocalDate.parse(occurredOn).isAfter(LocalDate.now(clock))) {
        violations.add(new InvalidParam("occurredOn", "纠纷发生日期不得晚于今天"));
      }
    } catch (DateTimeParseException notADate) {
      violations.add(new InvalidParam("occurredOn", "日期格式应为 YYYY-MM-DD"));
    }
  }

  private void flags(List<InvalidParam> violations, IntakeRequest.Flags flags) {
    if (!required(violations, "flags", flags)) {
      return;
    }
    required(violations, "flags.injury", flags.injury());
    required(violations, "flags.violence", flags.violence());
    required(violations, "flags.crimeSuspected", flags.crimeSuspected());
    required(violations, "flags.governmentBodyParty", flags.governmentBodyParty());
    oneOf(violations, "flags.acceptedElsewhere", flags.acceptedElsewhere(), ELSEWHERE);
  }

  private void parties(List<InvalidParam> violations, IntakeRequest request) {
    List<IntakeRequest.Party> parties = request.parties();
    if (parties == null || parties.isEmpty()) {
      violations.add(new InvalidParam("parties", "至少需要一名申请人和一名被申请人"));
    } else if (parties.size() > PARTIES_MAX) {
      violations.add(new InvalidParam("parties", "一次至多登记 " + PARTIES_MAX + " 名当事人，其余在涉及人数中说明"));
    } else {
      if (parties.stream().noneMatch(p -> p != null && "APPLICANT".equals(p.role()))
          || parties.stream().noneMatch(p -> p != null && "RESPONDENT".equals(p.role()))) {
        violations.add(new InvalidParam("parties", "至少需要一名申请人和一名被申请人"));
      }
      for (int i = 0; i < parties.size(); i++) {
        party(violations, "parties[" + i + "]", parties.get(i));
      }
    }
    Integer partyCount = request.partyCount();
    if (required(violations, "partyCount", partyCount)) {
      int listed = parties == null ? 0 : parties.size();
      if (partyCount < Math.max(listed, 1) || partyCount > 1_000_000) {
        violations.add(new InvalidParam("partyCount", "涉及人数不得少于所列当事人数（" + listed + "）"));
      }
    }
  }

  private void party(List<InvalidParam> violations, String path, IntakeRequest.Party party) {
    if (party == null) {
      violations.add(new InvalidParam(path, "当事人不得为空"));
      return;
    }
    oneOf(violations, path + ".role", party.role(), ROLES);
    oneOf(violations, path + ".kind", party.kind(), KINDS);
    if (required(violations, path + ".name", party.name()) && party.name().length() > NAME_MAX) {
      violations.add(new InvalidParam(path + ".name", "姓名或名称不得超过 " + NAME_MAX + " 字"));
    }
    if ("PERSON".equals(party.kind())) {
      if (required(violations, path + ".idNumber", party.idNumber())
          && !PersonalData.isResidentId(party.idNumber())) {
        violations.add(
            new InvalidParam(path + ".idNumber", "居民身份证号码无效（GB 11643：18 位，出生日期与校验码须正确）"));
      }
      if (party.creditCode() != null) {
        violations.add(new InvalidParam(path + ".creditCode", "自然人不填统一社会信用代码"));
      }
    } else if ("ORGANISATION".equals(party.kind())) {
      if (required(violations, path + ".creditCode", party.creditCode())
          && !PersonalData.isCreditCode(party.creditCode())) {
        violations.add(new InvalidParam(path + ".creditCode", "统一社会信用代码无效（GB 32100：18 位，校验码须正确）"));
      }
      if (party.idNumber() != null) {
        violations.add(new InvalidParam(path + ".idNumber", "单位不填居民身份证号码"));
      }
    }
    if (party.mobile() == null || party.mobile().isBlank()) {
      if ("APPLICANT".equals(party.role())) {
        violations.add(new InvalidParam(path + ".mobile", "申请人必须留手机号码（接收案件编号和进度短信）"));
      }
    } else if (!PersonalData.isMobile(party.mobile())) {
      violations.add(new InvalidParam(path + ".mobile", "手机号码应为 11 位数字，以 13–19 开头"));
    }
  }

  private static boolean isDisputeType(String code) {
    for (DisputeType type : DisputeType.values()) {
      if (type.code().equals(code)) {
        return true;
      }
    }
    return false;
  }

  private static void oneOf(
      List<InvalidParam> violations, String field, String value, Set<String> allowed) {
    if (required(violations, field, value) && !allowed.contains(value)) {
      violations.add(
          new InvalidParam(
              field,
              "未知的取值：" + value + "，应为 " + String.join("、", allowed.stream().sorted().toList())));
    }
  }

  private static boolean required(List<InvalidParam> violations, String field, Object value) {
    if (value == null || value instanceof String text && text.isBlank()) {
      violations.add(new InvalidParam(field, "必填"));
      return false;
    }
    return true;
  }
}
