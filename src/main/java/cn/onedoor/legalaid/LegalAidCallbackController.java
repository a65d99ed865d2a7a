package cn.onedoor.legalaid;

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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The legal-aid system's answers (法律援助回调): its decision (or, on the urgent path, its review) with
 * the reasons of a refusal (art 43: in writing, with reasons), and the lawyer it assigned.
 * Objections are decided by the 县司法局 (justice/JusticeBureauCallbackController). Idempotent and
 * answered like the court's callbacks.
 */
@RestController
@CallbackEndpoint
@RequestMapping(
    path = "/api/callbacks/legal-aid",
    consumes = MediaType.APPLICATION_JSON_VALUE,
    produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
    name = "回调：法律援助 Legal-aid callbacks",
    description = "法律援助系统的答复，以 HMAC-SHA256 签名（X-OneDoor-Signature）")
@SecurityRequirement(name = "callbackSignature")
class LegalAidCallbackController {

  @Schema(description = "法律援助决定（紧急程序中为事后审查结论）")
  record Decision(
      @Schema(description = "回调编号，同一回调重发时不变", example = "legal-aid-cb-0001") @CallbackId
          String callbackId,
      @Schema(example = "511725-2026-000123") @CallbackCaseCode String caseCode,
      @Schema(description = "true 给予援助 / false 不予援助（紧急程序中为终止援助）") @NotNull(message = "必填")
          Boolean granted,
      @Schema(description = "不予（终止）援助的理由（法律援助法第43条：书面告知并说明理由）", example = "申请事项不属于法律援助范围")
          @Size(max = 500, message = "不超过 500 字")
          String reasons)
      implements CallbackBody {}

  @Schema(description = "指派律师")
  record LawyerAssigned(
      @CallbackId String callbackId,
      @CallbackCaseCode String caseCode,
      @Schema(description = "承办律师事务所", example = "四川宕渠律师事务所")
          @NotBlank(message = "必填")
          @Size(max = 100, message = "不超过 100 字")
          String lawFirm)
      implements CallbackBody {}

  private final CallbackInbox inbox;
  private final CaseMessages messages;

  LegalAidCallbackController(CallbackInbox inbox, CaseMessages messages) {
    this.inbox = inbox;
    this.messages = messages;
  }

  @PostMapping("/decision")
  @Operation(summary = "法律援助决定 / Legal-aid decision")
  CallbackAnswer decided(@Valid @RequestBody Decision body) {
    return inbox.accept(
        ExternalSystem.LEGAL_AID,
        "LEGAL_AID_DECIDED",
        body,
        () -> messages.legalAidDecided(body.caseCode(), body.granted(), body.reasons()));
  }

  @PostMapping("/lawyer-assigned")
  @Operation(summary = "指派律师 / Lawyer assigned")
  CallbackAnswer lawyerAssigned(@Valid @RequestBody LawyerAssigned body) {
    return inbox.accept(
        ExternalSystem.LEGAL_AID,
        "LAWYER_ASSIGNED",
        body,
        () -> messages.lawyerAssigned(body.caseCode(), body.lawFirm()));
  }
}
