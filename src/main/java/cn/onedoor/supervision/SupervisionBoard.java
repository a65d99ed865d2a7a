package cn.onedoor.supervision;

import cn.onedoor.casefile.CaseCodes;
import cn.onedoor.intake.CaseStatuses;
import cn.onedoor.operations.ExpiredJobLocks;
import cn.onedoor.operations.ExpiredJobLocks.HeldJob;
import cn.onedoor.organisation.Units;
import cn.onedoor.routing.DisputeType;
import cn.onedoor.security.CaseAccess;
import cn.onedoor.supervision.SupervisionQueries.Area;
import cn.onedoor.supervision.SupervisionQueries.CaseFacts;
import cn.onedoor.supervision.SupervisionQueries.Counts;
import cn.onedoor.supervision.SupervisionQueries.EscalationRow;
import cn.onedoor.supervision.SupervisionQueries.Filter;
import cn.onedoor.supervision.SupervisionQueries.ListedCase;
import cn.onedoor.supervision.SupervisionQueries.Measure;
import cn.onedoor.supervision.SupervisionQueries.UrgentClock;
import cn.onedoor.supervision.SupervisionViews.ActivitySla;
import cn.onedoor.supervision.SupervisionViews.ActivitySlaAnswer;
import cn.onedoor.supervision.SupervisionViews.AreaCell;
import cn.onedoor.supervision.SupervisionViews.Bar;
import cn.onedoor.supervision.SupervisionViews.CaseDetail;
import cn.onedoor.supervision.SupervisionViews.CaseList;
import cn.onedoor.supervision.SupervisionViews.CaseRow;
import cn.onedoor.supervision.SupervisionViews.ClockView;
import cn.onedoor.supervision.SupervisionViews.EscalationView;
import cn.onedoor.supervision.SupervisionViews.IssueOrderRequest;
import cn.onedoor.supervision.SupervisionViews.IssuedOrder;
import cn.onedoor.supervision.SupervisionViews.JournalEntry;
import cn.onedoor.supervision.SupervisionViews.Kpi;
import cn.onedoor.supervision.SupervisionViews.Named;
import cn.onedoor.supervision.SupervisionViews.Overview;
import cn.onedoor.supervision.SupervisionViews.PeriodView;
import cn.onedoor.supervision.SupervisionViews.ScopeView;
import cn.onedoor.supervision.SupervisionViews.StalledJobs;
import cn.onedoor.supervision.SupervisionViews.StalledNode;
import cn.onedoor.supervision.SupervisionViews.WaitingTask;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * What the supervisors' page asks, checked and answered: whose scope, which area and period, the
 * figures with their previous period, the lists behind them, one case, and a supervision order
 * issued on it.
 */
@Service
class SupervisionBoard {

  private final CaseAccess caseAccess;
  private final SupervisionQueries queries;
  private final Units units;
  private final CaseStatuses statuses;
  private final SupervisionOrders orders;
  private final SupervisionSettings settings;
  private final EscalationSettings escalationSettings;
  private final ExpiredJobLocks expiredJobLocks;
  private final Clock clock;
  private final String countyCode;

  SupervisionBoard(
      CaseAccess caseAccess,
      SupervisionQueries queries,
      Units units,
      CaseStatuses statuses,
      SupervisionOrders orders,
      SupervisionSettings settings,
      EscalationSettings escalationSettings,
      ExpiredJobLocks expiredJobLocks,
      Clock clock,
      @Value("${onedoor.county.code}") String countyCode) {
    this.caseAccess = caseAccess;
    this.queries = queries;
    this.units = units;
    this.statuses = statuses;
    this.orders = orders;
    this.settings = settings;
    this.escalationSettings = escalationSettings;
    this.expiredJobLocks = expiredJobLocks;
    this.clock = clock;
    this.countyCode = countyCode;
  }

  /** The asker's scope, from the same area rule as the rest of our API (CaseAccess, StaffArea). */
  SupervisionScope scope(String userId) {
    return SupervisionScope.of(caseAccess.areaOf(userId))
        .orElseThrow(
            () ->
                new SupervisionForbiddenException(
                    null, "用户 " + userId + " 不是督办员：督办页面只对县、乡镇督办员和分管领导开放"));
  }

