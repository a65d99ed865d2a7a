package cn.onedoor.justice;

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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The 县司法局's answer to an objection (法律援助法 art 49): keep the centre's decision, or order the centre
 * to correct it. Idempotent and signed like every callback.
 */
@RestController
@CallbackEndpoint
@RequestMapping(
    path = "/api/callbacks/justice-bureau",
    consumes = MediaType.APPLICATION_JSON_VALUE,
    produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "回调：县司法局 Justice bureau callbacks", description = "司法行政部门的答复，以 HMAC-SHA256 签名")
@SecurityRequirement(name = "callbackSignature")
class JusticeBureauCallbackController {

  @Schema(description = "对不予（终止）法律援助决定异议的审查决定")
  record ObjectionReviewed(
      @Schema(description = "回调编号，同一回调重发时不变", example = "justice-cb-0001") @CallbackId
          String callbackId,
      @Schema(example = "511725-2026-000123") @CallbackCaseCode String caseCode,
      @Schema(description = "KEEP 维持法律援助机构的决定 / CORRECT 责令法律援助机构改正")
          @NotNull(message = "必填")
          @Pattern(regexp = "KEEP|CORRECT", message = "应为 KEEP 或 CORRECT")
          String decision,
      @Schema(description = "审查理由", example = "申请人家庭人均月收入低于经济困难标准")
          @Size(max = 500, message = "不超过 500 字")
          String reasons)
      implements CallbackBody {}

  private final CallbackInbox inbox;
  private final CaseMessages messages;

  JusticeBureauCallbackController(CallbackInbox inbox, CaseMessages messages) {
    this.inbox = inbox;
    this.messages = messages;
  }

  @PostMapping("/objection-reviewed")
  @Operation(summary = "异议审查决定 / Objection reviewed")
  CallbackAnswer objectionReviewed(@Valid @RequestBody ObjectionReviewed body) {
    return inbox.accept(
        ExternalSystem.JUSTICE_BUREAU,
        "OBJECTION_REVIEWED",
        body,
        () -> messages.legalAidObjectionReviewed(body.caseCode(), body.decision(), body.reasons()));
  }
}
