package cn.onedoor.bridge;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Every request to another system, recorded once per case and step. The idempotency key is stable across retries
 * of the same step (a failed attempt rolls back, so the count of earlier visits does not change) and new when a
 * case passes the same step again (a second confirmation application after re-mediation).
 */
@Service
public class OutboundRequests {

  public record Request(String idempotencyKey, String system, String step, String caseCode, String payload) {
  }

  private final JdbcTemplate jdbc;
  private final HistoryService historyService;
  private final Clock clock;

  OutboundRequests(JdbcTemplate jdbc, HistoryService historyService, Clock clock) {
    this.jdbc = jdbc;
    this.historyService = historyService;
    this.clock = clock;
  }

  public String idempotencyKey(DelegateExecution execution, String step) {
    long earlierVisits = historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .activityId(execution.getCurrentActivityId())
        .finished()
        .count();
    return execution.getProcessBusinessKey() + ":" + step + ":" + (earlierVisits + 1);
  }

  /** Records the request; answers false when this very request was recorded before (a duplicate in effect). */
  public boolean record(String idempotencyKey, String system, String step, String caseCode, String payload) {
    try {
      jdbc.update("insert into outbound_request (idempotency_key, system_name, step, case_code, payload, created_at) "
          + "values (?, ?, ?, ?, ?, ?)", idempotencyKey, system, step, caseCode, payload, Timestamp.from(clock.instant()));
      return true;
    } catch (DuplicateKeyException alreadySent) {
      return false;
    }
  }

  public List<Request> forCase(String caseCode) {
    return jdbc.query("select * from outbound_request where case_code = ? order by id", (rs, row) -> new Request(
        rs.getString("idempotency_key"), rs.getString("system_name"), rs.getString("step"),
        rs.getString("case_code"), rs.getString("payload")), caseCode);
  }
}
