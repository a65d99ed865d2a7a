package cn.onedoor.bridge;

import cn.onedoor.intake.PersonalData;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Every request to another system, recorded once per case and step with the answer it got. The
 * idempotency key is stable across retries of the same step (a failed attempt rolls back, so the
 * count of earlier visits does not change) and new when a case passes the same step again (a second
 * confirmation application after re-mediation). The key travels as the {@code Idempotency-Key}
 * header, so the other side can drop a repeat of a request whose answer we lost.
 */
@Service
public class OutboundRequests {

  public record Request(
      String idempotencyKey,
      String system,
      String step,
      String caseCode,
      String payload,
      Integer responseStatus,
      String response) {}

  /** What identifies one request of one step of one case. */
  public record Key(String caseCode, String step, String idempotencyKey) {}

  private final JdbcTemplate jdbc;
  private final HistoryService historyService;
  private final Clock clock;

  OutboundRequests(JdbcTemplate jdbc, HistoryService historyService, Clock clock) {
    this.jdbc = jdbc;
    this.historyService = historyService;
    this.clock = clock;
  }

  public String idempotencyKey(DelegateExecution execution, String step) {
    long earlierVisits =
        historyService
            .createHistoricActivityInstanceQuery()
            .processInstanceId(execution.getProcessInstanceId())
            .activityId(execution.getCurrentActivityId())
            .finished()
            .count();
    return execution.getProcessBusinessKey() + ":" + step + ":" + (earlierVisits + 1);
  }

  /**
   * The key of this step of the execution's case: what a delegate hands its client. In a stage
   * report ({@code case-status-report.bpmn}, one small process per stage entered) the visit is the
   * stage's, carried in {@code stageVisit}, since each report is a process of its own that passes
   * its steps once.
   */
  public Key key(DelegateExecution execution, String step) {
    Object visit = execution.getVariable("stageVisit");
    if (visit != null) {
      return new Key(
          execution.getProcessBusinessKey(),
          step,
          execution.getProcessBusinessKey() + ":" + step + ":" + visit);
    }
    return new Key(execution.getProcessBusinessKey(), step, idempotencyKey(execution, step));
  }

  /**
   * Records the request and the answer; answers false when this very request was recorded before (a
   * duplicate in effect). Runs in the step's transaction, so a step that fails after the call
   * leaves no record and its retry sends the same key again.
   *
   * <p>Only sent requests are recorded, and with every resident ID number and mobile masked ({@code
   * 138****5678}): the record is for audit (which system, step, case, when, what it answered), and
   * a retry builds its request again from the registry, so the raw numbers (an SMS's recipients)
   * need not stay at rest outside {@code case_party}.
   */
  public boolean record(
      Key key, ExternalSystem system, String payload, int responseStatus, String response) {
    try {
      jdbc.update(
          "insert into outbound_request (idempotency_key, system_name, step, case_code, payload, created_at, "
              + "response_status, response_body) values (?, ?, ?, ?, ?, ?, ?, ?)",
          key.idempotencyKey(),
          system.name(),
          key.step(),
          key.caseCode(),
          clip(PersonalData.maskInText(payload)),
          Timestamp.from(clock.instant()),
          responseStatus,
          clip(PersonalData.maskInText(response)));
      return true;
    } catch (DuplicateKeyException alreadySent) {
      return false;
    }
  }

  public List<Request> forCase(String caseCode) {
    return jdbc.query(
        "select * from outbound_request where case_code = ? order by id",
        (rs, row) ->
            new Request(
                rs.getString("idempotency_key"),
                rs.getString("system_name"),
                rs.getString("step"),
                rs.getString("case_code"),
                rs.getString("payload"),
                (Integer) rs.getObject("response_status"),
                rs.getString("response_body")),
        caseCode);
  }

  private static String clip(String text) {
    return text == null || text.length() <= 4000 ? text : text.substring(0, 4000);
  }
}
