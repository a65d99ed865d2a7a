package cn.onedoor.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.bridge.CallbackSignatures;
import cn.onedoor.support.HostileJson;
import cn.onedoor.support.Http;
import cn.onedoor.support.TestResidentIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.instancio.junit.Given;
import org.instancio.junit.InstancioExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Hostile input, measured (issue 18): generated bodies and queries, at least 100,000 in all, sent
 * over real HTTP to every door that takes input from outside — the intake, the signed callbacks
 * (valid signatures, hostile bodies), the deadline calculator, the supervisors' API and the
 * parties' status lookup. The properties, for every answer: never a 5xx; every 4xx a problem
 * description, a 400 naming the field at fault; and a 4xx stores nothing (row counts of our tables
 * and the engine's process instances compared around each batch; a batch with registrations grew by
 * exactly as many cases and case codes as it had 201s). The figures are printed at the end and kept
 * in docs/operations.md. Bodies come from one seed (printed by Instancio on a failure;
 * {@code @Seed} replays it). {@code -Donedoor.hostile.bodies=N} changes the total (100,000 by
 * default).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    // Every callback for a case not waiting for it is a 409, which the engine also logs with its
    // stack trace: thousands of them here.
    properties = "logging.level.org.camunda.bpm.engine.context=OFF")
