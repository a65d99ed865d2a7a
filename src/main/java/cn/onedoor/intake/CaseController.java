package cn.onedoor.intake;

import cn.onedoor.casefile.Limitation;
import cn.onedoor.security.CaseAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 只进一扇门: registering a case from any door, and what staff may see of it. */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "案件登记与查询", description = "任一入口登记纠纷（一案一码），工作人员查询案件状态")
class CaseController {

  @Schema(description = "登记结果；同一请求重复提交时内容相同")
  record RegistrationAnswer(
      @Schema(example = "511725-2026-000123") String caseCode,
      Instant registeredAt,
      @Schema(description = "权利人申请调解之时，诉讼时效中断；网格上报、信访转来的不中断（为空）") Instant limitationInterruptedAt,
      @Schema(description = "同一当事人、同类纠纷的未结案件，已关联，请受理人核实") List<String> possibleDuplicates) {}

  @Schema(description = "对移交的异议")
  record Objection(
      @Schema(description = "异议理由（至多 500 字）", requiredMode = Schema.RequiredMode.REQUIRED)
          String reason) {}

  private final Intake intake;
  private final CaseStatuses statuses;
  private final HandOvers handOvers;
  private final CaseAccess access;

  CaseController(Intake intake, CaseStatuses statuses, HandOvers handOvers, CaseAccess access) {
    this.intake = intake;
    this.statuses = statuses;
    this.handOvers = handOvers;
    this.access = access;
  }

  @PostMapping(
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "登记纠纷",
      description =
          """
      任一入口（窗口、网格、热线、网上、法院、公安、信访）登记纠纷。新登记答 201 并在 Location 给出案件地址；
      同一 Idempotency-Key（按调用方区分）或同一 source + externalRef 重复提交，答同一案件（200，内容相同）；
      同一键对应不同内容答 409。校验不通过答 400，problem+json 的 invalidParams 逐项列出字段，且不保存任何内容。""")
  @ApiResponse(responseCode = "201", description = "已登记")
  @ApiResponse(responseCode = "200", description = "同一请求此前已登记，返回同一案件")
  @ApiResponse(
      responseCode = "400",
      description = "字段有误（逐项列出）或 JSON 格式错误",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(
      responseCode = "409",
      description = "幂等键或来源编号已用于另一份不同的登记",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(
      responseCode = "403",
      description = "无权登记（只有受理员、调解员和本入口的对接系统可以登记）",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(
      responseCode = "413",
      description = "请求体过大",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(
      responseCode = "415",
      description = "请求体不是 JSON",
      content = @Content(mediaType = "application/problem+json"))
  ResponseEntity<RegistrationAnswer> register(
      @RequestBody IntakeRequest request,
      @Parameter(description = "调用方生成的幂等键（1–128 字符）")
          @RequestHeader(value = "Idempotency-Key", required = false)
          String idempotencyKey,
      Principal caller) {
    access.requireRegister(caller.getName(), request == null ? null : request.source());
    Intake.Registration registration = intake.register(request, idempotencyKey, caller.getName());
    return ResponseEntity.status(registration.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .location(URI.create("/api/cases/" + registration.caseCode()))
        .body(
            new RegistrationAnswer(
                registration.caseCode(),
                registration.registeredAt(),
                Limitation.interruptedAt(request.source(), registration.registeredAt()),
                registration.possibleDuplicates()));
  }

  @GetMapping(value = "/{caseCode}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "案件状态（工作人员）",
      description =
          "阶段、渠道、层级、风险、承办单位与首问负责人、未结期限、督办、移交、结案；身份证号与手机号脱敏。" + "仅限案件所在村、乡镇、承办的专业调委会或部门以及县级工作人员查看。")
  @ApiResponse(
      responseCode = "403",
      description = "案件不在本人辖区或承办范围内",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(
      responseCode = "404",
      description = "无此案件",
      content = @Content(mediaType = "application/problem+json"))
  CaseStatuses.StaffView status(@PathVariable String caseCode, Principal reader) {
    String code = CaseStatuses.checkedCode(caseCode);
    access.requireRead(reader.getName(), code);
    return statuses.staffView(code);
  }

  @PostMapping(
      value = "/{caseCode}/hand-overs/{handOverId}/objection",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "对错误移交提出异议", description = "接收单位人员在移交后 5 个工作日内提出；记入案件，督办人员可见。")
  @ApiResponse(responseCode = "204", description = "已记录")
  @ApiResponse(
      responseCode = "403",
      description = "不是接收单位的人员",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(
      responseCode = "409",
      description = "已接收、已有异议或异议期已过",
      content = @Content(mediaType = "application/problem+json"))
  ResponseEntity<Void> object(
      @PathVariable String caseCode,
      @PathVariable long handOverId,
      @RequestBody Objection objection,
      Principal person) {
    handOvers.object(
        CaseStatuses.checkedCode(caseCode), handOverId, person.getName(), objection.reason());
    return ResponseEntity.noContent().build();
  }

  @GetMapping(value = "/{caseCode}/parties/full", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "当事人完整身份信息",
      description = "仅辖区或承办范围内的受理、调解、法律援助、法院联络人员可读；每次读取都被记录（谁、何时、何案、用途）。")
  @ApiResponse(
      responseCode = "403",
      description = "无权读取完整个人信息",
      content = @Content(mediaType = "application/problem+json"))
  List<CaseStatuses.FullParty> fullParties(
      @PathVariable String caseCode,
      @Parameter(description = "读取用途，记入审计") @RequestParam String purpose,
      Principal reader) {
    return statuses.fullParties(CaseStatuses.checkedCode(caseCode), reader.getName(), purpose);
  }
}
