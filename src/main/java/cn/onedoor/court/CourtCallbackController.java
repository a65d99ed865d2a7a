package cn.onedoor.court;

import cn.onedoor.bridge.CallbackAnswer;
import cn.onedoor.bridge.CallbackBody;
import cn.onedoor.bridge.CallbackCaseCode;
import cn.onedoor.bridge.CallbackEndpoint;
import cn.onedoor.bridge.CallbackId;
import cn.onedoor.bridge.CallbackInbox;
import cn.onedoor.bridge.CallbackRejectedException;
import cn.onedoor.bridge.ExternalSystem;
import cn.onedoor.casefile.CaseMessages;
import cn.onedoor.deadline.DeadlineService;
import cn.onedoor.web.InvalidParam;
import cn.onedoor.web.InvalidParamsException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The court's answers (法院回调): acceptance or 不予受理, extension and ruling of a confirmation
 * application, filing with case number, procedure and date, an extension of the trial period,
 * judgment, ruling or 调解书, end of enforcement. Each correlates one message by case code through
 * {@link CaseMessages}; {@link CallbackInbox} makes it idempotent and answers 404 / 409 with a
 * reason.
 */
@RestController
@CallbackEndpoint
@RequestMapping(
    path = "/api/callbacks/court",
    consumes = MediaType.APPLICATION_JSON_VALUE,
    produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "回调：法院 Court callbacks", description = "法院系统的答复，以 HMAC-SHA256 签名（X-OneDoor-Signature）")
@SecurityRequirement(name = "callbackSignature")
class CourtCallbackController {

  @Schema(description = "无附加内容的法院答复")
  record CourtNotice(
      @Schema(description = "回调编号，由法院生成，同一回调重发时不变", example = "court-cb-0001") @CallbackId
          String callbackId,
      @Schema(description = "案件编码（一案一码）", example = "511725-2026-000123") @CallbackCaseCode
          String caseCode)
      implements CallbackBody {}

  @Schema(description = "司法确认裁定")
  record ConfirmationRuling(
      @CallbackId String callbackId,
      @CallbackCaseCode String caseCode,
      @Schema(
              description = "VALID 确认有效 / REJECTED 驳回 / WITHDRAWN 撤回",
              allowableValues = {"VALID", "REJECTED", "WITHDRAWN"})
          @NotBlank(message = "必填")
          @Pattern(regexp = "VALID|REJECTED|WITHDRAWN", message = "须为 VALID、REJECTED 或 WITHDRAWN")
          String ruling)
      implements CallbackBody {}

  @Schema(
      description = "司法确认申请不予受理（民诉法解释第355条），只在法院受理之前答复；受理后应以裁定驳回申请（confirmation-ruled REJECTED）答复")
  record ConfirmationNotAccepted(
      @CallbackId String callbackId,
      @CallbackCaseCode String caseCode,
      @Schema(
              description = "法院裁定不予受理的理由，调解员据此告知当事人（重新调解或起诉）。勿含身份证号、手机号",
              example = "调解协议内容涉及物权确权，不属于司法确认的范围")
          @NotBlank(message = "必填")
          @Size(max = 500, message = "不超过 500 字")
          String reason)
      implements CallbackBody {}

  @Schema(description = "立案")
  record CaseFiled(
      @CallbackId String callbackId,
      @CallbackCaseCode String caseCode,
      @Schema(description = "法院案号", example = "(2026)川1725民初101号")
          @NotBlank(message = "必填")
          @Size(max = 64, message = "不超过 64 字")
          String courtCaseNumber,
      @Schema(
              description = "ORDINARY 普通程序 / SIMPLE 简易程序 / SMALL_CLAIMS 小额诉讼",
              allowableValues = {"ORDINARY", "SIMPLE", "SMALL_CLAIMS"})
          @NotBlank(message = "必填")
          @Pattern(
              regexp = "ORDINARY|SIMPLE|SMALL_CLAIMS",
              message = "须为 ORDINARY、SIMPLE 或 SMALL_CLAIMS")
          String procedure,
      @Schema(
              description = "立案日期（北京时间）。第一审审理期限自立案之日起计算（民事诉讼法第152、164、169条）；不填的，以收到本回调之日为立案日",
              example = "2026-03-02",
              nullable = true)
          @PastOrPresent(message = "不能晚于今天")
          LocalDate filedOn)
      implements CallbackBody {}

