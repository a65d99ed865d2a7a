package cn.onedoor.designer;

import cn.onedoor.identity.StaffGroups;
import cn.onedoor.identity.StaffRole;
import cn.onedoor.web.InvalidParam;
import cn.onedoor.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The designers' what-if: a changed decision table (the DMN file as saved by Camunda Modeler) is
 * evaluated against the inputs of past cases, and the answer lists the cases it would have routed
 * differently. Nothing is deployed. Designers and administrators only.
 */
@RestController
@RequestMapping("/api/designer/what-if")
@Tag(
    name = "决策表推演 What-if",
    description = "部署前用历史案件推演修改后的决策表 / A changed decision table against past cases")
@SecurityRequirement(name = "basicAuth")
class WhatIfController {

  private final DecisionWhatIf whatIf;
  private final IdentityService identityService;

  WhatIfController(DecisionWhatIf whatIf, IdentityService identityService) {
    this.whatIf = whatIf;
    this.identityService = identityService;
  }

  @PostMapping(
      consumes = {
        MediaType.APPLICATION_XML_VALUE,
        MediaType.TEXT_XML_VALUE,
        MediaType.APPLICATION_OCTET_STREAM_VALUE,
        "application/dmn+xml"
      },
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "推演修改后的决策表（流程设计员、系统管理员）/ What-if of a changed decision table",
      description =
          "请求体为 DMN 文件。用历史中该决策每次评估的输入重新求值，列出结果不同的案件（案件编码、原结果 → 新结果）" + "和按调解渠道的汇总。不部署任何内容。")
  @ApiResponse(responseCode = "200", description = "推演结果 / The cases that would change")
  @ApiResponse(
      responseCode = "400",
      description = "文件无法解析，或某条规则有误（指出规则）",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
              schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(
      responseCode = "422",
      description = "历史记录中没有该决策，或缺少新表的输入（指出输入）",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
              schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "403", description = "仅流程设计员、系统管理员", content = @Content)
  ResponseEntity<?> whatIf(
      @RequestBody(required = false) byte[] body,
      @Parameter(description = "决策 id；文件只有一个顶层决策时可省略", example = "channel-routing")
          @RequestParam(required = false)
          String decision,
      @Parameter(description = "最多推演最近多少次评估（1–20000，默认 5000）") @RequestParam(required = false)
          String limit,
      HttpServletRequest request) {
    if (!allowed()) {
      return Problems.answer(
          HttpStatus.FORBIDDEN, "无权推演", "只有流程设计员和系统管理员可以推演决策表", List.of(), request);
    }
    return ResponseEntity.ok(whatIf.evaluate(body, decision, limit(limit)));
  }

  private boolean allowed() {
    var authentication = identityService.getCurrentAuthentication();
    if (authentication == null || authentication.getGroupIds() == null) {
      return false;
    }
    return authentication.getGroupIds().stream()
        .anyMatch(
            group ->
                StaffGroups.ADMINISTRATORS.equals(group)
                    || StaffGroups.parse(group)
                        .map(g -> g.role() == StaffRole.DESIGNER)
                        .orElse(false));
  }

  private static int limit(String limit) {
    if (limit == null || limit.isBlank()) {
      return DecisionWhatIf.DEFAULT_LIMIT;
    }
    try {
      int value = Integer.parseInt(limit.trim());
      if (value >= 1 && value <= DecisionWhatIf.MAX_LIMIT) {
        return value;
      }
    } catch (NumberFormatException notANumber) {
      // answered below
    }
    throw new WhatIfProblem(
        HttpStatus.BAD_REQUEST,
        "参数有误：limit",
        "limit 应为 1 至 " + DecisionWhatIf.MAX_LIMIT + " 之间的整数",
        List.of(
            new InvalidParam(
                "limit", "应为 1 至 " + DecisionWhatIf.MAX_LIMIT + " 之间的整数，收到“" + limit + "”")));
  }

  @ExceptionHandler(WhatIfProblem.class)
  ResponseEntity<ProblemDetail> problem(WhatIfProblem e, HttpServletRequest request) {
    return Problems.answer(e.status(), e.title(), e.getMessage(), e.invalidParams(), request);
  }
}