  /**
   * The area asked for (a county, town or village code), within the asker's scope; the whole scope
   * by default.
   */
  Area area(SupervisionScope scope, String unitCode) {
    String code =
        unitCode == null || unitCode.isBlank()
            ? (scope.wholeCounty() ? countyCode : scope.townCode())
            : unitCode.trim();
    Units.Unit unit =
        units.find(null, null).stream()
            .filter(u -> u.code().equals(code))
            .filter(
                u ->
                    u.kind() == Units.Kind.COUNTY
                        || u.kind() == Units.Kind.TOWN
                        || u.kind() == Units.Kind.VILLAGE)
            .findFirst()
            .orElseThrow(
                () ->
                    new InvalidSupervisionQueryException(
                        "unit", "未知的单位代码 " + code + "（应为县、乡镇或村（社区）代码，见 GET /api/units）"));
    String town =
        switch (unit.kind()) {
          case TOWN -> unit.code();
          case VILLAGE -> unit.parentCode();
          default -> null;
        };
    boolean covered = scope.wholeCounty() || (town != null && scope.covers(town));
    if (!covered) {
      throw new SupervisionForbiddenException(
          "unit",
          "无权查看"
              + unit.name()
              + "的数据：督办范围为"
              + units.find(null, null).stream()
                  .filter(u -> u.code().equals(scope.townCode()))
                  .map(Units.Unit::name)
                  .findFirst()
                  .orElse(scope.townCode()));
    }
    return new Area(unit.kind(), unit.code(), unit.name(), unit.population(), town);
  }

  SupervisionPeriod period(String code) {
    Instant now = clock.instant();
    SupervisionPeriod period = SupervisionPeriod.parse(code, now);
    if (period == null) {
      throw new InvalidSupervisionQueryException("period", "统计期应为月（2026-03）、季度（2026-Q1）或年（2026）");
    }
    if (period.startsAfter(now)) {
      throw new InvalidSupervisionQueryException("period", "统计期 " + period.label() + " 尚未开始");
    }
    return period;
  }

  Overview overview(SupervisionScope scope, String unitCode, String periodCode) {
    Area area = area(scope, unitCode);
    SupervisionPeriod period = period(periodCode);
    SupervisionPeriod previous = period.previous(clock.instant());
    Filter all = new Filter(area, null, null);
    List<Kpi> kpis = new ArrayList<>();
    kpis.add(
        count(
            "open",
            Measure.OPEN.label(),
            Measure.OPEN,
            period,
            previous,
            all,
            "统计期末（本期为当前）尚未结案的案件"));
    kpis.add(
        count(
            "dueSoon",
            Measure.DUE_SOON.label(),
            Measure.DUE_SOON,
            period,
            previous,
            all,
            "有办理期限在 " + settings.dueSoon().toHours() / 24 + " 日内到期、尚未逾期的在办案件"));
    kpis.add(
        count(
            "overdue",
            Measure.OVERDUE.label(),
            Measure.OVERDUE,
            period,
            previous,
            all,
            "有办理期限已过仍未办结的案件"));
    // the figure says what it counts, its list says of which period
    kpis.add(
        count("escalated", "升级督办", Measure.ESCALATED, period, previous, all, "本期被催办、升级或督办的案件"));
    kpis.add(
        count(
            "openOrders",
            Measure.OPEN_ORDERS.label(),
            Measure.OPEN_ORDERS,
            period,
            previous,
            all,
            "已下发、承办单位尚未答复的督办令"));
    kpis.add(
        count("closed", Measure.CLOSED.label(), Measure.CLOSED, period, previous, all, "本期办结的案件"));
    kpis.add(
        rate(
            "onTimeRate",
            "按期办结率",
            Measure.ON_TIME,
            Measure.CLOSED,
            period,
            previous,
            all,
            "本期结案中，各办理期限均未逾期的比例"));
    kpis.add(
        rate(
            "mediationSuccessRate",
            "调解成功率",
            Measure.MEDIATION_SUCCESS,
            Measure.MEDIATION,
            period,
            previous,
            all,
            "本期调解终结的案件中达成协议或当场履行的比例"));
    kpis.add(perTenThousand(area, period, previous, all));

    boolean byVillage = area.kind() != Units.Kind.COUNTY;
    Map<String, Counts> areaCounts = queries.byArea(period, area, byVillage);
    List<Units.Unit> cells =
        byVillage
            ? (area.kind() == Units.Kind.VILLAGE
                ? units.find(Units.Kind.VILLAGE, area.townCode()).stream()
                    .filter(u -> u.code().equals(area.code()))
                    .toList()
                : units.find(Units.Kind.VILLAGE, area.code()))
            : units.find(Units.Kind.TOWN, countyCode);
    List<AreaCell> areas =
        cells.stream()
            .map(
                unit -> {
                  Counts c = areaCounts.getOrDefault(unit.code(), Counts.NONE);
                  return new AreaCell(
                      unit.code(),
                      unit.name(),
                      c.open(),
                      c.overdue(),
                      c.open() == 0 ? null : round(100.0 * c.overdue() / c.open()),
                      c.litigation(),
                      unit.population(),
                      unit.population() == null || unit.population() == 0
                          ? null
                          : round(c.litigation() * 10000.0 / unit.population()));
                })
            .toList();

    List<Bar> byChannel =
        bars(queries.byCaseColumn(period, area, "channel"), SupervisionNames::channel);
    List<Bar> byType =
        bars(queries.byCaseColumn(period, area, "dispute_type"), SupervisionNames::disputeType);
    return new Overview(
        new ScopeView(
            scope.userId(),
            scope.level(),
            new Named(area.code(), area.name()),
            area.population(),
            scope.wholeCounty()),
        view(period),
        view(previous),
        kpis,
        areas,
        byChannel,
        byType,
        clock.instant());
  }