  @Schema(
      description =
          "延长第一审审理期限，注明所依据的条文和批准机关。法律允许的延长：普通程序经本院院长批准延长6个月，还需要延长的报请上级人民法院批准（第152条）；"
              + "简易程序经本院院长批准延长1个月（第164条）；小额诉讼经本院院长批准延长1个月（第169条）；后两者以一次为限。其他答复 409")
  record TrialPeriodExtended(
      @CallbackId String callbackId,
      @CallbackCaseCode String caseCode,
      @Schema(
              description = "所依据的民事诉讼法条文：152 普通程序 / 164 简易程序 / 169 小额诉讼",
              allowableValues = {"152", "164", "169"},
              example = "152")
          @NotBlank(message = "必填")
          @Pattern(regexp = "152|164|169", message = "须为 152、164 或 169")
          String article,
      @Schema(
              description = "批准机关：COURT_PRESIDENT 本院院长 / HIGHER_COURT 上级人民法院（普通程序第二次及以后的延长）",
              allowableValues = {"COURT_PRESIDENT", "HIGHER_COURT"})
          @NotBlank(message = "必填")
          @Pattern(
              regexp = "COURT_PRESIDENT|HIGHER_COURT",
              message = "须为 COURT_PRESIDENT 或 HIGHER_COURT")
          String approvedBy,
      @Schema(description = "延长后审理期限的最后一日（北京时间）", example = "2027-03-02") @NotNull(message = "必填")
          LocalDate newEnd)
      implements CallbackBody {}

  @Schema(description = "送达判决或裁定，注明审级")
  record JudgmentDelivered(
      @CallbackId String callbackId,
      @CallbackCaseCode String caseCode,
      @Schema(
              description =
                  "JUDGMENT 判决（上诉期15日）/ RULING 裁定（10日）/ MEDIATION_STATEMENT 审理中（一审或二审）调解达成协议制作的调解书："
                      + "经双方当事人签收即生效，不得上诉（民事诉讼法第100条），随后跟踪履行，未履行的申请执行",
              allowableValues = {"JUDGMENT", "RULING", "MEDIATION_STATEMENT"})
          @NotBlank(message = "必填")
          @Pattern(
              regexp = "JUDGMENT|RULING|MEDIATION_STATEMENT",
              message = "须为 JUDGMENT、RULING 或 MEDIATION_STATEMENT")
          String judgmentType,
      @Schema(
              description =
                  "审级：1 第一审（含发回重审后的一审）/ 2 第二审。两审终审（民事诉讼法第182条）：没有第三审，"
                      + "第二审裁判送达后不得再上诉；小额诉讼一审终审（第165条）。法律不允许的审级答复 409",
              example = "1")
          @NotNull(message = "必填")
          @Min(value = 1, message = "须为 1（第一审）或 2（第二审）")
          Integer instance,
      @Schema(
              description =
                  "裁定的种类（判决不填）。第一审裁定必填：NOT_ACCEPTED 不予受理 / JURISDICTION 管辖权异议 / DISMISSED 驳回起诉"
                      + "（这三种可以上诉，上诉期10日，民事诉讼法第157条）/ OTHER 其他裁定（不得上诉，送达即生效，审理继续）。"
                      + "第二审裁定：REMANDED 发回重审（第177条，以一次为限，回到第一审）/ UPHELD 维持原裁定 / REVOKED 撤销原裁定、"
                      + "由第一审继续审理；不填按终审处理。驳回起诉、不予受理的裁定生效后诉讼终结，不进入履行和执行",
              allowableValues = {
                "NOT_ACCEPTED",
                "JURISDICTION",
                "DISMISSED",
                "OTHER",
                "REMANDED",
                "UPHELD",
                "REVOKED"
              },
              nullable = true)
          @Pattern(
              regexp = "NOT_ACCEPTED|JURISDICTION|DISMISSED|OTHER|REMANDED|UPHELD|REVOKED",
              message =
                  "须为 NOT_ACCEPTED、JURISDICTION、DISMISSED、OTHER、REMANDED、UPHELD、REVOKED 之一或不填")
          String rulingType)
      implements CallbackBody {}

  private final CallbackInbox inbox;
  private final CaseMessages messages;
  private final Litigation litigation;
  private final Clock clock;

  CourtCallbackController(
      CallbackInbox inbox, CaseMessages messages, Litigation litigation, Clock clock) {
    this.inbox = inbox;
    this.messages = messages;
    this.litigation = litigation;
    this.clock = clock;
  }

