package cn.onedoor.simulation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code onedoor.simulation}: whether the external systems are simulated inside the application
 * (default profile), where the simulated systems send their callbacks (this application, over
 * HTTP), and which faults they inject ({@link Faults}, off unless set).
 */
@ConfigurationProperties("onedoor.simulation")
record SimulationProperties(boolean enabled, String callbackBaseUrl, Faults faults) {

  SimulationProperties {
    faults = faults == null ? Faults.NONE : faults;
  }

  /**
   * {@code onedoor.simulation.faults}: the simulated systems misbehaving as real ones do, for the
   * fault suite ({@code FaultSuiteIT}, docs/operations.md). Off by default.
   *
   * @param serverErrorRate share of requests answered 503 without acting (0.10 = 10 %)
   * @param timeoutRate share of requests acted on but answered only after {@code timeout}, later
   *     than our clients wait (the effect happened, the answer is lost)
   * @param timeout how long such an answer is held back (longer than our read timeout)
   * @param seed the same seed and the same requests give the same faults
   * @param refusedCase a case code whose court requests are refused with 422 (a permanent fault)
   * @param retryTimeCycle when set (e.g. {@code R5/PT10S}), replaces every diagram's {@code
   *     failedJobRetryTimeCycle}, so a suite sees retries in seconds instead of minutes
   */
  record Faults(
      double serverErrorRate,
      double timeoutRate,
      Duration timeout,
      long seed,
      String refusedCase,
      String retryTimeCycle) {

    static final Faults NONE = new Faults(0, 0, null, 0, null, null);

    Faults {
      timeout = timeout == null ? Duration.ofSeconds(12) : timeout;
    }

    boolean any() {
      return serverErrorRate > 0
          || timeoutRate > 0
          || (refusedCase != null && !refusedCase.isBlank());
    }
  }
}