  private Kpi count(
      String key,
      String label,
      Measure measure,
      SupervisionPeriod period,
      SupervisionPeriod previous,
      Filter filter,
      String hint) {
    long now = queries.count(measure, period, filter);
    long before = queries.count(measure, previous, filter);
    return new Kpi(
        key,
        label,
        "COUNT",
        (double) now,
        (double) before,
        now,
        null,
        before,
        null,
        measure.name(),
        hint);
  }

  private Kpi rate(
      String key,
      String label,
      Measure part,
      Measure whole,
      SupervisionPeriod period,
      SupervisionPeriod previous,
      Filter filter,
      String hint) {
    long partNow = queries.count(part, period, filter);
    long wholeNow = queries.count(whole, period, filter);
    long partBefore = queries.count(part, previous, filter);
    long wholeBefore = queries.count(whole, previous, filter);
    return new Kpi(
        key,
        label,
        "RATE",
        wholeNow == 0 ? null : round(100.0 * partNow / wholeNow),
        wholeBefore == 0 ? null : round(100.0 * partBefore / wholeBefore),
        partNow,
        wholeNow,
        partBefore,
        wholeBefore,
        whole.name(),
        hint);
  }

  private Kpi perTenThousand(
      Area area, SupervisionPeriod period, SupervisionPeriod previous, Filter filter) {
    long now = queries.count(Measure.LITIGATION, period, filter);
    long before = queries.count(Measure.LITIGATION, previous, filter);
    Integer population = area.population();
    boolean known = population != null && population > 0;
    return new Kpi(
        "litigationPer10k",
        "万人成讼率",
        "PER_10K",
        known ? round(now * 10000.0 / population) : null,
        known ? round(before * 10000.0 / population) : null,
        now,
        known ? population.longValue() : null,
        before,
        known ? population.longValue() : null,
        Measure.LITIGATION.name(),
        "本期进入诉讼（诉讼引调）的案件数 ÷ 人口 × 10000，案件按首次登记地计");
  }

  private static List<Bar> bars(
      Map<String, Counts> counts, java.util.function.Function<String, Named> name) {
    return counts.entrySet().stream()
        .filter(entry -> entry.getValue().open() > 0 || entry.getValue().overdue() > 0)
        .map(
            entry -> {
              Named named =
                  entry.getKey().isEmpty() ? new Named("", "未分流") : name.apply(entry.getKey());
              return new Bar(
                  entry.getKey(),
                  named.name(),
                  entry.getValue().open(),
                  entry.getValue().overdue());
            })
        .sorted(Comparator.comparingLong(Bar::open).reversed().thenComparing(Bar::code))
        .toList();
  }

