package cn.onedoor.police;

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
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The police's answer to a transfer (公安回调): it has accepted the case (受案), under its own case
 * number. Idempotent and answered like the court's callbacks (the case code in the body, as every
 * callback carries it).
 */
@RestController
@CallbackEndpoint
@RequestMapping(
    path = "/api/callbacks/police",
    consumes = MediaType.APPLICATION_JSON_VALUE,
    produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "回调：公安 Police callbacks", description = "公安机关的答复，以 HMAC-SHA256 签名（X-OneDoor-Signature）")
@SecurityRequirement(name = "callbackSignature")
class PoliceCallbackController {

  @Schema(description = "公安机关已受理移送的案件")
  record TransferAccepted(
      @Schema(description = "回调编号，同一回调重发时不变", example = "police-cb-0001") @CallbackId
          String callbackId,
      @Schema(example = "511725-2026-000123") @CallbackCaseCode String caseCode,
      @Schema(description = "公安机关受案编号", example = "渠公(刑)受案字〔2026〕118号")
          @NotBlank(message = "必填")
          @Size(max = 60, message = "不超过 60 字")
          String policeCaseNumber)
      implements CallbackBody {}

  private final CallbackInbox inbox;
  private final CaseMessages messages;

  PoliceCallbackController(CallbackInbox inbox, CaseMessages messages) {
    this.inbox = inbox;
    this.messages = messages;
  }

  @PostMapping("/transfer-accepted")
  @Operation(summary = "公安已受理移送 / Transfer accepted by the police")
  CallbackAnswer transferAccepted(@Valid @RequestBody TransferAccepted body) {
    return inbox.accept(
        ExternalSystem.POLICE,
        "POLICE_TRANSFER_ACCEPTED",
        body,
        () -> messages.policeAcceptedTransfer(body.caseCode(), body.policeCaseNumber()));
  }
}
