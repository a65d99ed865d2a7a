package cn.onedoor.simulation;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the simulated systems received, by Idempotency-Key: they act on a key once, as we ask of the
 * real ones.
 */
@Component
@ConditionalOnProperty(name = "onedoor.simulation.enabled", havingValue = "true")
class SimulatedRequests {

  record Received(
      String system,
      String idempotencyKey,
      String path,
      String caseCode,
      String body,
      String receiptId) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;

  SimulatedRequests(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  Optional<String> receiptOf(String system, String idempotencyKey) {
    return jdbc
        .queryForList(
            "select receipt_id from simulated_request where system_name = ? and idempotency_key = ?",
            String.class,
            system,
            idempotencyKey)
        .stream()
        .findFirst();
  }

  /** Empty when the key was taken by a request running at the same moment. */
  Optional<String> remember(
      String system, String idempotencyKey, String path, String caseCode, String body) {
    String receipt = "sim-" + system + "-" + UUID.randomUUID().toString().substring(0, 8);
    try {
      jdbc.update(
          "insert into simulated_request (system_name, idempotency_key, path, case_code, body, receipt_id, "
              + "received_at) values (?, ?, ?, ?, ?, ?, ?)",
          system,
          idempotencyKey,
          path,
          caseCode,
          body,
          receipt,
          Timestamp.from(clock.instant()));
      return Optional.of(receipt);
    } catch (DuplicateKeyException sameKeyAtOnce) {
      return Optional.empty();
    }
  }

  List<Received> forCase(String caseCode) {
    return jdbc.query(
        "select * from simulated_request where case_code = ? order by id",
        (rs, row) ->
            new Received(
                rs.getString("system_name"),
                rs.getString("idempotency_key"),
                rs.getString("path"),
                rs.getString("case_code"),
                rs.getString("body"),
                rs.getString("receipt_id")),
        caseCode);
  }
}
