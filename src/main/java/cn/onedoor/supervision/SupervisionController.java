package cn.onedoor.supervision;

import cn.onedoor.supervision.SupervisionViews.ActivitySlaAnswer;
import cn.onedoor.supervision.SupervisionViews.CaseDetail;
import cn.onedoor.supervision.SupervisionViews.CaseList;
import cn.onedoor.supervision.SupervisionViews.IssueOrderRequest;
import cn.onedoor.supervision.SupervisionViews.IssuedOrder;
import cn.onedoor.supervision.SupervisionViews.Overview;
import cn.onedoor.supervision.SupervisionViews.StalledJobs;
import cn.onedoor.supervision.SupervisionViews.WaitingTask;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The supervisors' page's API (一屏观城乡): figures, the lists behind them, one case, supervision
 * orders, and the SLA state per activity for the Cockpit overlay. HTTP Basic or the Camunda webapp
 * session (see SessionApiSecurity).
 */
@RestController
@RequestMapping(path = "/api/supervision", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "督办 Supervision", description = "督办员的一屏观城乡：指标、清单、案件、督办令 / the supervisors' page")
@SecurityRequirement(name = "basicAuth")
@ApiResponse(
    responseCode = "400",
    description = "参数有误，invalidParams 逐项列出",
    content = @Content(mediaType = "application/problem+json"))
@ApiResponse(
    responseCode = "403",
    description = "不是督办员，或超出督办范围（如乡镇督办员查看其他乡镇）",
    content = @Content(mediaType = "application/problem+json"))
class SupervisionController {

  private final SupervisionBoard board;

  SupervisionController(SupervisionBoard board) {
    this.board = board;
  }

  @GetMapping("/overview")
  @ApiResponse(responseCode = "200", description = "成功")
  @Operation(
      summary = "指标总览 / Figures of a period against the previous one",
      description =
          "在办、两日内到期、已超期、升级督办、督办令待答复、本期结案、按期办结率、调解成功率、万人成讼率；"
              + "区域格（乡镇或村按逾期占比着色）、按渠道与纠纷类型的图表。每项指标的 measure 可在 /cases 列出所计案件。")
  Overview overview(
      Authentication user,
      @Parameter(description = "单位代码（县、乡镇或村），缺省为本人督办范围") @RequestParam(required = false)
          String unit,
      @Parameter(description = "统计期：2026-03、2026-Q1 或 2026，缺省为本月") @RequestParam(required = false)
          String period) {
    return board.overview(scope(user), unit, period);
  }

  @GetMapping("/cases")
  @ApiResponse(responseCode = "200", description = "成功")
  @Operation(
      summary = "指标背后的案件清单 / The cases a figure counts",
      description = "total 与总览中同一指标的数值一致；rows 为一页（limit、offset）。")
  CaseList cases(
      Authentication user,
      @Parameter(
              description =
                  "OPEN, DUE_SOON, OVERDUE, ESCALATED, OPEN_ORDERS, CLOSED, ON_TIME, MEDIATION, "
                      + "MEDIATION_SUCCESS, LITIGATION")
          @RequestParam
          String measure,
      @RequestParam(required = false) String unit,
      @RequestParam(required = false) String period,
      @Parameter(description = "调解渠道代码") @RequestParam(required = false) String channel,
      @Parameter(description = "纠纷类型代码") @RequestParam(required = false) String disputeType,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Integer offset) {
    return board.cases(scope(user), measure, unit, period, channel, disputeType, limit, offset);
  }

  @GetMapping("/escalations/waiting")
  @ApiResponse(responseCode = "200", description = "成功")
  @Operation(
      summary = "等待我处理的督办 / Escalations waiting for me",
      description = "催办、升级、待下发的督办令、逾期未答复的督办令：在我所在组、尚未办理的任务，附任务清单链接。")
  List<WaitingTask> waiting(Authentication user, @RequestParam(required = false) String unit) {
    return board.waiting(scope(user), groups(user), unit);
  }

  @GetMapping("/cases/{caseCode}")
  @ApiResponse(responseCode = "200", description = "成功")
  @Operation(summary = "一件案件 / One case", description = "登记、阶段、期限、督办记录与案件日志。")
  @ApiResponse(
      responseCode = "404",
      description = "无此案件",
      content = @Content(mediaType = "application/problem+json"))
  CaseDetail caseDetail(Authentication user, @PathVariable String caseCode) {
    return board.caseDetail(scope(user), caseCode);
  }

  @PostMapping(path = "/cases/{caseCode}/orders", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @ApiResponse(responseCode = "201", description = "已下发")
  @Operation(
      summary = "下发督办令 / Issue a supervision order",
      description =
          "承办单位在任务清单收到答复任务（答复期限按工作日计）；答复记入案件；逾期未答复则向上一级再次督办。" + "以网页会话调用时须带 X-XSRF-TOKEN。")
  @ApiResponse(
      responseCode = "404",
      description = "无此案件",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(
      responseCode = "409",
      description = "案件已结案",
      content = @Content(mediaType = "application/problem+json"))
  IssuedOrder issue(
      Authentication user, @PathVariable String caseCode, @RequestBody IssueOrderRequest request) {
    return board.issue(scope(user), caseCode, request);
  }

  @GetMapping("/activity-sla")
  @ApiResponse(responseCode = "200", description = "成功")
  @Operation(
      summary = "各环节期限状态 / SLA state per activity",
      description = "某流程各环节等待中的期限：按期、即将到期、已逾期（流程监控的流程图叠加层用）。")
  ActivitySlaAnswer activitySla(
      Authentication user,
      @Parameter(description = "流程标识，如 mediation") @RequestParam String processDefinitionKey,
      @RequestParam(required = false) String unit) {
    return board.activitySla(scope(user), processDefinitionKey, unit);
  }

  @GetMapping("/stalled-jobs")
  @ApiResponse(responseCode = "200", description = "成功")
  @Operation(
      summary = "停止响应的节点持有的后台步骤 / Jobs held by a node that no longer answers",
      description =
          "锁已过期仍未释放的后台步骤（调用外部系统、定时器等），按持有节点列出所涉督办范围内的案件；" + "锁到期后由其他节点接手，接手后即不再列出。nodes 为空表示没有。")
  StalledJobs stalledJobs(Authentication user) {
    return board.stalledJobs(scope(user));
  }

  private SupervisionScope scope(Authentication user) {
    return board.scope(user.getName());
  }

  private static List<String> groups(Authentication user) {
    return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
  }
}
