package cn.onedoor.supervision;

import cn.onedoor.organisation.Units;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The supervisors' page as SQL over our registry (case_progress, case_clock, case_escalation,
 * dispute_case), never over engine history. Each figure is the row count of the same statement that
 * lists its cases, so a number on the page and the list behind it cannot disagree. Every statement
 * starts from an index range (see V20__supervision.sql); the benchmark in src/test (ScaleBenchmark)
 * times them at 110,000 and 1,100,000 cases.
 */
@Service
class SupervisionQueries {

  /** What a figure counts; the same name selects its list, whose title is the label. */
  enum Measure {
    OPEN("在办案件"),
    DUE_SOON("两日内到期"),
    OVERDUE("已超期"),
    ESCALATED("本期升级督办"),
    OPEN_ORDERS("督办令待答复"),
    CLOSED("本期结案"),
    ON_TIME("按期办结"),
    MEDIATION("本期调解终结"),
    MEDIATION_SUCCESS("调解成功"),
    LITIGATION("本期进入诉讼");

    private final String label;

    Measure(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  static final List<String> MEDIATION_SUCCESSES =
      List.of("AGREEMENT_WRITTEN", "AGREEMENT_ORAL", "PERFORMED");
  static final List<String> ORDER_RUNGS =
      List.of(EscalationRung.SUPERVISION_ORDER.name(), EscalationRung.LEADER_LISTED.name());

  /**
   * The area looked at: the county, a town or a village; {@code townCode} is the town the area lies
   * in.
   */
  record Area(Units.Kind kind, String code, String name, Integer population, String townCode) {}

  /** Narrows a list (or a chart's bar) to a channel or a dispute type. */
  record Filter(Area area, String channel, String disputeType) {}

  /**
   * A row of the list behind a figure: the case, the time it is sorted by, and the order row for
   * OPEN_ORDERS.
   */
  record ListedCase(String caseCode, Instant sortAt, Long escalationId) {}

  /**
   * Cases of one town, village, channel or dispute type: open and overdue; brought to court (per
   * area only).
   */
  record Counts(long open, long overdue, long litigation) {

    static final Counts NONE = new Counts(0, 0, 0);
  }

  /** What the lists show of a case: its progress and where it was registered. */
  record CaseFacts(
      String caseCode,
      String stage,
      String channel,
      String handlingLevel,
      String riskGrade,
      String currentUnit,
      String townCode,
      String villageCode,
      String disputeType,
      Instant registeredAt,
      Instant closedAt,
      String closureReason,
      String mediationOutcome,
      Instant litigationAt,
      String registeredTown,
      String registeredVillage,
      String responsibleUnit,
      String responsibleOfficer) {

    /** A case the registry does not know (yet): every fact empty. */
    static CaseFacts unknown(String caseCode) {
      return new CaseFacts(
          caseCode, null, null, null, null, null, null, null, null, null, null, null, null, null,
          null, null, null, null);
    }
  }

  /** A work clock of a case (the most urgent one open at a moment). */
  record UrgentClock(
      String taskId,
      String name,
      String candidateGroup,
      String assignee,
      Instant startedAt,
      Instant dueAt,
      boolean provisional) {}

  /** A row of case_escalation: a rung reached, an order issued, an order left unanswered. */
  record EscalationRow(
      long id,
      String caseCode,
      String rung,
      String clockName,
      String targetGroup,
      Instant raisedAt,
      String orderText,
      String issuedBy,
      Instant issuedAt,
      String answeringGroup,
      Instant answerDue,
      Instant answeredAt,
      String answer,
      String answeredBy,
      String source) {}

  /** An escalation task waiting in a group. */
  record WaitingRow(
      String taskId,
      String caseCode,
      String name,
      String candidateGroup,
      String assignee,
      Instant startedAt,
      Instant dueAt) {}

  /** The open clocks of one activity: overdue, due soon, all. */
  record ActivityClocks(String activityId, long overdue, long dueSoon, long open) {}

  /** A line of the case's journal. */
  record JournalRow(Instant occurredAt, String kind, String stage, String detail, String actor) {}

  private static final String ESCALATION_COLUMNS =
      """
      id, case_code, rung, clock_name, target_group, raised_at, order_text, issued_by, issued_at, answering_group,
      answer_due, answered_at, answer, answered_by, source""";

  private final JdbcTemplate jdbc;
  private final Duration dueSoon;

  SupervisionQueries(JdbcTemplate jdbc, SupervisionSettings settings) {
    this.jdbc = jdbc;
    this.dueSoon = settings.dueSoon();
  }

  /**
   * A measure as one statement with its arguments: the row source of both the figure and its list.
   */
  private record Source(String sql, List<Object> args) {}

  long count(Measure measure, SupervisionPeriod period, Filter filter) {
    Source source = source(measure, period, filter);
    Long count =
        jdbc.queryForObject(
            "select count(*) from (" + source.sql() + ") counted",
            Long.class,
            source.args().toArray());
    return count == null ? 0 : count;
  }

  /** A page of the list behind a figure, with the figure (every row the list has). */
  record ListPage(long total, List<ListedCase> rows) {}

  /**
   * One page of the list behind a figure, most urgent or most recent first, and the figure, from
   * one run of the measure's statement: the county's overdue list reads every overdue clock of the
   * county to order them, and counting them in a second statement read them all again (the scale
   * benchmark at 1.1 million cases: 110 ms for the list and its count).
   */
  ListPage listPage(
      Measure measure, SupervisionPeriod period, Filter filter, int limit, int offset) {
    Source source = source(measure, period, filter);
    List<Object> args = new ArrayList<>(source.args());
    args.add(limit);
    args.add(offset);
    String order =
        switch (measure) {
          case DUE_SOON, OVERDUE, OPEN_ORDERS -> "sort_at asc, case_code";
          default -> "sort_at desc, case_code";
        };
    boolean orders = measure == Measure.OPEN_ORDERS;
    long[] total = {0};
    List<ListedCase> rows =
        jdbc.query(
            "select listed.*, count(*) over () as listed_total from ("
                + source.sql()
                + ") listed order by "
                + order
                + " limit ? offset ?",
            (rs, row) -> {
              total[0] = rs.getLong("listed_total");
              return new ListedCase(
                  rs.getString("case_code"),
                  instant(rs.getTimestamp("sort_at")),
                  orders ? rs.getLong("escalation_id") : null);
            },
            args.toArray());
    // a page past the end has no row to carry the figure
    return new ListPage(
        rows.isEmpty() && offset > 0 ? count(measure, period, filter) : total[0], rows);
  }

  private Source source(Measure measure, SupervisionPeriod period, Filter filter) {
    return source(measure, period, filter, null);
  }

  /**
   * The statement behind a measure. With {@code groupBy} (a column that case_progress, case_clock
   * and case_escalation share: town_code, village_code, channel, dispute_type) each row also
   * carries that column as {@code area}, for counts per town or per channel from the very same
   * statement.
   */
  private Source source(Measure measure, SupervisionPeriod period, Filter filter, String groupBy) {
    Timestamp asOf = Timestamp.from(period.asOf());
    Timestamp from = Timestamp.from(period.from());
    Timestamp to = Timestamp.from(period.to());
    List<Object> args = new ArrayList<>();
    StringBuilder sql = new StringBuilder();
    switch (measure) {
      case OPEN -> {
        // open at the moment: not closed yet, or closed after it; two index ranges rather than one
        // OR over all cases
        sql.append(select("p", "p.registered_at", groupBy))
            .append(" from case_progress p where p.closed_at is null")
            .append(" and p.registered_at <= ?");
        args.add(asOf);
        caseFilter(sql, args, "p", filter);
        sql.append(" union all ")
            .append(select("p", "p.registered_at", groupBy))
            .append(" from case_progress p where p.closed_at > ? and p.registered_at <= ?");
        args.addAll(List.of(asOf, asOf));
        caseFilter(sql, args, "p", filter);
      }
      case DUE_SOON, OVERDUE -> {
        // clocks running at the moment (still open, or ended after it), two index ranges; then one
        // row per case (and
        // area: the clocks of one case carry the same town, village, channel and type)
        String area = groupBy == null ? "" : ", c." + groupBy;
        sql.append("select c.case_code, min(c.due_at) as sort_at")
            .append(groupBy == null ? "" : area + " as area")
            .append(" from (");
        for (String running : List.of("c.ended_at is null", "c.ended_at > ?")) {
          if (running.endsWith("?")) {
            sql.append(" union all ");
            args.add(asOf);
          }
          sql.append("select c.case_code, c.due_at")
              .append(area)
              .append(" from case_clock c where ")
              .append(running);
          areaFilter(sql, args, "c", filter.area());
          sql.append(" and c.clock_kind = 'WORK' and c.started_at <= ?");
          args.add(asOf);
          if (measure == Measure.OVERDUE) {
            sql.append(" and c.due_at < ?");
            args.add(asOf);
          } else {
            sql.append(" and c.due_at >= ? and c.due_at < ?");
            args.addAll(List.of(asOf, Timestamp.from(period.asOf().plus(dueSoon))));
          }
          typeFilter(sql, args, "c", filter);
        }
        sql.append(") c group by c.case_code").append(area);
      }
      case ESCALATED -> {
        sql.append("select e.case_code, max(e.raised_at) as sort_at")
            .append(groupBy == null ? "" : ", e." + groupBy + " as area")
            .append(" from case_escalation e");
        if (filter.channel() != null || filter.disputeType() != null) {
          sql.append(" join case_progress p on p.case_code = e.case_code");
        }
        sql.append(" where e.raised_at >= ? and e.raised_at < ?");
        args.addAll(List.of(from, to));
        areaFilter(sql, args, "e", filter.area());
        typeFilter(sql, args, "p", filter);
        sql.append(" group by e.case_code").append(groupBy == null ? "" : ", e." + groupBy);
      }
      case OPEN_ORDERS -> {
        sql.append("select e.case_code, e.answer_due as sort_at, e.id as escalation_id")
            .append(groupBy == null ? "" : ", e." + groupBy + " as area")
            .append(" from case_escalation e");
        if (filter.channel() != null || filter.disputeType() != null) {
          sql.append(" join case_progress p on p.case_code = e.case_code");
        }
        sql.append(
            " where e.rung in (?, ?) and (e.answered_at is null or e.answered_at > ?) and e.issued_at <= ?");
        args.addAll(ORDER_RUNGS);
        args.addAll(List.of(asOf, asOf));
        areaFilter(sql, args, "e", filter.area());
        typeFilter(sql, args, "p", filter);
      }
      case CLOSED, ON_TIME -> {
        sql.append(select("p", "p.closed_at", groupBy))
            .append(" from case_progress p where ")
            .append("p.closed_at >= ? and p.closed_at < ?");
        args.addAll(List.of(from, to));
        caseFilter(sql, args, "p", filter);
        if (measure == Measure.ON_TIME) {
          // On time: no clock of the case's work ran past its due date, neither completed late nor
          // still open.
          sql.append(" and not exists (select 1 from case_clock c where c.case_code = p.case_code")
              .append(
                  " and c.clock_kind = 'WORK' and c.due_at < coalesce(c.ended_at, p.closed_at))");
        }
      }
      case MEDIATION, MEDIATION_SUCCESS -> {
        sql.append(select("p", "p.mediation_ended_at", groupBy))
            .append(" from case_progress p where ")
            .append("p.mediation_ended_at >= ? and p.mediation_ended_at < ?");
        args.addAll(List.of(from, to));
        caseFilter(sql, args, "p", filter);
        if (measure == Measure.MEDIATION_SUCCESS) {
          sql.append(" and p.mediation_outcome in (?, ?, ?)");
          args.addAll(MEDIATION_SUCCESSES);
        }
      }
      case LITIGATION -> {
        sql.append(select("p", "p.litigation_at", groupBy))
            .append(" from case_progress p where ")
            .append("p.litigation_at >= ? and p.litigation_at < ?");
        args.addAll(List.of(from, to));
        caseFilter(sql, args, "p", filter);
      }
      default -> throw new IllegalArgumentException(measure.name());
    }
    return new Source(sql.toString(), args);
  }

  private static String select(String alias, String sortColumn, String groupBy) {
    return "select "
        + alias
        + ".case_code, "
        + sortColumn
        + " as sort_at"
        + (groupBy == null ? "" : ", " + alias + "." + groupBy + " as area");
  }

  /** Area, channel and dispute type on case_progress itself. */
  private static void caseFilter(
      StringBuilder sql, List<Object> args, String alias, Filter filter) {
    areaFilter(sql, args, alias, filter.area());
    typeFilter(sql, args, alias, filter);
  }

  /**
   * The one area condition, on the town and village columns that case_progress has and that clocks
   * and escalations copy from it: nothing for the county, the town for a town, the town and the
   * village for a village (the town first, as every index of V20__supervision.sql lists it).
   */
  private static void areaFilter(StringBuilder sql, List<Object> args, String alias, Area area) {
    if (area.kind() == Units.Kind.TOWN) {
      sql.append(" and ").append(alias).append(".town_code = ?");
      args.add(area.code());
    } else if (area.kind() == Units.Kind.VILLAGE) {
      sql.append(" and ")
          .append(alias)
          .append(".town_code = ? and ")
          .append(alias)
          .append(".village_code = ?");
      args.add(area.townCode());
      args.add(area.code());
    }
  }

  private static void typeFilter(
      StringBuilder sql, List<Object> args, String alias, Filter filter) {
    if (filter.channel() != null) {
      sql.append(" and ").append(alias).append(".channel = ?");
      args.add(filter.channel());
    }
    if (filter.disputeType() != null) {
      sql.append(" and ").append(alias).append(".dispute_type = ?");
      args.add(filter.disputeType());
    }
  }

  /**
   * Open and overdue cases per town (or per village of a town), and cases brought to court in the
   * period: the grid coloured by overdue share. {@code byVillage} groups by village within the
   * area's town.
   */
  Map<String, Counts> byArea(SupervisionPeriod period, Area area, boolean byVillage) {
    return counted(
        period,
        area,
        byVillage ? "village_code" : "town_code",
        List.of(Measure.OPEN, Measure.OVERDUE, Measure.LITIGATION));
  }

  /** Open and overdue cases per channel or per dispute type. */
  Map<String, Counts> byCaseColumn(SupervisionPeriod period, Area area, String column) {
    return counted(period, area, column, List.of(Measure.OPEN, Measure.OVERDUE));
  }

  /**
   * The measures (open, overdue, litigation, in that order) counted per value of {@code column}.
   */
  private Map<String, Counts> counted(
      SupervisionPeriod period, Area area, String column, List<Measure> measures) {
    Map<String, long[]> counts = new LinkedHashMap<>();
    Filter all = new Filter(area, null, null);
    for (int slot = 0; slot < measures.size(); slot++) {
      grouped(measures.get(slot), period, all, column, counts, slot);
    }
    Map<String, Counts> typed = new LinkedHashMap<>();
    counts.forEach((key, c) -> typed.put(key, new Counts(c[0], c[1], c[2])));
    return typed;
  }

  /** The rows of a measure's own statement, counted per {@code column}. */
  private void grouped(
      Measure measure,
      SupervisionPeriod period,
      Filter filter,
      String column,
      Map<String, long[]> into,
      int slot) {
    Source source = source(measure, period, filter, column);
    jdbc.query(
        "select area, count(*) from (" + source.sql() + ") grouped group by area",
        (ResultSet rs) -> {
          into.computeIfAbsent(key(rs.getString(1)), k -> new long[3])[slot] = rs.getLong(2);
        },
        source.args().toArray());
  }

  private static String key(String code) {
    return code == null ? "" : code;
  }

  /** What the lists show of each case, by code. */
  Map<String, CaseFacts> cases(Collection<String> caseCodes) {
    Map<String, CaseFacts> found = new HashMap<>();
    if (caseCodes.isEmpty()) {
      return found;
    }
    String marks = String.join(", ", caseCodes.stream().map(code -> "?").toList());
    jdbc.query(
            """
        select p.case_code, p.stage, p.channel, p.handling_level, p.risk_grade, p.current_unit, p.town_code,
          p.village_code, p.dispute_type, p.registered_at, p.closed_at, p.closure_reason, p.mediation_outcome,
          p.litigation_at, d.town_code as registered_town, d.village_code as registered_village,
          d.responsible_unit, d.responsible_officer
        from case_progress p join dispute_case d on d.case_code = p.case_code
        where p.case_code in (%s)"""
                .formatted(marks),
            (rs, row) ->
                new CaseFacts(
                    rs.getString("case_code"),
                    rs.getString("stage"),
                    rs.getString("channel"),
                    rs.getString("handling_level"),
                    rs.getString("risk_grade"),
                    rs.getString("current_unit"),
                    rs.getString("town_code"),
                    rs.getString("village_code"),
                    rs.getString("dispute_type"),
                    instant(rs.getTimestamp("registered_at")),
                    instant(rs.getTimestamp("closed_at")),
                    rs.getString("closure_reason"),
                    rs.getString("mediation_outcome"),
                    instant(rs.getTimestamp("litigation_at")),
                    rs.getString("registered_town"),
                    rs.getString("registered_village"),
                    rs.getString("responsible_unit"),
                    rs.getString("responsible_officer")),
            caseCodes.toArray())
        .forEach(facts -> found.put(facts.caseCode(), facts));
    return found;
  }

  /** Each case's most urgent work clock that was open at {@code asOf}. */
  Map<String, UrgentClock> urgentClocks(Collection<String> caseCodes, Instant asOf) {
    Map<String, UrgentClock> found = new HashMap<>();
    if (caseCodes.isEmpty()) {
      return found;
    }
    String marks = String.join(", ", caseCodes.stream().map(code -> "?").toList());
    List<Object> args = new ArrayList<>(caseCodes);
    args.add(Timestamp.from(asOf));
    args.add(Timestamp.from(asOf));
    jdbc.query(
        """
        select case_code, task_id, name, process_key, activity_id, candidate_group, assignee, started_at, due_at,
          exists (select 1 from provisional_deadline p where p.case_code = case_clock.case_code
            and p.due_at = case_clock.due_at) as provisional
        from case_clock where case_code in (%s) and clock_kind = 'WORK' and started_at <= ?
          and (ended_at is null or ended_at > ?)
        order by due_at, started_at"""
            .formatted(marks),
        (ResultSet rs) -> {
          found.putIfAbsent(
              rs.getString("case_code"),
              new UrgentClock(
                  rs.getString("task_id"),
                  rs.getString("name"),
                  rs.getString("candidate_group"),
                  rs.getString("assignee"),
                  instant(rs.getTimestamp("started_at")),
                  instant(rs.getTimestamp("due_at")),
                  rs.getBoolean("provisional")));
        },
        args.toArray());
    return found;
  }

  /** The highest rung each case has reached, in the ladder's order ({@link EscalationRung}). */
  Map<String, String> rungsReached(Collection<String> caseCodes) {
    Map<String, String> reached = new HashMap<>();
    if (caseCodes.isEmpty()) {
      return reached;
    }
    String marks = String.join(", ", caseCodes.stream().map(code -> "?").toList());
    jdbc.query(
        "select case_code, rung from case_escalation where case_code in (%s)".formatted(marks),
        (ResultSet rs) -> {
          String caseCode = rs.getString(1);
          String rung = rs.getString(2);
          String before = reached.get(caseCode);
          if (before == null || EscalationRung.rank(rung) > EscalationRung.rank(before)) {
            reached.put(caseCode, rung);
          }
        },
        caseCodes.toArray());
    return reached;
  }

  /**
   * Those of these (closed) cases with a work clock that ran past its due date: the opposite of
   * ON_TIME.
   */
  List<String> lateAmong(Collection<String> caseCodes) {
    if (caseCodes.isEmpty()) {
      return List.of();
    }
    String marks = String.join(", ", caseCodes.stream().map(code -> "?").toList());
    return jdbc.queryForList(
        """
        select distinct c.case_code from case_clock c join case_progress p on p.case_code = c.case_code
        where c.case_code in (%s) and c.clock_kind = 'WORK' and c.due_at < coalesce(c.ended_at, p.closed_at)"""
            .formatted(marks),
        String.class,
        caseCodes.toArray());
  }

  /** Escalation rows by id (the supervision orders list). */
  Map<Long, EscalationRow> escalations(Collection<Long> ids) {
    Map<Long, EscalationRow> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    String marks = String.join(", ", ids.stream().map(id -> "?").toList());
    jdbc.query(
            "select %s from case_escalation where id in (%s)".formatted(ESCALATION_COLUMNS, marks),
            SupervisionQueries::escalation,
            ids.toArray())
        .forEach(row -> found.put(row.id(), row));
    return found;
  }

  /** Escalation tasks waiting in one of these groups (催办, 升级, 督办令 to issue or to press). */
  List<WaitingRow> waitingFor(Collection<String> groups, Area area) {
    if (groups.isEmpty()) {
      return List.of();
    }
    String marks = String.join(", ", groups.stream().map(group -> "?").toList());
    List<Object> args = new ArrayList<>(groups);
    StringBuilder sql =
        new StringBuilder(
            """
        select c.task_id, c.case_code, c.name, c.candidate_group, c.assignee, c.started_at, c.due_at, c.process_key,
          c.activity_id, c.town_code, c.village_code
        from case_clock c where c.candidate_group in (%s) and c.ended_at is null and c.clock_kind = 'ESCALATION'
        """
                .formatted(marks));
    areaFilter(sql, args, "c", area);
    sql.append(" order by c.due_at, c.started_at limit 500");
    return jdbc.query(
        sql.toString(),
        (rs, row) ->
            new WaitingRow(
                rs.getString("task_id"),
                rs.getString("case_code"),
                rs.getString("name"),
                rs.getString("candidate_group"),
                rs.getString("assignee"),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("due_at"))),
        args.toArray());
  }