  Measure measure(String code) {
    try {
      return Measure.valueOf(code);
    } catch (IllegalArgumentException | NullPointerException unknown) {
      throw new InvalidSupervisionQueryException(
          "measure", "应为 " + Arrays.toString(Measure.values()));
    }
  }

  CaseList cases(
      SupervisionScope scope,
      String measureCode,
      String unitCode,
      String periodCode,
      String channel,
      String disputeType,
      Integer limit,
      Integer offset) {
    Measure measure = measure(measureCode);
    Area area = area(scope, unitCode);
    SupervisionPeriod period = period(periodCode);
    if (channel != null && !channel.isBlank() && !SupervisionNames.CHANNELS.containsKey(channel)) {
      throw new InvalidSupervisionQueryException("channel", "未知的调解渠道 " + channel);
    }
    if (disputeType != null
        && !disputeType.isBlank()
        && Arrays.stream(DisputeType.values()).noneMatch(type -> type.name().equals(disputeType))) {
      throw new InvalidSupervisionQueryException(
          "disputeType", "未知的纠纷类型 " + disputeType + "（见 GET /api/dispute-types）");
    }
    int pageSize = limit == null ? 50 : limit;
    if (pageSize < 1 || pageSize > settings.listLimit()) {
      throw new InvalidSupervisionQueryException("limit", "应在 1 至 " + settings.listLimit() + " 之间");
    }
    int skip = offset == null ? 0 : offset;
    if (skip < 0) {
      throw new InvalidSupervisionQueryException("offset", "不能为负");
    }
    Filter filter = new Filter(area, blankToNull(channel), blankToNull(disputeType));
    SupervisionQueries.ListPage listed = queries.listPage(measure, period, filter, pageSize, skip);
    long total = listed.total();
    List<ListedCase> page = listed.rows();
    List<String> codes = page.stream().map(ListedCase::caseCode).distinct().toList();
    SupervisionNames names = new SupervisionNames(units);
    Map<String, CaseFacts> cases = queries.cases(codes);
    Map<String, UrgentClock> clocks = queries.urgentClocks(codes, period.asOf());
    Map<String, String> rungs = queries.rungsReached(codes);
    Map<Long, EscalationRow> orderRows =
        measure == Measure.OPEN_ORDERS
            ? queries.escalations(page.stream().map(ListedCase::escalationId).toList())
            : Map.of();
    List<String> onTimeCodes =
        measure == Measure.CLOSED ? onTime(period, filter, codes) : List.of();
    List<CaseRow> rows =
        page.stream()
            .map(
                row -> {
                  String code = row.caseCode();
                  CaseFacts c = cases.getOrDefault(code, CaseFacts.unknown(code));
                  EscalationRow order =
                      row.escalationId() == null ? null : orderRows.get(row.escalationId());
                  return new CaseRow(
                      code,
                      names.unit(c.registeredTown()),
                      names.unit(c.registeredVillage()),
                      SupervisionNames.disputeType(c.disputeType()),
                      SupervisionNames.channel(c.channel()),
                      SupervisionNames.stage(c.stage()),
                      c.riskGrade(),
                      names.unit(c.currentUnit()),
                      c.responsibleOfficer(),
                      clock(clocks.get(code), period.asOf(), names),
                      SupervisionNames.rung(rungs.get(code)),
                      c.registeredAt(),
                      c.closedAt(),
                      SupervisionNames.closureReason(c.closureReason()),
                      SupervisionNames.mediationOutcome(c.mediationOutcome()),
                      c.litigationAt(),
                      onTimeFlag(measure, onTimeCodes, code),
                      order == null ? null : escalation(order, period.asOf(), names));
                })
            .toList();
    return new CaseList(
        measure.name(),
        measure.label(),
        view(period),
        new Named(area.code(), area.name()),
        blankToNull(channel),
        blankToNull(disputeType),
        total,
        pageSize,
        skip,
        rows);
  }

