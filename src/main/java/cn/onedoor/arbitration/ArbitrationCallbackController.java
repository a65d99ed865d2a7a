package cn.onedoor.arbitration;

import cn.onedoor.bridge.CallbackAnswer;
import cn.onedoor.bridge.CallbackBody;
import cn.onedoor.bridge.CallbackCaseCode;
import cn.onedoor.bridge.CallbackEndpoint;
import cn.onedoor.bridge.CallbackId;
import cn.onedoor.bridge.CallbackInbox;
import cn.onedoor.bridge.ExternalSystem;
import cn.onedoor.casefile.CaseMessages;
import cn.onedoor.deadline.DeadlineService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The labour arbitration commission's answers (劳动仲裁回调): acceptance or not (art 29), the extension
 * of the award period (art 43), the award and whether it is final (art 47). Idempotent and answered
 * like the court's callbacks; the dates are the commission's, the clocks of labour-arbitration.bpmn
 * count from them.
 */
@RestController
@CallbackEndpoint
@RequestMapping(
    path = "/api/callbacks/arbitration",
    consumes = MediaType.APPLICATION_JSON_VALUE,
    produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
    name = "回调：劳动仲裁 Labour arbitration callbacks",
    description = "劳动人事争议仲裁委员会的答复，以 HMAC-SHA256 签名（X-OneDoor-Signature）")
@SecurityRequirement(name = "callbackSignature")
class ArbitrationCallbackController {

  @Schema(description = "受理或不予受理（劳动争议调解仲裁法第29条）")
  record Acceptance(
      @Schema(description = "回调编号，同一回调重发时不变", example = "arbitration-cb-0001") @CallbackId
          String callbackId,
      @Schema(example = "511725-2026-000123") @CallbackCaseCode String caseCode,
      @Schema(description = "true 受理 / false 不予受理（申请人可以向人民法院起诉）") @NotNull(message = "必填")
          Boolean accepted,
      @Schema(
              description = "受理日期；仲裁期限自受理之日起计算。不填的，以收到本回调之日为准",
              example = "2026-12-08",
              nullable = true)
          LocalDate acceptedOn,
      @Schema(description = "不予受理的理由", nullable = true) @Size(max = 500, message = "不超过 500 字")
          String reason)
      implements CallbackBody {}

  @Schema(description = "延长仲裁期限（第43条：经仲裁委员会主任批准，延长不超过15日）")
  record Extension(@CallbackId String callbackId, @CallbackCaseCode String caseCode)
      implements CallbackBody {}

  @Schema(description = "仲裁裁决")
  record Award(
      @CallbackId String callbackId,
      @CallbackCaseCode String caseCode,
      @Schema(description = "true 终局裁决（第47条）/ false 非终局裁决（第50条）") @NotNull(message = "必填")
          Boolean finalAward,
      @Schema(
              description = "裁决书送达日期；起诉期（15日）和撤销申请期（30日）自此计算。不填的，以收到本回调之日为准",
              example = "2027-01-20",
              nullable = true)
          LocalDate deliveredOn)
      implements CallbackBody {}

  private final CallbackInbox inbox;
  private final CaseMessages messages;
  private final Clock clock;

  ArbitrationCallbackController(CallbackInbox inbox, CaseMessages messages, Clock clock) {
    this.inbox = inbox;
    this.messages = messages;
    this.clock = clock;
  }

  @PostMapping("/acceptance")
  @Operation(summary = "受理决定 / Application accepted or not")
  CallbackAnswer accepted(@Valid @RequestBody Acceptance body) {
    LocalDate on = body.acceptedOn() != null ? body.acceptedOn() : today();
    return inbox.accept(
        ExternalSystem.ARBITRATION,
        "ARBITRATION_ACCEPTANCE",
        body,
        () -> messages.arbitrationAccepted(body.caseCode(), body.accepted(), on, body.reason()));
  }

  @PostMapping("/extension")
  @Operation(summary = "延长仲裁期限 / Award period extended")
  CallbackAnswer extended(@Valid @RequestBody Extension body) {
    return inbox.accept(
        ExternalSystem.ARBITRATION,
        "ARBITRATION_EXTENDED",
        body,
        () -> messages.arbitrationExtended(body.caseCode()));
  }

  @PostMapping("/award")
  @Operation(summary = "仲裁裁决 / Award")
  CallbackAnswer awarded(@Valid @RequestBody Award body) {
    LocalDate on = body.deliveredOn() != null ? body.deliveredOn() : today();
    return inbox.accept(
        ExternalSystem.ARBITRATION,
        "ARBITRATION_AWARDED",
        body,
        () -> messages.arbitrationAwarded(body.caseCode(), body.finalAward(), on));
  }

  /** Today in the county, read at each call. */
  private LocalDate today() {
    return LocalDate.now(clock.withZone(DeadlineService.ZONE));
  }
}
