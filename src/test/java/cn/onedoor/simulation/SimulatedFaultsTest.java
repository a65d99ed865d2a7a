package cn.onedoor.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.simulation.SimulatedFaults.Fault;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The simulated systems' faults, as the fault suite relies on them: off unless configured, the
 * named case refused by the court alone, the share of 503s near the rate, the same draws for the
 * same seed and keys, a retried key drawing anew, and every fault counted in {@code
 * simulated_fault}.
 */
class SimulatedFaultsTest {

  private static final String CASE = "511725-2026-000001";
  private static final String OTHER_CASE = "511725-2026-000002";

  private JdbcTemplate jdbc;

  @BeforeEach
  void database() throws Exception {
    JdbcDataSource database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:faults-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    database.setUser("sa");
    jdbc = new JdbcTemplate(database);
    jdbc.execute(
        Files.readString(
            Path.of("src/main/resources/db/simulation/V55__simulated_faults.sql"),
            StandardCharsets.UTF_8));
  }

  private SimulatedFaults faults(double serverErrors, double timeouts, long seed, String refused) {
    var settings =
        new SimulationProperties(
            true,
            "http://localhost",
            new SimulationProperties.Faults(
                serverErrors, timeouts, Duration.ofMillis(1), seed, refused, null));
    return new SimulatedFaults(settings, jdbc, new ObjectMapper(), Clock.systemUTC());
  }

  private static String body(String caseCode) {
    return "{\"caseCode\": \"" + caseCode + "\"}";
  }

  private long recorded() {
    return jdbc.queryForObject("select count(*) from simulated_fault", Long.class);
  }

  @Test
  void offByDefaultNothingIsInjectedOrRecorded() {
    SimulatedFaults none =
        new SimulatedFaults(
            new SimulationProperties(true, "http://localhost", null),
            jdbc,
            new ObjectMapper(),
            Clock.systemUTC());
    for (int i = 0; i < 200; i++) {
      assertThat(none.draw("court", CASE + ":STEP:" + i, body(CASE))).isEqualTo(Fault.NONE);
    }
    assertThat(recorded()).isZero();
  }

  @Test
  void theCourtRefusesTheNamedCaseOnlyAndEveryTime() {
    SimulatedFaults faults = faults(0, 0, 1, CASE);
    assertThat(faults.draw("court", CASE + ":CONFIRMATION_APPLICATION:1", body(CASE)))
        .isEqualTo(Fault.REFUSED);
    assertThat(faults.draw("court", CASE + ":CONFIRMATION_APPLICATION:1", body(CASE)))
        .as("again on a retry: retrying cannot fix it")
        .isEqualTo(Fault.REFUSED);
    assertThat(faults.draw("sms", CASE + ":SMS_CASE_REGISTERED:1", body(CASE)))
        .as("the case's other systems answer")
        .isEqualTo(Fault.NONE);
    assertThat(faults.draw("court", OTHER_CASE + ":CONFIRMATION_APPLICATION:1", body(OTHER_CASE)))
        .isEqualTo(Fault.NONE);
    assertThat(recorded()).isEqualTo(2);
  }

  @Test
  void aboutTheConfiguredShareFailsAndTheSameSeedGivesTheSameFaults() {
    List<Fault> first = drawMany(faults(0.10, 0.01, 42, null));
    long serverErrors = first.stream().filter(Fault.SERVER_ERROR::equals).count();
    long timeouts = first.stream().filter(Fault.TIMEOUT::equals).count();
    assertThat(serverErrors).as("503s of 2000 at 10 %").isBetween(150L, 250L);
    assertThat(timeouts).as("late answers of 2000 at 1 %").isBetween(5L, 40L);
    assertThat(recorded()).isEqualTo(serverErrors + timeouts);

    jdbc.update("delete from simulated_fault");
    assertThat(drawMany(faults(0.10, 0.01, 42, null))).as("same seed").isEqualTo(first);
    jdbc.update("delete from simulated_fault");
    assertThat(drawMany(faults(0.10, 0.01, 43, null))).as("another seed").isNotEqualTo(first);
  }

  @Test
  void aRetriedKeyDrawsAnewSoATransientFaultPasses() {
    SimulatedFaults faults = faults(0.5, 0, 7, null);
    String key = null;
    for (int i = 0; key == null; i++) {
      String candidate = OTHER_CASE + ":REPORT_REGISTRATION:" + i;
      if (faults.draw("provincial-platform", candidate, body(OTHER_CASE)) == Fault.SERVER_ERROR) {
        key = candidate;
      }
    }
    Fault retry = Fault.SERVER_ERROR;
    int attempts = 1;
    while (retry == Fault.SERVER_ERROR && attempts < 30) {
      retry = faults.draw("provincial-platform", key, body(OTHER_CASE));
      attempts++;
    }
    assertThat(retry).as("a later attempt of the failed key").isEqualTo(Fault.NONE);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from simulated_fault where idempotency_key = ?", Long.class, key))
        .isEqualTo(attempts - 1);
  }

  private static List<Fault> drawMany(SimulatedFaults faults) {
    List<Fault> drawn = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      String caseCode = "511725-2026-%06d".formatted(i / 10 + 2);
      drawn.add(faults.draw("sms", caseCode + ":SMS_STAGE_" + (i % 10) + ":1", body(caseCode)));
    }
    return drawn;
  }
}