  private static Boolean onTimeFlag(Measure measure, List<String> onTimeCodes, String code) {
    if (measure == Measure.CLOSED) {
      return onTimeCodes.contains(code);
    }
    return measure == Measure.ON_TIME ? Boolean.TRUE : null;
  }

  /** Which of these closed cases were on time (the ON_TIME rule, for the cases of one page). */
  private List<String> onTime(SupervisionPeriod period, Filter filter, List<String> codes) {
    List<String> late = queries.lateAmong(codes);
    return codes.stream().filter(code -> !late.contains(code)).toList();
  }

  List<WaitingTask> waiting(SupervisionScope scope, Collection<String> groups, String unitCode) {
    Area area = area(scope, unitCode);
    Instant now = clock.instant();
    SupervisionNames names = new SupervisionNames(units);
    return queries.waitingFor(groups, area).stream()
        .map(
            row -> {
              Instant due = row.dueAt();
              return new WaitingTask(
                  row.taskId(),
                  row.caseCode(),
                  row.name(),
                  names.group(row.candidateGroup()),
                  row.assignee(),
                  row.startedAt(),
                  due,
                  due != null && due.isBefore(now),
                  "/camunda/app/tasklist/default/#/?task=" + row.taskId());
            })
        .toList();
  }

  CaseDetail caseDetail(SupervisionScope scope, String caseCode) {
    CaseFacts facts = checkedCase(scope, caseCode);
    SupervisionNames names = new SupervisionNames(units);
    Instant now = clock.instant();
    List<EscalationView> escalations =
        queries.escalationsOf(caseCode).stream().map(row -> escalation(row, now, names)).toList();
    List<JournalEntry> journal =
        queries.journal(caseCode).stream()
            .map(
                row ->
                    new JournalEntry(
                        row.occurredAt(), row.kind(), row.stage(), row.detail(), row.actor()))
            .toList();
    CaseStatuses.StaffView registry = statuses.staffView(caseCode);
    List<ClockView> clocks =
        registry.openClocks().stream()
            .map(
                c ->
                    new ClockView(
                        null,
                        c.name(),
                        names.group(c.candidateGroup()),
                        c.assignee(),
                        c.startedAt(),
                        c.dueAt(),
                        c.overdue(),
                        c.provisional()))
            .toList();
    return new CaseDetail(
        registry,
        names.unit(facts.registeredTown()),
        names.unit(facts.registeredVillage()),
        SupervisionNames.channel(registry.channel()),
        SupervisionNames.level(registry.handlingLevel()),
        clocks,
        SupervisionNames.rung(queries.rungsReached(List.of(caseCode)).get(caseCode)),
        escalations,
        journal,
        facts.closedAt() == null,
        escalationSettings.defaultAnswerWithin().getDays());
  }

  IssuedOrder issue(SupervisionScope scope, String caseCode, IssueOrderRequest request) {
    if (request == null
        || request.text() == null
        || request.text().isBlank()
        || request.text().length() > 2000) {
      throw new InvalidSupervisionQueryException("text", "请写明督办事项（1 至 2000 字）");
    }
    int within =
        request.answerWithinWorkingDays() == null
            ? escalationSettings.defaultAnswerWithin().getDays()
            : request.answerWithinWorkingDays();
    if (within < 1 || within > 30) {
      throw new InvalidSupervisionQueryException("answerWithinWorkingDays", "答复期限应为 1 至 30 个工作日");
    }
    CaseFacts facts = checkedCase(scope, caseCode);
    if (facts.closedAt() != null) {
      throw new CaseAlreadyClosedException(caseCode);
    }
    SupervisionOrders.Issued issued = orders.issue(caseCode, request.text().trim(), within, scope);
    return new IssuedOrder(
        caseCode,
        issued.escalationId(),
        new SupervisionNames(units).group(issued.answeringGroup()),
        issued.answerDue().toInstant(),
        issued.clockName());
  }