  @PostMapping("/confirmation-accepted")
  @Operation(summary = "法院受理司法确认申请 / Confirmation application accepted")
  CallbackAnswer confirmationAccepted(@Valid @RequestBody CourtNotice body) {
    return inbox.accept(
        ExternalSystem.COURT,
        "CONFIRMATION_ACCEPTED",
        body,
        () -> messages.courtAcceptedConfirmation(body.caseCode()));
  }

  @PostMapping("/confirmation-not-accepted")
  @Operation(
      summary = "法院裁定不予受理司法确认申请 / Confirmation application not accepted",
      description = "只在案件等待法院受理时接受；已受理（或未申请）的案件答复 409。案件回到调解员，" + "由其告知当事人法院的理由和其他途径（重新调解或起诉）。")
  CallbackAnswer confirmationNotAccepted(@Valid @RequestBody ConfirmationNotAccepted body) {
    return inbox.accept(
        ExternalSystem.COURT,
        "CONFIRMATION_NOT_ACCEPTED",
        body,
        () -> messages.courtDidNotAcceptConfirmation(body.caseCode(), body.reason()));
  }

  @PostMapping("/confirmation-extended")
  @Operation(summary = "法院延长司法确认审查期限10日 / Review extended by 10 days")
  CallbackAnswer confirmationExtended(@Valid @RequestBody CourtNotice body) {
    return inbox.accept(
        ExternalSystem.COURT,
        "CONFIRMATION_EXTENDED",
        body,
        () -> messages.courtExtendedConfirmation(body.caseCode()));
  }

  @PostMapping("/confirmation-ruled")
  @Operation(summary = "法院作出司法确认裁定 / Confirmation ruled")
  CallbackAnswer confirmationRuled(@Valid @RequestBody ConfirmationRuling body) {
    return inbox.accept(
        ExternalSystem.COURT,
        "CONFIRMATION_RULED",
        body,
        () -> messages.courtRuledConfirmation(body.caseCode(), body.ruling()));
  }

  @PostMapping("/case-filed")
  @Operation(summary = "法院立案（案号、程序）/ Case filed with number and procedure")
  CallbackAnswer caseFiled(@Valid @RequestBody CaseFiled body) {
    return inbox.accept(
        ExternalSystem.COURT,
        "CASE_FILED",
        body,
        () ->
            messages.courtFiledCase(
                body.caseCode(),
                body.courtCaseNumber(),
                body.procedure(),
                body.filedOn() != null ? body.filedOn() : today()));
  }

