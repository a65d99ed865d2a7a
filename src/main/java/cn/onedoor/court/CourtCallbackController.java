package cn.onedoor.court;

import cn.onedoor.bridge.CallbackAnswer;
import cn.onedoor.bridge.CallbackBody;
import cn.onedoor.bridge.CallbackCaseCode;
import cn.onedoor.bridge.CallbackEndpoint;
import cn.onedoor.bridge.CallbackId;
import cn.onedoor.bridge.CallbackInbox;
import cn.onedoor.bridge.ExternalSystem;
import cn.onedoor.casefile.CaseMessages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The court's answers (法院回调): acceptance, extension and ruling of a confirmation application,
 * filing with case number and procedure, judgment, end of enforcement. Each correlates one message
 * by case code through {@link CaseMessages}; {@link CallbackInbox} makes it idempotent and answers
 * 404 / 409 with a reason.
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
          String procedure)
      implements CallbackBody {}

  @Schema(description = "送达判决或裁定")
  record JudgmentDelivered(
      @CallbackId String callbackId,
      @CallbackCaseCode String caseCode,
      @Schema(
              description = "JUDGMENT 判决（上诉期15日）/ RULING 裁定（10日）",
              allowableValues = {"JUDGMENT", "RULING"})
          @NotBlank(message = "必填")
          @Pattern(regexp = "JUDGMENT|RULING", message = "须为 JUDGMENT 或 RULING")
          String judgmentType)
      implements CallbackBody {}

  private final CallbackInbox inbox;
  private final CaseMessages messages;

  CourtCallbackController(CallbackInbox inbox, CaseMessages messages) {
    this.inbox = inbox;
    this.messages = messages;
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
        () -> messages.courtFiledCase(body.caseCode(), body.courtCaseNumber(), body.procedure()));
  }

  @PostMapping("/judgment-delivered")
  @Operation(summary = "法院送达判决或裁定 / Judgment or ruling served")
  CallbackAnswer judgmentDelivered(@Valid @RequestBody JudgmentDelivered body) {
    return inbox.accept(
        ExternalSystem.COURT,
        "JUDGMENT_DELIVERED",
        body,
        () -> messages.courtDeliveredJudgment(body.caseCode(), body.judgmentType()));
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