  ActivitySlaAnswer activitySla(SupervisionScope scope, String processKey, String unitCode) {
    if (processKey == null || !processKey.matches("[a-z][a-z0-9-]{0,63}")) {
      throw new InvalidSupervisionQueryException("processDefinitionKey", "应为流程标识，如 mediation");
    }
    Area area = area(scope, unitCode);
    Instant now = clock.instant();
    List<ActivitySla> activities =
        queries.activitySla(processKey, now, area).stream()
            .map(
                row ->
                    new ActivitySla(
                        row.activityId(),
                        row.open() - row.overdue() - row.dueSoon(),
                        row.dueSoon(),
                        row.overdue(),
                        row.open()))
            .toList();
    return new ActivitySlaAnswer(processKey, now, activities);
  }

  /**
   * Jobs of the asker's cases held by a node that no longer answers (the rule of {@link
   * ExpiredJobLocks}, as on {@code /actuator/health}), per node: why such a case does not move
   * until another node takes it over. Jobs of no case, or of a case outside the scope, are left
   * out.
   */
  StalledJobs stalledJobs(SupervisionScope scope) {
    List<HeldJob> held = expiredJobLocks.now();
    Map<String, CaseFacts> cases =
        queries.cases(
            held.stream().map(HeldJob::caseCode).filter(code -> code != null).distinct().toList());
    Map<String, List<HeldJob>> byNode = new java.util.TreeMap<>();
    held.stream()
        .filter(job -> cases.containsKey(job.caseCode()))
        .filter(job -> scope.covers(cases.get(job.caseCode()).townCode()))
        .forEach(job -> byNode.computeIfAbsent(job.node(), node -> new ArrayList<>()).add(job));
    List<StalledNode> nodes =
        byNode.entrySet().stream()
            .map(
                entry ->
                    new StalledNode(
                        entry.getKey(),
                        entry.getValue().size(),
                        entry.getValue().stream()
                            .map(HeldJob::lockExpiredAt)
                            .max(Instant::compareTo)
                            .orElseThrow(),
                        entry.getValue().stream()
                            .map(HeldJob::caseCode)
                            .distinct()
                            .sorted()
                            .toList()))
            .toList();
    return new StalledJobs(clock.instant(), nodes);
  }

  /**
   * The case's registration facts, after checking the code, its existence and the asker's scope
   * (400, 404, 403).
   */
  private CaseFacts checkedCase(SupervisionScope scope, String caseCode) {
    if (!CaseCodes.wellFormed(caseCode)) {
      throw new InvalidSupervisionQueryException("caseCode", "案件编号格式应为“6位县代码-4位年份-6位序号”（短信告知的编号）");
    }
    CaseFacts facts = queries.cases(List.of(caseCode)).get(caseCode);
    if (facts == null) {
      throw new SupervisedCaseNotFoundException(caseCode);
    }
    if (!scope.covers(facts.townCode())) {
      throw new SupervisionForbiddenException("caseCode", "案件 " + caseCode + " 不在您的督办范围内");
    }
    return facts;
  }

  private static ClockView clock(UrgentClock row, Instant asOf, SupervisionNames names) {
    if (row == null) {
      return null;
    }
    Instant due = row.dueAt();
    return new ClockView(
        row.taskId(),
        row.name(),
        names.group(row.candidateGroup()),
        row.assignee(),
        row.startedAt(),
        due,
        due != null && due.isBefore(asOf),
        row.provisional());
  }

  private static EscalationView escalation(
      EscalationRow row, Instant asOf, SupervisionNames names) {
    Instant due = row.answerDue();
    Instant answered = row.answeredAt();
    return new EscalationView(
        row.id(),
        SupervisionNames.rung(row.rung()),
        row.clockName(),
        names.group(row.targetGroup()),
        row.raisedAt(),
        row.orderText(),
        row.issuedBy(),
        row.issuedAt(),
        names.group(row.answeringGroup()),
        due,
        due != null && (answered == null ? due.isBefore(asOf) : due.isBefore(answered)),
        answered,
        row.answer(),
        row.answeredBy(),
        row.source());
  }

  private static PeriodView view(SupervisionPeriod period) {
    return new PeriodView(period.code(), period.label(), period.from(), period.to(), period.asOf());
  }

  private static Double round(double value) {
    return Math.round(value * 10.0) / 10.0;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
