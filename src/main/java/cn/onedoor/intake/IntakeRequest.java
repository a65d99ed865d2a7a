package cn.onedoor.intake;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;

/**
 * A case as any door reports it (POST /api/cases). The field names are a contract other systems are
 * built against: add fields, never rename. Codes arrive as strings and are checked by {@link
 * IntakeValidator}, so that an unknown code is named in the answer instead of failing the whole
 * body.
 */
@Schema(description = "纠纷登记（任一入口）")
public record IntakeRequest(
    @Schema(
            description = "入口",
            allowableValues = {
              "WINDOW",
              "GRID",
              "HOTLINE",
              "ONLINE",
              "COURT",
              "POLICE",
              "PETITION"
            },
            example = "WINDOW",
            requiredMode = Schema.RequiredMode.REQUIRED)
        String source,
    @Schema(description = "来源系统的编号，同一入口内唯一；窗口登记可省略", example = "grid-2026-0042") String externalRef,
    @Schema(
            description = "受理层级（在哪一级反映）",
            allowableValues = {"VILLAGE", "TOWN", "COUNTY"},
            requiredMode = Schema.RequiredMode.REQUIRED)
        String level,
    @Schema(
            description = "乡镇代码（GET /api/units?kind=TOWN）",
            example = "511725104",
            requiredMode = Schema.RequiredMode.REQUIRED)
        String townCode,
    @Schema(description = "村（社区）代码；村级受理必填", example = "511725104001") String villageCode,
    @Schema(
            description = "窗口登记：受理人用户名；其他入口：发送系统名称",
            example = "intake",
            requiredMode = Schema.RequiredMode.REQUIRED)
        String receivedBy,
    @Schema(
            description = "纠纷类型代码（GET /api/dispute-types）",
            example = "NEIGHBOUR",
            requiredMode = Schema.RequiredMode.REQUIRED)
        String disputeType,
    @Schema(description = "纠纷概要（至多 2000 字）", requiredMode = Schema.RequiredMode.REQUIRED)
        String summary,
    @Schema(
            description = "争议金额（元，不得为负）",
            example = "20000",
            requiredMode = Schema.RequiredMode.REQUIRED)
        BigDecimal amount,
    @Schema(
            description = "纠纷发生日期（不得晚于今天）",
            example = "2026-11-19",
            requiredMode = Schema.RequiredMode.REQUIRED)
        String occurredOn,
    @Schema(
            description = "涉及人数（不少于所列当事人数）",
            example = "2",
            requiredMode = Schema.RequiredMode.REQUIRED)
        Integer partyCount,
    @Schema(description = "当事人是否同意调解", requiredMode = Schema.RequiredMode.REQUIRED)
        Boolean consentToMediation,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Flags flags,
    @Schema(description = "当事人：至少一名申请人和一名被申请人", requiredMode = Schema.RequiredMode.REQUIRED)
        List<Party> parties) {

  /** Risk facts the routing and risk tables read; each must be stated, none is assumed. */
  @Schema(description = "风险情形")
  public record Flags(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Boolean injury,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Boolean violence,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Boolean crimeSuspected,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Boolean governmentBodyParty,
      @Schema(
              description = "是否已被其他机关受理",
              allowableValues = {"NONE", "COURT", "POLICE", "ADMINISTRATION", "ARBITRATION"},
              requiredMode = Schema.RequiredMode.REQUIRED)
          String acceptedElsewhere,
      @Schema(description = "雇凶伤害他人（不得治安调解；未填视为否）") Boolean hiredViolence,
      @Schema(description = "结伙斗殴（不得治安调解；未填视为否）") Boolean gangFight,
      @Schema(description = "寻衅滋事（不得治安调解；未填视为否）") Boolean provocation,
      @Schema(description = "多次违法（不得治安调解；未填视为否）") Boolean repeatOffence) {

    /**
     * The facts every door states. The four exclusions of 治安调解 came later and are optional, so that
     * a door built against the first contract keeps working: absent means "not the case".
     */
    public Flags(
        Boolean injury,
        Boolean violence,
        Boolean crimeSuspected,
        Boolean governmentBodyParty,
        String acceptedElsewhere) {
      this(
          injury,
          violence,
          crimeSuspected,
          governmentBodyParty,
          acceptedElsewhere,
          null,
          null,
          null,
          null);
    }
  }

  @Schema(description = "当事人")
  public record Party(
      @Schema(
              allowableValues = {"APPLICANT", "RESPONDENT", "THIRD_PARTY"},
              requiredMode = Schema.RequiredMode.REQUIRED)
          String role,
      @Schema(
              allowableValues = {"PERSON", "ORGANISATION"},
              requiredMode = Schema.RequiredMode.REQUIRED)
          String kind,
      @Schema(description = "姓名或单位名称", example = "张三", requiredMode = Schema.RequiredMode.REQUIRED)
          String name,
      @Schema(description = "居民身份证号码（自然人必填，GB 11643 校验）") String idNumber,
      @Schema(description = "统一社会信用代码（单位必填，GB 32100 校验）") String creditCode,
      @Schema(description = "手机号码（申请人必填）", example = "13800000000") String mobile) {}
}