  /**
   * Open clocks of one process per activity: on time, due soon, overdue (the Cockpit diagram
   * overlay).
   */
  List<ActivityClocks> activitySla(String processKey, Instant now, Area area) {
    Timestamp at = Timestamp.from(now);
    Timestamp soon = Timestamp.from(now.plus(dueSoon));
    List<Object> args = new ArrayList<>(List.of(at, at, soon, processKey));
    StringBuilder sql =
        new StringBuilder(
            """
        select c.activity_id,
          sum(case when c.due_at < ? then 1 else 0 end) as overdue,
          sum(case when c.due_at >= ? and c.due_at < ? then 1 else 0 end) as due_soon,
          count(*) as open_clocks
        from case_clock c where c.process_key = ? and c.ended_at is null""");
    areaFilter(sql, args, "c", area);
    sql.append(" group by c.activity_id order by c.activity_id");
    return jdbc.query(
        sql.toString(),
        (rs, row) ->
            new ActivityClocks(
                rs.getString("activity_id"),
                rs.getLong("overdue"),
                rs.getLong("due_soon"),
                rs.getLong("open_clocks")),
        args.toArray());
  }

  /** The journal of one case, newest last. */
  List<JournalRow> journal(String caseCode) {
    return jdbc.query(
        """
        select occurred_at, kind, stage, detail, actor from case_event where case_code = ? order by occurred_at, id""",
        (rs, row) ->
            new JournalRow(
                instant(rs.getTimestamp("occurred_at")),
                rs.getString("kind"),
                rs.getString("stage"),
                rs.getString("detail"),
                rs.getString("actor")),
        caseCode);
  }

  /** The case's escalations and orders, newest last. */
  List<EscalationRow> escalationsOf(String caseCode) {
    return jdbc.query(
        "select %s from case_escalation where case_code = ? order by raised_at, id"
            .formatted(ESCALATION_COLUMNS),
        SupervisionQueries::escalation,
        caseCode);
  }

  private static EscalationRow escalation(ResultSet rs, int row) throws SQLException {
    return new EscalationRow(
        rs.getLong("id"),
        rs.getString("case_code"),
        rs.getString("rung"),
        rs.getString("clock_name"),
        rs.getString("target_group"),
        instant(rs.getTimestamp("raised_at")),
        rs.getString("order_text"),
        rs.getString("issued_by"),
        instant(rs.getTimestamp("issued_at")),
        rs.getString("answering_group"),
        instant(rs.getTimestamp("answer_due")),
        instant(rs.getTimestamp("answered_at")),
        rs.getString("answer"),
        rs.getString("answered_by"),
        rs.getString("source"));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
