package cn.onedoor.grid;

import cn.onedoor.bridge.CallbackEndpoint;
import cn.onedoor.intake.IdempotencyConflictException;
import cn.onedoor.intake.Intake;
import cn.onedoor.intake.IntakeRejectedException;
import cn.onedoor.intake.IntakeRequest;
import cn.onedoor.web.InvalidParam;
import cn.onedoor.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * 网格员上报: the provincial grid system sends a grid worker's report in, signed like every callback,
 * and it is registered through the one door ({@link Intake}) with source GRID and the grid system's
 * report id as external reference. The same report sent again answers the same case; the case's
 * status goes back to the report as it moves (the stage-report outbox, {@code
 * province/StageReports}).
 */
@RestController
@CallbackEndpoint
@Tag(name = "回调：省网格化系统 Grid system", description = "网格员上报的纠纷，以 HMAC-SHA256 签名（X-OneDoor-Signature）")
@SecurityRequirement(name = "callbackSignature")
class GridReportController {

  static final String GRID_SYSTEM = "province-grid";

  @Schema(description = "网格员上报的纠纷；字段含义同 POST /api/cases（source 固定为 GRID）")
  record GridReport(
      @Schema(
              description = "网格系统的事件编号，唯一；重发同一事件使用同一编号",
              example = "grid-2026-0042",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String reportId,
      @Schema(description = "上报的网格员（工号或姓名）", example = "网格员 G0102") String gridWorker,
      @Schema(
              description = "乡镇代码",
              example = "511725104",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String townCode,
      @Schema(description = "村（社区）代码；有则村级受理，无则镇级", example = "511725104001") String villageCode,
      @Schema(example = "NEIGHBOUR", requiredMode = Schema.RequiredMode.REQUIRED)
          String disputeType,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String summary,
      @Schema(example = "3000", requiredMode = Schema.RequiredMode.REQUIRED) BigDecimal amount,
      @Schema(example = "2026-11-19", requiredMode = Schema.RequiredMode.REQUIRED)
          String occurredOn,
      @Schema(example = "2", requiredMode = Schema.RequiredMode.REQUIRED) Integer partyCount,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Boolean consentToMediation,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) IntakeRequest.Flags flags,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<IntakeRequest.Party> parties) {}

  @Schema(description = "登记结果")
  record Registered(
      String reportId,
      @Schema(example = "511725-2026-000123") String caseCode,
      Instant registeredAt,
      @Schema(description = "false：同一事件此前已登记") boolean created) {}

  private final Intake intake;

  GridReportController(Intake intake) {
    this.intake = intake;
  }

  @PostMapping(
      path = "/api/callbacks/grid/reports",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "网格员上报纠纷，登记为案件 / A grid worker's report registered as a case")
  @ApiResponse(responseCode = "201", description = "已登记")
  @ApiResponse(responseCode = "200", description = "同一事件此前已登记，返回同一案件")
  @ApiResponse(
      responseCode = "400",
      description = "字段有误（invalidParams 逐项列出）",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(
      responseCode = "409",
      description = "同一事件编号已用于内容不同的上报",
      content = @Content(mediaType = "application/problem+json"))
  ResponseEntity<Registered> report(@RequestBody GridReport report) {
    String villageCode =
        report.villageCode() == null || report.villageCode().isBlank()
            ? null
            : report.villageCode();
    IntakeRequest request =
        new IntakeRequest(
            "GRID",
            report.reportId(),
            villageCode != null ? "VILLAGE" : "TOWN",
            report.townCode(),
            villageCode,
            receivedBy(report),
            report.disputeType(),
            report.summary(),
            report.amount(),
            report.occurredOn(),
            report.partyCount(),
            report.consentToMediation(),
            report.flags(),
            report.parties());
    Intake.Registration registration = intake.register(request, null, GRID_SYSTEM);
    return ResponseEntity.status(registration.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(
            new Registered(
                report.reportId(),
                registration.caseCode(),
                registration.registeredAt(),
                registration.created()));
  }

  /**
   * For a door other than the window, receivedBy names the sending system (and here the grid
   * worker).
   */
  private static String receivedBy(GridReport report) {
    String by =
        "省网格化系统"
            + (report.gridWorker() == null || report.gridWorker().isBlank()
                ? ""
                : " " + report.gridWorker().trim());
    return by.length() > 64 ? by.substring(0, 64) : by;
  }

  /**
   * The intake's answers in the grid system's words: its report id is {@code reportId}, not
   * externalRef.
   */
  @RestControllerAdvice(assignableTypes = GridReportController.class)
  @Order(Ordered.HIGHEST_PRECEDENCE)
  static class GridReportProblems {

    @ExceptionHandler(IntakeRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(IntakeRejectedException e, HttpServletRequest request) {
      List<InvalidParam> params =
          e.violations().stream()
              .map(
                  v ->
                      "externalRef".equals(v.name()) ? new InvalidParam("reportId", v.reason()) : v)
              .toList();
      return Problems.invalidParams("上报内容无效", params, request);
    }

    @ExceptionHandler(IdempotencyConflictException.class)
    ResponseEntity<ProblemDetail> conflict(
        IdempotencyConflictException e, HttpServletRequest request) {
      return Problems.answer(
          HttpStatus.CONFLICT,
          "事件编号重复",
          "该事件编号已登记为案件 " + e.caseCode() + "，但内容不同；更正请联系受理窗口，新事件请使用新的编号",
          List.of(new InvalidParam("reportId", "已用于另一份不同的上报")),
          request);
    }
  }
}
