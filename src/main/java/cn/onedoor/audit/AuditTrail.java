package cn.onedoor.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.history.UserOperationLogQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The county supervisor's audit trail, read from where each act is recorded anyway (nothing is
 * written twice): {@code personal_data_read}; hand-overs in the registry ({@code case_hand_over}:
 * routing's and the ladder's moves, with the person whose step caused them) and their acceptance or
 * objection in the journal; supervision orders, journalled as SUPERVISION_ORDER with who issued
 * them, whether in Tasklist or on the supervisors' page; and manual changes in Cockpit, Admin or
 * the REST API (the engine's user operation log, categories Operator and Admin). Each entry names
 * the person; "系统" is the system's own act (a clock, a rule).
 *
 * <p>Engine queries run with the caller's own authorizations: a county supervisor's role reads all
 * history and the operation log, so the engine agrees with who may see this.
 */
@Service
public class AuditTrail {

  static final String SYSTEM = "系统";

  public record Entry(
      AuditKind kind,
      String kindName,
      Instant occurredAt,
      String actor,
      String caseCode,
      String detail) {

    static Entry of(
        AuditKind kind, Instant occurredAt, String actor, String caseCode, String detail) {
      return new Entry(
          kind, kind.chineseName(), occurredAt, actor == null ? SYSTEM : actor, caseCode, detail);
    }
  }

  /**
   * A query: the period [from, to), the kinds wanted, optionally one case and one person, at most
   * limit entries.
   */
  public record Query(
      Instant from, Instant to, Set<AuditKind> kinds, String caseCode, String actor, int limit) {}

  public record Page(Instant from, Instant to, List<Entry> entries, boolean truncated) {}

  private final JdbcTemplate jdbc;
  private final HistoryService historyService;

  AuditTrail(JdbcTemplate jdbc, HistoryService historyService) {
    this.jdbc = jdbc;
    this.historyService = historyService;
  }

  public Page find(Query query) {
    List<Entry> entries = new ArrayList<>();
    if (query.kinds().contains(AuditKind.PERSONAL_DATA_READ)) {
      entries.addAll(personalDataReads(query));
    }
    if (query.kinds().contains(AuditKind.HAND_OVER)) {
      entries.addAll(registryHandOvers(query));
      entries.addAll(
          journal(query, List.of("HAND_OVER_ACCEPTED", "HAND_OVER_OBJECTED"), AuditKind.HAND_OVER));
    }
    if (query.kinds().contains(AuditKind.SUPERVISION_ORDER)) {
      entries.addAll(journal(query, List.of("SUPERVISION_ORDER"), AuditKind.SUPERVISION_ORDER));
    }
    if (query.kinds().contains(AuditKind.ENGINE_OPERATION)) {
      entries.addAll(engineOperations(query));
    }
    entries.sort(Comparator.comparing(Entry::occurredAt).reversed());
    boolean truncated = entries.size() > query.limit();
    return new Page(
        query.from(),
        query.to(),
        truncated ? entries.subList(0, query.limit()) : entries,
        truncated);
  }

  private List<Entry> personalDataReads(Query query) {
    Sql sql =
        new Sql(
            "select case_code, read_by, read_at, purpose from personal_data_read where read_at >= ? and read_at < ?",
            query);
    sql.optional("case_code", query.caseCode()).optional("read_by", query.actor());
    return jdbc.query(
        sql.text + " order by read_at desc limit " + query.limit(),
        (rs, row) ->
            Entry.of(
                AuditKind.PERSONAL_DATA_READ,
                rs.getTimestamp("read_at").toInstant(),
                rs.getString("read_by"),
                rs.getString("case_code"),
                "用途：" + rs.getString("purpose")),
        sql.arguments.toArray());
  }

  private List<Entry> journal(Query query, List<String> eventKinds, AuditKind kind) {
    Sql sql =
        new Sql(
            "select case_code, occurred_at, kind, actor, detail from case_event where occurred_at >= ? "
                + "and occurred_at < ?",
            query);
    sql.text +=
        " and kind in (" + String.join(", ", eventKinds.stream().map(any -> "?").toList()) + ")";
    sql.arguments.addAll(eventKinds);
    sql.optional("case_code", query.caseCode()).optional("actor", query.actor());
    return jdbc.query(
        sql.text + " order by occurred_at desc limit " + query.limit(),
        (rs, row) ->
            Entry.of(
                kind,
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor"),
                rs.getString("case_code"),
                ("HAND_OVER_ACCEPTED".equals(rs.getString("kind")) ? "接收移交：" : "")
                    + rs.getString("detail")),
        sql.arguments.toArray());
  }

  private List<Entry> registryHandOvers(Query query) {
    Sql sql =
        new Sql(
            "select case_code, handed_at, handed_by, from_unit, to_unit, reason from case_hand_over "
                + "where handed_at >= ? and handed_at < ?",
            query);
    sql.optional("case_code", query.caseCode()).optional("handed_by", query.actor());
    return jdbc.query(
        sql.text + " order by handed_at desc limit " + query.limit(),
        (rs, row) ->
            Entry.of(
                AuditKind.HAND_OVER,
                rs.getTimestamp("handed_at").toInstant(),
                rs.getString("handed_by"),
                rs.getString("case_code"),
                rs.getString("from_unit")
                    + " → "
                    + rs.getString("to_unit")
                    + (rs.getString("reason") == null ? "" : "：" + rs.getString("reason"))),
        sql.arguments.toArray());
  }

  /**
   * One entry per operation (the engine logs one row per property it changed), its properties in
   * the detail.
   */
  private List<Entry> engineOperations(Query query) {
    List<UserOperationLogEntry> rows = new ArrayList<>();
    if (query.caseCode() != null) {
      for (HistoricProcessInstance instance :
          historyService
              .createHistoricProcessInstanceQuery()
              .processInstanceBusinessKey(query.caseCode())
              .list()) {
        rows.addAll(
            operationLog(query)
                .processInstanceId(instance.getId())
                .listPage(0, query.limit() * 10));
      }
    } else {
      rows.addAll(operationLog(query).listPage(0, query.limit() * 10));
    }
    Map<String, List<UserOperationLogEntry>> operations = new LinkedHashMap<>();
    for (UserOperationLogEntry row : rows) {
      operations
          .computeIfAbsent(
              row.getOperationId() == null ? row.getId() : row.getOperationId(),
              any -> new ArrayList<>())
          .add(row);
    }
    Map<String, String> caseCodes =
        caseCodes(
            rows.stream()
                .map(UserOperationLogEntry::getProcessInstanceId)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet()));
    List<Entry> entries = new ArrayList<>();
    for (List<UserOperationLogEntry> operation : operations.values()) {
      UserOperationLogEntry first = operation.get(0);
      String properties =
          operation.stream()
              .filter(row -> row.getProperty() != null)
              .map(row -> row.getProperty() + "：" + row.getOrgValue() + " → " + row.getNewValue())
              .collect(Collectors.joining("；"));
      entries.add(
          Entry.of(
              AuditKind.ENGINE_OPERATION,
              first.getTimestamp().toInstant(),
              first.getUserId(),
              first.getProcessInstanceId() == null
                  ? null
                  : caseCodes.get(first.getProcessInstanceId()),
              first.getOperationType()
                  + " "
                  + first.getEntityType()
                  + (properties.isEmpty() ? "" : "（" + properties + "）")));
    }
    return entries;
  }

  private UserOperationLogQuery operationLog(Query query) {
    UserOperationLogQuery log =
        historyService
            .createUserOperationLogQuery()
            .categoryIn(
                UserOperationLogEntry.CATEGORY_OPERATOR, UserOperationLogEntry.CATEGORY_ADMIN)
            .afterTimestamp(Date.from(query.from().minusMillis(1)))
            .beforeTimestamp(Date.from(query.to()))
            .orderByTimestamp()
            .desc();
    if (query.actor() != null) {
      log.userId(query.actor());
    }
    return log;
  }

  private Map<String, String> caseCodes(Set<String> processInstanceIds) {
    Map<String, String> codes = new HashMap<>();
    if (processInstanceIds.isEmpty()) {
      return codes;
    }
    historyService
        .createHistoricProcessInstanceQuery()
        .processInstanceIds(processInstanceIds)
        .list()
        .forEach(instance -> codes.put(instance.getId(), instance.getBusinessKey()));
    return codes;
  }

  /** A where clause over a period, with optional equality conditions appended. */
  private static final class Sql {
    private String text;
    private final List<Object> arguments = new ArrayList<>();

    Sql(String text, Query query) {
      this.text = text;
      arguments.add(Timestamp.from(query.from()));
      arguments.add(Timestamp.from(query.to()));
    }

    Sql optional(String column, String value) {
      if (value != null) {
        text += " and " + column + " = ?";
        arguments.add(value);
      }
      return this;
    }
  }
}
