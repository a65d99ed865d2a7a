package cn.onedoor.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.util.TestSocketUtils;

/**
 * One WireMock server standing in for every external system (court, legal aid, provincial platform,
 * grid, SMS), each under its own path prefix. Started once per test JVM (surefire forks one per
 * class) and pointed at by the application's clients through {@link #pointClientsHere}.
 */
public final class ExternalSystemsAtTheWire {

  public static final String[] SYSTEMS = {
    "court",
    "legal-aid",
    "provincial-platform",
    "grid",
    "sms",
    "arbitration",
    "police",
    "justice-bureau"
  };

  private final WireMockServer server;
  private final int port;

  private ExternalSystemsAtTheWire(WireMockServer server) {
    this.server = server;
    this.port = server.port();
  }

  /**
   * Every request answered 200 with a receipt: the systems are up and take whatever we send. The
   * port is fixed for the life of the server, so a test can {@link #goDown()} and {@link
   * #comeBack()} on the same address.
   */
  public static ExternalSystemsAtTheWire acceptingEverything() {
    WireMockServer server =
        new WireMockServer(options().port(TestSocketUtils.findAvailableTcpPort()));
    server.start();
    ExternalSystemsAtTheWire systems = new ExternalSystemsAtTheWire(server);
    systems.acceptEverything();
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    return systems;
  }

  /** Forgets every stub and request, then accepts everything again. */
  public void acceptEverything() {
    server.resetAll();
    server.stubFor(
        any(anyUrl())
            .atPriority(100)
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"receiptId\":\"receipt-at-the-wire\"}")));
  }

  /** Every system unreachable: connections are refused. */
  public void goDown() {
    server.stop();
  }

  /** Back on the same port, accepting everything. */
  public void comeBack() {
    server.start();
    acceptEverything();
  }

  public WireMockServer server() {
    return server;
  }

  public String baseUrl(String system) {
    return "http://localhost:" + port + "/" + system;
  }

  public void pointClientsHere(DynamicPropertyRegistry registry) {
    for (String system : SYSTEMS) {
      registry.add("onedoor.external-systems." + system + ".base-url", () -> baseUrl(system));
    }
  }
}
