package cn.onedoor.intake;

import cn.onedoor.web.InvalidParam;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The party's own view of a case, open to anyone who knows the case code and a party's mobile
 * digits.
 */
@RestController
@RequestMapping("/api/public/cases")
@Tag(name = "当事人查询", description = "当事人凭案件编号和手机号后四位查询办理进度（页面：/status/）")
class PartyCaseController {

  private final CaseStatuses statuses;
  private final PartyLookupLimiter limiter;

  PartyCaseController(CaseStatuses statuses, PartyLookupLimiter limiter) {
    this.statuses = statuses;
    this.limiter = limiter;
  }

  @GetMapping(value = "/{caseCode}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "当事人查询案件进度", description = "阶段、下一期限、承办单位、结果；不含任何人的个人信息。")
  @ApiResponse(
      responseCode = "404",
      description = "案件编号或手机号后四位不符（不区分，以免泄露）",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(
      responseCode = "429",
      description = "错误次数过多",
      content = @Content(mediaType = "application/problem+json"))
  CaseStatuses.PartyView partyView(
      @PathVariable String caseCode,
      @Parameter(description = "任一当事人手机号的后四位", example = "5678") @RequestParam(required = false)
          String mobileLast4) {
    String code = CaseStatuses.checkedCode(caseCode);
    if (mobileLast4 == null || !mobileLast4.matches("\\d{4}")) {
      throw new IntakeRejectedException(List.of(new InvalidParam("mobileLast4", "请输入手机号码后四位数字")));
    }
    if (limiter.blocked(code)) {
      throw new TooManyLookupsException();
    }
    try {
      return statuses.partyView(code, mobileLast4);
    } catch (CaseNotFoundException wrongDigitsOrNoCase) {
      limiter.failed(code);
      throw wrongDigitsOrNoCase;
    }
  }
}
