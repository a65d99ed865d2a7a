package cn.onedoor.supervision;

import cn.onedoor.intake.CaseStatuses;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * What the supervision API answers; field names are a contract the page (and anyone else) reads.
 */
final class SupervisionViews {

  private SupervisionViews() {}

  @Schema(description = "代码与中文名称")
  record Named(String code, String name) {}

  @Schema(description = "督办范围：全县或一个乡镇（含其村、社区）")
  record ScopeView(
      String user,
      @Schema(description = "COUNTY / LEADER / TOWN") String level,
      Named area,
      @Schema(description = "所看区域的人口（万人成讼率的分母）") Integer population,
      boolean wholeCounty) {}

  @Schema(description = "统计期：月 2026-03、季度 2026-Q1 或年 2026；存量指标取期末（本期取当前）")
  record PeriodView(String code, String label, Instant from, Instant to, Instant asOf) {}

  @Schema(description = "一项指标，本期与上期；比率同时给出分子与分母")
  record Kpi(
      String key,
      String label,
      @Schema(description = "COUNT / RATE（%）/ PER_10K（每万人）") String kind,
      Double value,
      Double previous,
      Long numerator,
      Long denominator,
      Long previousNumerator,
      Long previousDenominator,
      @Schema(description = "点击后列出所计案件：GET /api/supervision/cases?measure=") String measure,
      String hint) {}

  @Schema(description = "区域格：在办、逾期、逾期占比、本期进入诉讼")
  record AreaCell(
      String code,
      String name,
      long open,
      long overdue,
      Double overdueShare,
      long litigation,
      Integer population,
      Double litigationPer10k) {}

  @Schema(description = "图表一项：在办与逾期")
  record Bar(String code, String name, long open, long overdue) {}

  record Overview(
      ScopeView scope,
      PeriodView period,
      PeriodView previous,
      List<Kpi> kpis,
      List<AreaCell> areas,
      List<Bar> byChannel,
      List<Bar> byDisputeType,
      Instant generatedAt) {}

  @Schema(description = "办理期限（任务）；provisional：届满日用到了尚未公布节假日安排的年份（暂定），公布后自动重算")
  record ClockView(
      String taskId,
      String name,
      Named group,
      String assignee,
      Instant startedAt,
      Instant dueAt,
      boolean overdue,
      boolean provisional) {}

  @Schema(description = "督办记录：催办、升级、督办令、督办令逾期、挂牌督办")
  record EscalationView(
      long id,
      Named rung,
      String clockName,
      Named targetGroup,
      Instant raisedAt,
      String orderText,
      String issuedBy,
      Instant issuedAt,
      Named answeringGroup,
      Instant answerDue,
      boolean overdue,
      Instant answeredAt,
      String answer,
      String answeredBy,
      String source) {}

  @Schema(description = "清单中的一件案件")
  record CaseRow(
      String caseCode,
      @Schema(description = "首次登记所在乡镇") Named town,
      @Schema(description = "首次登记所在村（社区）") Named village,
      Named disputeType,
      Named channel,
      Named stage,
      String riskGrade,
      @Schema(description = "承办单位") Named responsibleUnit,
      @Schema(description = "首问责任人") String responsibleOfficer,
      ClockView clock,
      Named rungReached,
      Instant registeredAt,
      Instant closedAt,
      Named closureReason,
      Named mediationOutcome,
      Instant litigationAt,
      @Schema(description = "结案清单：各期限是否均按期") Boolean onTime,
      EscalationView order) {}

  record CaseList(
      String measure,
      String label,
      PeriodView period,
      Named area,
      String channel,
      String disputeType,
      long total,
      int limit,
      int offset,
      List<CaseRow> rows) {}

  @Schema(description = "等待我（我所在组）处理的督办任务")
  record WaitingTask(
      String taskId,
      String caseCode,
      String name,
      Named group,
      String assignee,
      Instant startedAt,
      Instant dueAt,
      boolean overdue,
      String tasklistUrl) {}

  record JournalEntry(Instant occurredAt, String kind, String stage, String detail, String actor) {}

  record CaseDetail(
      CaseStatuses.StaffView registry,
      Named town,
      Named village,
      Named channel,
      Named handlingLevel,
      @Schema(description = "未结期限（办理与督办），承办组附中文名") List<ClockView> clocks,
      Named rungReached,
      List<EscalationView> escalations,
      List<JournalEntry> journal,
      boolean mayIssueOrder,
      int defaultAnswerWithinWorkingDays) {}

  @Schema(description = "下发督办令")
  record IssueOrderRequest(
      @Schema(description = "督办事项（1–2000 字，勿写个人信息）", requiredMode = Schema.RequiredMode.REQUIRED)
          String text,
      @Schema(description = "答复期限（工作日，1–30；缺省按本县设置）", example = "3")
          Integer answerWithinWorkingDays) {}

  record IssuedOrder(
      String caseCode,
      long escalationId,
      Named answeringGroup,
      Instant answerDue,
      String clockName) {}

  @Schema(description = "流程中一个环节等待中的期限：按期、即将到期、已逾期")
  record ActivitySla(String activityId, long onTime, long dueSoon, long overdue, long open) {}

  record ActivitySlaAnswer(
      String processDefinitionKey, Instant asOf, List<ActivitySla> activities) {}

  @Schema(description = "由已停止响应的节点持有、锁已过期的后台步骤（按节点），其他节点将接手；只列督办范围内的案件")
  record StalledNode(
      @Schema(description = "节点名称（作业锁的持有者）") String node,
      @Schema(description = "后台步骤数") int jobs,
      @Schema(description = "锁到期的时间（最晚一个）：已过，其他节点下次取作业时接手") Instant lockExpiredAt,
      @Schema(description = "涉及的案件编号") List<String> caseCodes) {}

  record StalledJobs(Instant asOf, List<StalledNode> nodes) {}
}