@ActiveProfiles("test")
@ExtendWith(InstancioExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileBodiesTest {

  static final int TOTAL = Integer.getInteger("onedoor.hostile.bodies", 100_000);
  static final ObjectMapper JSON = new ObjectMapper();
  static final int BATCH = 64;
  static final int IN_FLIGHT = 6;

  /** Tables a request may write to; the guess counter (failed_attempt) is meant to grow. */
  static final List<String> STORED =
      List.of(
          "dispute_case",
          "case_party",
          "intake_request",
          "case_progress",
          "case_event",
          "case_link",
          "case_hand_over",
          "case_clock",
          "case_escalation",
          "case_unit",
          "case_instance",
          "bridge_callback",
          "outbound_request",
          "personal_data_read");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired HistoryService historyService;

  private HttpClient client;
  private ExecutorService executor;
  private String openCase;
  private String openCaseMobileLast4;
  private final Map<String, Map<Integer, LongAdder>> figures = new ConcurrentHashMap<>();
  private final Map<String, Long> millis = new ConcurrentHashMap<>();
  private long started;

  @BeforeAll
  void startClient() throws IOException {
    executor = Executors.newFixedThreadPool(IN_FLIGHT);
    client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(executor)
            .build();
    String mobile = "13900001234";
    HttpResponse<String> registered =
        new Http(port)
            .as("intake", "demo")
            .postJson("/api/cases", registration(TestResidentIds.forNumber(77), mobile).toString());
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    openCase = JSON.readTree(registered.body()).get("caseCode").asText();
    openCaseMobileLast4 = "1234";
    started = System.nanoTime();
  }

  @AfterAll
  void printFigures() {
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    StringBuilder table = new StringBuilder("\nHostile input, ");
    long total =
        figures.values().stream().flatMap(m -> m.values().stream()).mapToLong(LongAdder::sum).sum();
    table.append(total).append(" generated requests in ").append(seconds).append(" s\n");
    table.append(
        String.format("%-32s %8s %8s  %s%n", "door", "sent", "seconds", "answers by status"));
    new TreeMap<>(figures)
        .forEach(
            (door, statuses) -> {
              Map<Integer, Long> byStatus = new TreeMap<>();
              statuses.forEach((status, n) -> byStatus.put(status, n.sum()));
              table.append(
                  String.format(
                      "%-32s %8d %8.1f  %s%n",
                      door,
                      byStatus.values().stream().mapToLong(Long::longValue).sum(),
                      millis.getOrDefault(door, 0L) / 1000.0,
                      byStatus));
            });
    System.out.println(table);
    executor.shutdownNow();
  }

  // --- POST /api/cases: half of all the bodies ---

  @Test
  void registrations(@Given(HostileJson.Source.class) HostileJson hostile) {
    List<String> contentTypes =
        List.of(
            "application/json",
            "application/json;charset=UTF-16",
            "application/json; charset=EBCDIC",
            "text/plain",
            "application/x-www-form-urlencoded",
            "application/xml",
            "multipart/form-data; boundary=",
            "application/json, text/html",
            "*/*");
    send(
        "POST /api/cases",
        share(0.5),
        () -> {
          JsonNode body =
              hostile.chance(0.12)
                  ? hostile.randomJson(4)
                  : hostile.mutate(registration(hostile.residentId(), hostile.mobile()));
          HttpRequest.Builder request =
              request("/api/cases", "intake")
                  .header(
                      "Content-Type",
                      hostile.chance(0.04) ? hostile.oneOf(contentTypes) : "application/json")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(hostile.wire(body)));
          if (hostile.chance(0.1)) {
            request.header(
                "Idempotency-Key",
                hostile.random().alphanumeric(hostile.oneOf(List.of(1, 16, 128, 129, 4000))));
          }
          return request.build();
        });
  }

  // --- the signed callbacks: valid signatures over hostile bodies ---

  static final Map<String, String> CALLBACKS = new LinkedHashMap<>();

  static {
    CALLBACKS.put("/api/callbacks/court/confirmation-accepted", "{}");
    CALLBACKS.put("/api/callbacks/court/confirmation-not-accepted", "{\"reason\":\"不属于司法确认范围\"}");
    CALLBACKS.put("/api/callbacks/court/confirmation-extended", "{}");
    CALLBACKS.put("/api/callbacks/court/confirmation-ruled", "{\"ruling\":\"VALID\"}");
    CALLBACKS.put(
        "/api/callbacks/court/case-filed",
        "{\"courtCaseNumber\":\"(2026)川1725民初101号\",\"procedure\":\"SIMPLE\"}");
    CALLBACKS.put(
        "/api/callbacks/court/judgment-delivered",
        "{\"judgmentType\":\"RULING\",\"instance\":1,\"rulingType\":\"DISMISSED\"}");
    CALLBACKS.put("/api/callbacks/court/enforcement-concluded", "{}");
    CALLBACKS.put("/api/callbacks/legal-aid/decision", "{\"granted\":true}");
    CALLBACKS.put("/api/callbacks/legal-aid/lawyer-assigned", "{\"lawFirm\":\"四川宕渠律师事务所\"}");
    CALLBACKS.put("/api/callbacks/arbitration/acceptance", "{\"accepted\":true}");
    CALLBACKS.put("/api/callbacks/arbitration/extension", "{}");
    CALLBACKS.put("/api/callbacks/arbitration/award", "{\"finalAward\":false}");
    CALLBACKS.put(
        "/api/callbacks/police/transfer-accepted", "{\"policeCaseNumber\":\"渠公(刑)受案字〔2026〕1号\"}");
    CALLBACKS.put("/api/callbacks/justice-bureau/objection-reviewed", "{\"decision\":\"KEEP\"}");
  }

  @Test
  void signedCallbacks(@Given(HostileJson.Source.class) HostileJson hostile) throws IOException {
    List<String> paths = new ArrayList<>(CALLBACKS.keySet());
    paths.add("/api/callbacks/grid/reports");
    Map<String, ObjectNode> valid = new LinkedHashMap<>();
    for (Map.Entry<String, String> callback : CALLBACKS.entrySet()) {
      valid.put(callback.getKey(), (ObjectNode) JSON.readTree(callback.getValue()));
    }
    send(
        "signed callbacks",
        share(0.25),
        () -> {
          String path = hostile.oneOf(paths);
          JsonNode body;
          if (path.endsWith("/reports")) {
            body = hostile.mutate(gridReport(hostile));
          } else {
            ObjectNode base = valid.get(path).deepCopy();
            base.put("callbackId", "cb-" + hostile.random().alphanumeric(12));
            base.put(
                "caseCode",
                hostile.chance(0.5) ? openCase : "511725-2026-" + hostile.random().digits(6));
            body = hostile.chance(0.1) ? hostile.randomJson(4) : hostile.mutate(base);
          }
          byte[] wire = hostile.wire(body);
          String secret =
              path.contains("/court/")
                  ? "demo-court-secret"
                  : path.contains("/legal-aid/")
                      ? "demo-legal-aid-secret"
                      : path.contains("/arbitration/")
                          ? "demo-arbitration-secret"
                          : path.contains("/police/")
                              ? "demo-police-secret"
                              : path.contains("/justice-bureau/")
                                  ? "demo-justice-bureau-secret"
                                  : "demo-grid-secret";
          return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
              .header("Content-Type", "application/json")
              .header(CallbackSignatures.HEADER, CallbackSignatures.sign(secret, wire))
              .POST(HttpRequest.BodyPublishers.ofByteArray(wire))
              .build();
        });
  }

  // --- GET /api/deadlines: generated queries ---

  @Test
  void deadlines(@Given(HostileJson.Source.class) HostileJson hostile) {
    send(
        "GET /api/deadlines",
        share(0.1),
        () -> {
          Map<String, String> query = new LinkedHashMap<>();
          query.put("start", pick(hostile, "2026-12-31", "2026-02-28", "2099-12-31", "1999-12-31"));
          query.put("amount", pick(hostile, "3", "0", "3650", "3651", "-1"));
          query.put("unit", pick(hostile, "calendar", "working", "months", "years"));
          query.put("roll", pick(hostile, "true", "false"));
          return request("/api/deadlines" + query(hostile, query), "intake").GET().build();
        });
  }

  // --- /api/supervision/**: generated queries, paths and order bodies ---

  @Test
  void supervision(@Given(HostileJson.Source.class) HostileJson hostile) {
    send(
        "/api/supervision/**",
        share(0.1),
        () -> {
          String unit = pick(hostile, "511725", "511725104", "511725104001", null);
          String period = pick(hostile, "2026-12", "2026-Q4", "2026", null);
          return switch (hostile.between(0, 5)) {
            case 0 ->
                get("/api/supervision/overview", hostile, map("unit", unit, "period", period));
            case 1 ->
                get(
                    "/api/supervision/cases",
                    hostile,
                    map(
                        "measure",
                        pick(hostile, "OPEN", "OVERDUE", "CLOSED", "ON_TIME", "LITIGATION"),
                        "unit",
                        unit,
                        "period",
                        period,
                        "channel",
                        pick(hostile, "PEOPLE", null),
                        "disputeType",
                        pick(hostile, "NEIGHBOUR", null),
                        "limit",
                        pick(hostile, "10", "1000", null),
                        "offset",
                        pick(hostile, "0", "20", null)));
            case 2 -> get("/api/supervision/escalations/waiting", hostile, map("unit", unit));
            case 3 ->
                get(
                    "/api/supervision/activity-sla",
                    hostile,
                    map(
                        "processDefinitionKey",
                        pick(hostile, "mediation", "dispute-case"),
                        "unit",
                        unit));
            case 4 ->
                request("/api/supervision/cases/" + segment(hostile, openCase), "countysupervisor")
                    .GET()
                    .build();
            default -> {
              ObjectNode order = JSON.createObjectNode();
              order.put("text", "请于三个工作日内答复调解进展。").put("answerWithinWorkingDays", 3);
              JsonNode body = hostile.chance(0.1) ? hostile.randomJson(4) : hostile.mutate(order);
              yield request(
                      "/api/supervision/cases/" + segment(hostile, openCase) + "/orders",
                      "countysupervisor")
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(hostile.wire(body)))
                  .build();
            }
          };
        });
  }

  // --- the parties' lookup: generated codes and digits (five wrong guesses per case, then 429) ---

  @Test
  void partyLookup(@Given(HostileJson.Source.class) HostileJson hostile) {
    send(
        "GET /api/public/cases/{code}",
        share(0.05),
        () -> {
          String code =
              hostile.chance(0.3)
                  ? "511725-2026-" + hostile.random().digits(6)
                  : segment(hostile, openCase);
          String digits = pick(hostile, openCaseMobileLast4, "0000");
          String query = digits == null ? "" : "?mobileLast4=" + encode(digits);
          return HttpRequest.newBuilder(
                  URI.create("http://localhost:" + port + "/api/public/cases/" + code + query))
              .header("Accept", "application/json")
              .GET()
              .build();
        });
  }

  // --- sending, and the properties checked on every answer ---

  private int share(double part) {
    return (int) Math.ceil(TOTAL * part);
  }

  private void send(String door, int count, Supplier<HttpRequest> requests) {
    Map<Integer, LongAdder> statuses =
        figures.computeIfAbsent(door, d -> new ConcurrentHashMap<>());
    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    long start = System.nanoTime();
    for (int sent = 0; sent < count; sent += BATCH) {
      // The batch is drawn before it is sent, so the seed alone decides the bodies.
      List<HttpRequest> batch = new ArrayList<>();
      for (int i = 0; i < Math.min(BATCH, count - sent); i++) {
        batch.add(requests.get());
      }
      Map<String, Long> before = storedCounts();
      List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
      for (HttpRequest request : batch) {
        inFlight.acquireUninterruptibly();
        answers.add(
            client
                .sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .whenComplete((answer, failure) -> inFlight.release()));
      }
      int created = 0;
      boolean any2xx = false;
      for (int i = 0; i < batch.size(); i++) {
        HttpResponse<String> answer = answers.get(i).join();
        statuses.computeIfAbsent(answer.statusCode(), s -> new LongAdder()).increment();
        check(batch.get(i), answer);
        any2xx |= answer.statusCode() < 300;
        if (answer.statusCode() == 201 && createsCases(batch.get(i))) {
          created++;
        }
      }
      Map<String, Long> after = storedCounts();
      String which = door + ", batch from request " + sent;
      assertThat(after.get("dispute_case") - before.get("dispute_case"))
          .as("cases stored, %s: as many as 201 answers", which)
          .isEqualTo(created);
      assertThat(after.get("codes") - before.get("codes"))
          .as("case codes used, %s: as many as 201 answers", which)
          .isEqualTo(created);
      if (!any2xx) {
        assertThat(after).as("nothing stored by a batch of 4xx, %s", which).isEqualTo(before);
      }
    }
    millis.put(door, (System.nanoTime() - start) / 1_000_000);
  }

  private static boolean createsCases(HttpRequest request) {
    String path = request.uri().getPath();
    return path.equals("/api/cases") || path.equals("/api/callbacks/grid/reports");
  }

  private static final Set<String> BODY_FIELD_NAMES = Set.of("name", "pointer");

  private static void check(HttpRequest request, HttpResponse<String> answer) {
    int status = answer.statusCode();
    String what =
        cut(request.method() + " " + request.uri(), 300)
            + " → "
            + status
            + " "
            + cut(answer.body(), 500);
    assertThat(status).as("never a 5xx: %s", what).isLessThan(500);
    assertThat(answer.body()).as(what).doesNotContain("Exception", "at cn.onedoor", "at org.");
    if (status >= 400) {
      assertThat(answer.headers().firstValue("Content-Type").orElse(""))
          .as("a 4xx is a problem description: %s", what)
          .startsWith("application/problem+json");
      JsonNode problem = readProblem(answer.body(), what);
      assertThat(problem.path("status").asInt()).as(what).isEqualTo(status);
      assertThat(problem.path("title").asText()).as(what).isNotBlank();
      if (status == 400) {
        JsonNode params = problem.path("invalidParams");
        assertThat(params.isArray() && !params.isEmpty())
            .as("a 400 names the field at fault: %s", what)
            .isTrue();
        params.forEach(
            param ->
                assertThat(
                        BODY_FIELD_NAMES.stream()
                            .anyMatch(key -> !param.path(key).asText().isBlank()))
                    .as("each invalid param has a name: %s", what)
                    .isTrue());
      }
    }
  }

  private static String cut(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length) + "…";
  }

  private static JsonNode readProblem(String body, String what) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new AssertionError("a problem description that is no JSON: " + what, e);
    }
  }

  private Map<String, Long> storedCounts() {
    Map<String, Long> counts = new TreeMap<>();
    for (String table : STORED) {
      counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
    }
    counts.put(
        "codes",
        jdbc.queryForObject(
            "select coalesce(sum(last_value), 0) from case_code_sequence", Long.class));
    counts.put("process instances", historyService.createHistoricProcessInstanceQuery().count());
    return counts;
  }

  // --- the valid requests the generators break ---

  static ObjectNode registration(String applicantId, String mobile) {
    ObjectNode body = JSON.createObjectNode();
    body.put("source", "WINDOW")
        .put("level", "VILLAGE")
        .put("townCode", "511725104")
        .put("villageCode", "511725104001")
        .put("receivedBy", "intake")
        .put("disputeType", "NEIGHBOUR")
        .put("summary", "两户因院坝通行发生争执。")
        .put("amount", 3000)
        .put("occurredOn", "2026-11-20")
        .put("partyCount", 2)
        .put("consentToMediation", true);
    body.putObject("flags")
        .put("injury", false)
        .put("violence", false)
        .put("crimeSuspected", false)
        .put("governmentBodyParty", false)
        .put("acceptedElsewhere", "NONE");
    body.putArray("parties")
        .add(
            JSON.createObjectNode()
                .put("role", "APPLICANT")
                .put("kind", "PERSON")
                .put("name", "张三")
                .put("idNumber", applicantId)
                .put("mobile", mobile))
        .add(
            JSON.createObjectNode()
                .put("role", "RESPONDENT")
                .put("kind", "PERSON")
                .put("name", "李四")
                .put("idNumber", TestResidentIds.forNumber(999_500)));
    return body;
  }

  private static ObjectNode gridReport(HostileJson hostile) {
    ObjectNode report = registration(hostile.residentId(), hostile.mobile());
    report.remove(List.of("source", "level", "receivedBy"));
    report.put("reportId", "grid-" + hostile.random().alphanumeric(10));
    report.put("gridWorker", "网格员 G0102");
    return report;
  }

  private HttpRequest.Builder request(String path, String user) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "application/json")
        .header(
            "Authorization",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
  }

  private HttpRequest get(String path, HostileJson hostile, Map<String, String> parameters) {
    return request(path + query(hostile, parameters), "countysupervisor").GET().build();
  }

  /** A valid value now and then; otherwise a hostile one (or none). */
  private static String pick(HostileJson hostile, String... valid) {
    if (hostile.chance(0.3)) {
      return valid[hostile.between(0, valid.length - 1)];
    }
    JsonNode value = hostile.value();
    String text = value.isNull() ? null : value.isTextual() ? value.asText() : value.toString();
    // Longer ones overflow Tomcat's 8 KB request line (HostileRequestsTest).
    return text == null || text.length() <= 100 ? text : text.substring(0, 100);
  }

  /** The query string, each parameter's value encoded; sometimes repeated or joined by another. */
  private static String query(HostileJson hostile, Map<String, String> parameters) {
    StringBuilder query = new StringBuilder();
    parameters.forEach(
        (name, value) -> {
          if (value != null) {
            int times = hostile.chance(0.05) ? 2 : 1;
            for (int i = 0; i < times; i++) {
              query
                  .append(query.isEmpty() ? "?" : "&")
                  .append(name)
                  .append('=')
                  .append(encode(value));
            }
          }
        });
    if (hostile.chance(0.05)) {
      query.append(query.isEmpty() ? "?" : "&").append(encode(hostile.oddText(4))).append("=1");
    }
    return query.toString();
  }

  /** A path segment: the valid one now and then, else hostile text, percent-encoded. */
  private static String segment(HostileJson hostile, String valid) {
    String value = pick(hostile, valid);
    // No client puts a slash or backslash into a code; Tomcat refuses them encoded, before any of
    // our code (HostileRequestsTest).
    value = value == null ? "" : value.replace("/", "").replace("\\", "");
    return value.isEmpty() ? "x" : encode(value).replace("+", "%20");
  }

  private static String encode(String value) {
    // Lone surrogates cannot be encoded as UTF-8; they arrive as '?', as from any real client.
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static Map<String, String> map(String... namesAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      map.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return map;
  }
}
