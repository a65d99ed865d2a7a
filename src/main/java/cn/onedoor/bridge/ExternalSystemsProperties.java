package cn.onedoor.bridge;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code onedoor.external-systems}: where each system is, how long we wait for it, and the
 * credentials both ways. In the default profile every base URL points at the simulator inside the
 * application; production sets real ones.
 */
@ConfigurationProperties("onedoor.external-systems")
public record ExternalSystemsProperties(
    Endpoint court,
    Endpoint legalAid,
    Endpoint provincialPlatform,
    Endpoint grid,
    Endpoint sms,
    Endpoint arbitration,
    Endpoint police,
    Endpoint justiceBureau) {

  /**
   * @param baseUrl where we send requests (paths of the contract are appended)
   * @param connectTimeout how long to wait for a connection; past it the step is retried
   * @param readTimeout how long to wait for an answer; past it the step is retried
   * @param apiKey our credential towards the system, sent as {@code Authorization: Bearer ...}
   * @param callbackSecret the shared secret the system signs its callbacks with (HMAC-SHA256);
   *     none: it calls nothing back
   */
  public record Endpoint(
      URI baseUrl,
      @DefaultValue("PT2S") Duration connectTimeout,
      @DefaultValue("PT10S") Duration readTimeout,
      String apiKey,
      String callbackSecret) {}

  /**
   * The longest one request to any configured system may take before it times out (connect + read):
   * what the job lock time is sized to ({@code operations/JobLockTime}).
   */
  public Duration longestCall() {
    return Stream.of(
            court, legalAid, provincialPlatform, grid, sms, arbitration, police, justiceBureau)
        .filter(Objects::nonNull)
        .map(endpoint -> endpoint.connectTimeout().plus(endpoint.readTimeout()))
        .max(Duration::compareTo)
        .orElse(Duration.ZERO);
  }

  /**
   * The secret a system signs its callbacks with; null when it has none (its callbacks are then
   * refused).
   */
  public String callbackSecret(ExternalSystem system) {
    Endpoint endpoint = endpoint(system);
    return endpoint == null
            || endpoint.callbackSecret() == null
            || endpoint.callbackSecret().isBlank()
        ? null
        : endpoint.callbackSecret();
  }

  private Endpoint endpoint(ExternalSystem system) {
    return switch (system) {
      case COURT -> court;
      case LEGAL_AID -> legalAid;
      case PROVINCIAL_PLATFORM -> provincialPlatform;
      case GRID -> grid;
      case SMS -> sms;
      case ARBITRATION -> arbitration;
      case POLICE -> police;
      case JUSTICE_BUREAU -> justiceBureau;
    };
  }

  /**
   * Where to call the system; fails the calling step (an incident) when production has not set its
   * address.
   */
  public Endpoint of(ExternalSystem system) {
    Endpoint endpoint = endpoint(system);
    if (endpoint == null || endpoint.baseUrl() == null || endpoint.baseUrl().toString().isBlank()) {
      throw new IllegalStateException(
          "onedoor.external-systems." + system.pathId() + ".base-url is not set");
    }
    return endpoint;
  }
}