  /** Today in Beijing, read at each call (a clock with another zone would be fixed in tests). */
  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), DeadlineService.ZONE);
  }

  @PostMapping("/trial-period-extended")
  @Operation(
      summary = "法院延长第一审审理期限（条文、批准机关、新的届满日）/ Trial period extended",
      description =
          "只在第一审审理中（等待判决）接受。法律不允许的延长答复 409，原因中写明本案适用的条文：简易程序、小额诉讼再次延长，"
              + "条文与本案程序不符（如普通程序案件依第169条延长），普通程序第二次延长未经上级人民法院批准，或第一次延长不是由本院院长批准。")
  CallbackAnswer trialPeriodExtended(@Valid @RequestBody TrialPeriodExtended body) {
    // By the application's clock (the engine's), not the validator's.
    if (!body.newEnd().isAfter(today())) {
      throw new NewEndNotLater();
    }
    return inbox.accept(
        ExternalSystem.COURT,
        "TRIAL_PERIOD_EXTENDED",
        body,
        () ->
            messages.courtExtendedTrialPeriod(
                body.caseCode(), body.article(), body.approvedBy(), body.newEnd()));
  }

  @PostMapping("/judgment-delivered")
  @Operation(
      summary = "法院送达判决或裁定（注明审级）/ Judgment or ruling served, with its instance",
      description =
          "第一审裁判在一审审理中送达，第二审裁判只在当事人上诉后送达。409：案件未在等待该答复，"
              + "或法律不允许该答复（第三审；裁判已生效后再送达；第一审裁定发回重审；再次发回重审），原因中写明所依据的条文。")
  CallbackAnswer judgmentDelivered(@Valid @RequestBody JudgmentDelivered body) {
    rulingTypeFitsTheDecision(body);
    if (body.instance() > 2) {
      throw CallbackRejectedException.refusedByLaw(
          "两审终审：第二审人民法院的判决、裁定是终审的判决、裁定，没有第" + body.instance() + "审（民事诉讼法第182条）");
    }
    boolean remand = "REMANDED".equals(body.rulingType());
    if (remand && (body.instance() != 2 || !"RULING".equals(body.judgmentType()))) {
      throw CallbackRejectedException.refusedByLaw(
          "发回重审由第二审人民法院以裁定作出（民事诉讼法第177条）：instance 须为 2，judgmentType 须为 RULING");
    }
    if (remand && litigation.remandedBefore(body.caseCode())) {
      throw CallbackRejectedException.refusedByLaw(
          "原审人民法院对发回重审的案件作出判决后，当事人提起上诉的，第二审人民法院不得再次发回重审（民事诉讼法第177条）");
    }
    return inbox.accept(
        ExternalSystem.COURT,
        "JUDGMENT_DELIVERED",
        body,
        () -> {
          try {
            messages.courtDeliveredJudgment(
                body.caseCode(), body.judgmentType(), body.instance(), body.rulingType());
          } catch (MismatchingMessageCorrelationException notWaiting) {
            throw litigation
                .effectiveBy(body.caseCode())
                .map(
                    rule ->
                        CallbackRejectedException.refusedByLaw(
                            "案件的裁判已经生效（" + rule + "），不再有上诉审或另一审级的裁判"))
                .<RuntimeException>map(refused -> refused)
                .orElseGet(
                    () ->
                        body.instance() == 2
                            ? CallbackRejectedException.refusedByLaw(
                                "案件不在第二审：只有对可以上诉的第一审判决、裁定（不予受理、管辖权异议、驳回起诉，民事诉讼法第157条）"
                                    + "在上诉期内登记了上诉，才有第二审裁判（第171条）")
                            : notWaiting);
          }
        });
  }

  /** An extension whose new last day is not after today: 400 naming {@code newEnd}. */
  static final class NewEndNotLater extends InvalidParamsException {
    NewEndNotLater() {
      super("新的届满日须晚于今天", List.of(new InvalidParam("newEnd", "新的届满日须晚于今天")));
    }
  }

  private static final Set<String> FIRST_INSTANCE_RULINGS =
      Set.of("NOT_ACCEPTED", "JURISDICTION", "DISMISSED", "OTHER");

  /** A ruling type that does not belong to the decision served: 400 naming {@code rulingType}. */
  static final class RulingTypeMismatch extends InvalidParamsException {
    RulingTypeMismatch(String reason) {
      super(reason, List.of(new InvalidParam("rulingType", reason)));
    }
  }

  /**
   * The ruling type belongs to a ruling of that instance (the remand rule is answered 409 below).
   */
  private static void rulingTypeFitsTheDecision(JudgmentDelivered body) {
    String type = body.rulingType();
    if ("JUDGMENT".equals(body.judgmentType()) && type != null && !"REMANDED".equals(type)) {
      throw new RulingTypeMismatch("判决不填裁定种类");
    }
    if ("MEDIATION_STATEMENT".equals(body.judgmentType()) && type != null) {
      throw new RulingTypeMismatch("调解书不填裁定种类");
    }
    if ("RULING".equals(body.judgmentType()) && body.instance() == 1 && type == null) {
      throw new RulingTypeMismatch("第一审裁定须写明种类：NOT_ACCEPTED、JURISDICTION、DISMISSED 或 OTHER");
    }
    if (type != null && body.instance() == 1 && ("UPHELD".equals(type) || "REVOKED".equals(type))) {
      throw new RulingTypeMismatch("UPHELD、REVOKED 是第二审裁定的种类");
    }
    if (type != null && body.instance() == 2 && FIRST_INSTANCE_RULINGS.contains(type)) {
      throw new RulingTypeMismatch("第二审裁定的种类为 REMANDED、UPHELD、REVOKED 或不填");
    }
  }

  @PostMapping("/enforcement-concluded")
  @Operation(summary = "执行完毕 / Enforcement concluded")
  CallbackAnswer enforcementConcluded(@Valid @RequestBody CourtNotice body) {
    return inbox.accept(
        ExternalSystem.COURT,
        "ENFORCEMENT_CONCLUDED",
        body,
        () -> messages.enforcementConcluded(body.caseCode()));
  }
}
