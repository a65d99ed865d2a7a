package cn.onedoor.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The simulated systems' faults ({@code onedoor.simulation.faults}, off by default): a share of
 * requests answered 503 before acting, a share acted on but answered too late for our clients, and
 * one case's court requests refused with 422. Each draw depends only on the seed, the system, the
 * Idempotency-Key and how many faults that key already had, so a run is repeatable whichever node
 * takes a request, and a retried request draws anew. Every fault is a {@code simulated_fault} row.
 */
@Component
@ConditionalOnProperty(name = "onedoor.simulation.enabled", havingValue = "true")
class SimulatedFaults {

  enum Fault {
    NONE,
    /** 503 before acting: nothing happened at the other side. */
    SERVER_ERROR,
    /** Acted on, answered after our read timeout: the effect happened, the answer is lost. */
    TIMEOUT,
    /** 422 for the named case at the court: a refusal retrying cannot fix. */
    REFUSED
  }

  private static final Logger LOG = LoggerFactory.getLogger(SimulatedFaults.class);

  private final SimulationProperties.Faults faults;
  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Clock clock;

  SimulatedFaults(
      SimulationProperties simulation, JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
    this.faults = simulation.faults();
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  /** The fault for this request, recorded when there is one. */
  Fault draw(String system, String idempotencyKey, String body) {
    if (!faults.any()) {
      return Fault.NONE;
    }
    String caseCode = caseCode(body);
    Fault fault;
    if ("court".equals(system) && caseCode != null && caseCode.equals(faults.refusedCase())) {
      fault = Fault.REFUSED;
    } else {
      Long earlier =
          jdbc.queryForObject(
              "select count(*) from simulated_fault where system_name = ? and idempotency_key = ?",
              Long.class,
              system,
              idempotencyKey);
      double draw =
          new SplittableRandom(
                  faults.seed() * 1_000_003L
                      + (system + "|" + idempotencyKey + "|" + earlier).hashCode())
              .nextDouble();
      fault =
          draw < faults.serverErrorRate()
              ? Fault.SERVER_ERROR
              : draw < faults.serverErrorRate() + faults.timeoutRate() ? Fault.TIMEOUT : Fault.NONE;
    }
    if (fault != Fault.NONE) {
      jdbc.update(
          "insert into simulated_fault (system_name, idempotency_key, case_code, kind, injected_at)"
              + " values (?, ?, ?, ?, ?)",
          system,
          idempotencyKey,
          caseCode,
          fault.name(),
          Timestamp.from(clock.instant()));
      LOG.info("Simulated {} injects {} for key {}", system, fault, idempotencyKey);
    }
    return fault;
  }

  /** Holds a {@link Fault#TIMEOUT} answer back until our client has given up waiting. */
  void holdBack() {
    try {
      Thread.sleep(faults.timeout().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String caseCode(String body) {
    try {
      JsonNode request = json.readTree(body);
      return request == null ? null : request.path("caseCode").asText(null);
    } catch (IOException notJson) {
      return null;
    }
  }
}
