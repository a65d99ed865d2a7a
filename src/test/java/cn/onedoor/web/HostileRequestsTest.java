package cn.onedoor.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.support.Http;
import cn.onedoor.support.TestResidentIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Hostile requests beyond their bodies (issue 18): oversized and malformed headers, a body sent too
 * slowly, SQL and script metacharacters in every query parameter of our GET endpoints and in every
 * field of the Tasklist start-form door, path traversal on the static pages. Sent over raw sockets
 * where an ordinary client would refuse to send them. Never a 5xx, a 4xx is a problem description,
 * no file from outside static/ is ever served.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    // The production value is 10 s (application.yaml); a second keeps the test short.
    properties = "server.tomcat.connection-timeout=1s")
@ActiveProfiles("test")
class HostileRequestsTest {

  static final ObjectMapper JSON = new ObjectMapper();

  /** SQL and script metacharacters, as attackers send them. */
  static final List<String> METACHARACTERS =
      List.of(
          "' OR '1'='1",
          "'; DROP TABLE dispute_case; --",
          "1 UNION SELECT id_number FROM case_party",
          "\\'; select pg_sleep(5); --",
          "%' --",
          "<script>alert(1)</script>",
          "\"><svg onload=alert(1)>",
          "${jndi:ldap://127.0.0.1/a}",
          "#{T(java.lang.Runtime).getRuntime().exec('id')}",
          "{{7*7}}",
          "`id`",
          "a\u0000b");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  private String caseCode;

  @BeforeEach
  void aCase() throws IOException {
    if (caseCode == null) {
      HttpResponse<String> registered =
          intake()
              .postJson(
                  "/api/cases",
                  HostileBodiesTest.registration(TestResidentIds.forNumber(88), "13900008888")
                      .toString());
      caseCode = JSON.readTree(registered.body()).get("caseCode").asText();
    }
  }

  // --- headers ---

  @Test
  void anOversizedHeaderIsRefusedWithAProblemNotA500() throws IOException {
    for (String request :
        List.of(
            get("/api/deadlines?start=2026-12-04&amount=3", "X-Padding: " + "a".repeat(20_000)),
            get("/api/deadlines?start=" + "9".repeat(20_000), basic("intake")),
            get("/api/public/cases/x", "Cookie: " + "c=1; ".repeat(4_000)))) {
      Answer answer = raw(request.getBytes(StandardCharsets.US_ASCII));
      assertThat(answer.status()).as(answer.head()).isIn(400, 431);
      assertThat(answer.contentType()).as(answer.head()).startsWith("application/problem+json");
      assertThat(answer.body()).doesNotContain("Tomcat", "Exception");
    }
  }

  @Test
  void malformedHeadersAreAnsweredWithProblems() throws IOException {
    String body =
        HostileBodiesTest.registration(TestResidentIds.forNumber(89), "13900008889").toString();
    Map<String, Integer> expected = new LinkedHashMap<>();
    // Content types that do not parse or are not JSON: 415 (the endpoint takes JSON only).
    expected.put("Content-Type: application/", 415);
    expected.put("Content-Type: /", 415);
    expected.put("Content-Type: application/json; charset=no-such-charset", 415);
    expected.put("Content-Type: multipart/form-data; boundary=", 415);
    expected.put("Content-Type: multipart/form-data", 415);
    expected.put("Content-Type: ;;;", 415);
    expected.put("Content-Type: text/plain", 415);
    for (Map.Entry<String, Integer> header : expected.entrySet()) {
      Answer answer =
          raw(
              post("/api/cases", body, header.getKey(), basic("intake"))
                  .getBytes(StandardCharsets.UTF_8));
      assertThat(answer.status())
          .as(header.getKey() + " → " + answer.head())
          .isEqualTo(header.getValue());
      assertThat(answer.contentType()).as(header.getKey()).startsWith("application/problem+json");
    }
    // Authorization that is no valid Basic: 401 with a problem description, never a 500 (never a
    // real user with a wrong password: that would slow the user down, as it should).
    for (String authorization :
        List.of(
            "Authorization: Basic !!!not-base64!!!",
            "Authorization: Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes()),
            "Authorization: Basic " + Base64.getEncoder().encodeToString(":".getBytes()),
            "Authorization: Basic "
                + Base64.getEncoder()
                    .encodeToString("nobody:' OR '1'='1".getBytes(StandardCharsets.UTF_8)),
            "Authorization: Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        "'; DROP TABLE act_id_user; --:demo".getBytes(StandardCharsets.UTF_8)),
            "Authorization: Bearer eyJhbGciOiJub25lIn0.e30.",
            "Authorization: Basic",
            "Authorization: " + "Basic " + "QUFB".repeat(1000))) {
      Answer answer =
          raw(get("/api/deadlines?start=2026-12-04&amount=3", authorization).getBytes());
      assertThat(answer.status()).as(authorization + " → " + answer.head()).isEqualTo(401);
      assertThat(answer.contentType()).as(authorization).startsWith("application/problem+json");
    }
    // An idempotency key too long, blank, or of raw UTF-8 bytes: a 400 naming it, or a
    // registration.
    long cases = cases();
    for (String key : List.of("k".repeat(129), " ", "密钥-😀-\u202e")) {
      Answer answer =
          raw(
              post(
                      "/api/cases",
                      body,
                      "Content-Type: application/json",
                      basic("intake"),
                      "Idempotency-Key: " + key)
                  .getBytes(StandardCharsets.UTF_8));
      assertThat(answer.status()).as(key + " → " + answer.head()).isIn(200, 201, 400);
      if (answer.status() == 400) {
        // Too long or blank: named by the intake; raw UTF-8 bytes: refused by the firewall.
        assertThat(answer.body()).containsAnyOf("\"Idempotency-Key\"", "\"request\"");
      }
    }
    assertThat(cases()).isLessThanOrEqualTo(cases + 1);
    // A header line without a colon, a control character in a header: the request is refused.
    for (String line : List.of("NoColonHere", "X-Bad: a\u0001b", "X-Bad : spaced")) {
      Answer answer =
          raw(get("/api/deadlines?start=2026-12-04&amount=3", basic("intake"), line).getBytes());
      assertThat(answer.status()).as(line + " → " + answer.head()).isLessThan(500);
      if (answer.status() >= 400) {
        assertThat(answer.contentType()).as(line).startsWith("application/problem+json");
      }
    }
  }

  // --- a body sent slowly ---

  @Test
  void aBodyThatStopsHalfWayIsEndedByTheServerAndStoresNothing() throws IOException {
    long cases = cases();
    byte[] body =
        HostileBodiesTest.registration(TestResidentIds.forNumber(90), "13900008890")
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(15_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/cases HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                  + basic("intake")
                  + "\r\nContent-Length: "
                  + body.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(body, 0, body.length / 2);
      out.flush();
      long start = System.nanoTime();
      // Nothing more is sent: the server's read timeout (connection-timeout) ends the request.
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      try {
        in.transferTo(answer);
      } catch (SocketTimeoutException stillOpen) {
        throw new AssertionError("the server kept a stalled request open for 15 s");
      } catch (IOException reset) {
        // Closed by the server: what we wanted.
      }
      long seconds = (System.nanoTime() - start) / 1_000_000_000L;
      assertThat(seconds).as("ended by the server's timeout").isLessThan(10);
      String text = answer.toString(StandardCharsets.UTF_8);
      assertThat(text).doesNotContain(" 201 ", " 500 ");
    }
    assertThat(cases()).isEqualTo(cases);
  }

  // --- metacharacters in every query parameter and every start-form field ---

  @Test
  void metacharactersInEveryQueryParameterAreRefusedOrTakenAsText() throws IOException {
    Map<String, List<String>> endpoints = new LinkedHashMap<>();
    endpoints.put("intake /api/deadlines", List.of("start", "amount", "unit", "roll"));
    endpoints.put("countysupervisor /api/supervision/overview", List.of("unit", "period"));
    endpoints.put(
        "countysupervisor /api/supervision/cases?measure=OPEN",
        List.of("measure", "unit", "period", "channel", "disputeType", "limit", "offset"));
    endpoints.put("countysupervisor /api/supervision/escalations/waiting", List.of("unit"));
    endpoints.put(
        "countysupervisor /api/supervision/activity-sla?processDefinitionKey=mediation",
        List.of("processDefinitionKey", "unit"));
    endpoints.put(
        "countysupervisor /api/audit", List.of("from", "to", "kind", "caseCode", "actor", "limit"));
    endpoints.put("intake /api/units", List.of("kind", "parent"));
    endpoints.put("anonymous /api/public/cases/" + caseCode, List.of("mobileLast4"));
    endpoints.put("intake /api/cases/" + caseCode + "/parties/full", List.of("purpose"));
    long tablesBefore = cases();
    int sent = 0;
    for (Map.Entry<String, List<String>> endpoint : endpoints.entrySet()) {
      String user = endpoint.getKey().split(" ")[0];
      String path = endpoint.getKey().split(" ")[1];
      for (String parameter : endpoint.getValue()) {
        for (String value : METACHARACTERS) {
          String query = parameter + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
          Http http = "anonymous".equals(user) ? new Http(port) : new Http(port).as(user, "demo");
          HttpResponse<String> answer = http.get(path + (path.contains("?") ? "&" : "?") + query);
          sent++;
          String what =
              path
                  + " "
                  + parameter
                  + "="
                  + value
                  + " → "
                  + answer.statusCode()
                  + " "
                  + answer.body();
          assertThat(answer.statusCode()).as(what).isLessThan(500);
          assertThat(answer.headers().firstValue("Content-Type").orElse(""))
              .as("never an HTML page that could run a script: " + what)
              .doesNotContain("html");
          if (answer.statusCode() >= 400) {
            assertThat(answer.headers().firstValue("Content-Type").orElse(""))
                .as(what)
                .startsWith("application/problem+json");
          }
        }
      }
    }
    // The tables are all still there, and nothing was registered.
    assertThat(cases()).isEqualTo(tablesBefore);
    assertThat(jdbc.queryForObject("select count(*) from case_party", Long.class)).isPositive();
    System.out.println("Hostile query parameters: " + sent + " requests, no 5xx");
  }

  @Test
  void metacharactersInEveryStartFormFieldAreRefusedByNameOrStoredAsText() throws IOException {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("level", "VILLAGE");
    fields.put("townCode", "511725104");
    fields.put("villageCode", "511725104001");
    fields.put("disputeType", "NEIGHBOUR");
    fields.put("occurredOn", "2026-11-27");
    fields.put("summary", "院坝通行");
    fields.put("acceptedElsewhere", "NONE");
    fields.put("applicantKind", "PERSON");
    fields.put("applicantName", "王五");
    fields.put("applicantIdNumber", TestResidentIds.forNumber(91));
    fields.put("applicantMobile", "13611112222");
    fields.put("respondentKind", "PERSON");
    fields.put("respondentName", "赵六");
    fields.put("respondentIdNumber", TestResidentIds.forNumber(92));
    String path = "/engine-rest/process-definition/key/dispute-case/start";
    int sent = 0;
    for (String field : fields.keySet()) {
      for (String value : METACHARACTERS) {
        Map<String, Object> variables = new LinkedHashMap<>();
        fields.forEach(
            (name, ok) -> variables.put(name, Map.of("value", name.equals(field) ? value : ok)));
        variables.put("amount", Map.of("value", 3000));
        variables.put("partyCount", Map.of("value", 2));
        variables.put("consentToMediation", Map.of("value", true));
        HttpResponse<String> answer =
            intake()
                .post(
                    path,
                    "application/json",
                    JSON.writeValueAsBytes(Map.of("variables", variables)));
        sent++;
        String what = field + "=" + value + " → " + answer.statusCode() + " " + answer.body();
        assertThat(answer.statusCode()).as(what).isIn(200, 400);
        if (answer.statusCode() == 400) {
          JsonNode problem = JSON.readTree(answer.body());
          assertThat(problem.path("invalidParams").isEmpty()).as(what).isFalse();
        } else {
          // Taken as text: stored exactly as sent, the SQL never run.
          String code = JSON.readTree(answer.body()).get("businessKey").asText();
          if (field.equals("summary")) {
            assertThat(
                    jdbc.queryForObject(
                        "select summary from dispute_case where case_code = ?", String.class, code))
                .as(what)
                .isEqualTo(value);
          }
        }
      }
    }
    assertThat(jdbc.queryForObject("select count(*) from dispute_case", Long.class)).isPositive();
    System.out.println("Hostile start-form fields: " + sent + " requests, no 5xx");
  }

  // --- path traversal on the static pages ---

  @Test
  void noPathLeavesTheStaticPages() throws IOException {
    List<String> paths = new ArrayList<>();
    for (String page :
        List.of(
            "/status/",
            "/supervision/",
            "/calendar/",
            "/designer/what-if/",
            "/county/",
            "/pages/")) {
      for (String climb :
          List.of(
              "../../application.yaml",
              "%2e%2e/%2e%2e/application.yaml",
              "%2e%2e%2f%2e%2e%2fapplication.yaml",
              "..%2f..%2fapplication.yaml",
              "..;/..;/application.yaml",
              "%252e%252e/%252e%252e/application.yaml",
              "..%5c..%5capplication.yaml",
              "....//....//application.yaml",
              "%c0%ae%c0%ae/%c0%ae%c0%ae/application.yaml",
              "..%00/application.yaml",
              "../../db/migration/V3__case_registry.sql",
              "../../../../../../etc/passwd",
              "..%2f..%2f..%2f..%2f..%2fetc%2fpasswd")) {
        paths.add(page + climb);
      }
    }
    paths.addAll(
        List.of(
            "/application.yaml",
            "/db/migration/V3__case_registry.sql",
            "/BOOT-INF/classes/application.yaml",
            "/WEB-INF/web.xml",
            "/META-INF/MANIFEST.MF",
            "/static/status/index.html",
            "/status/index.html;.yaml",
            "//etc/passwd"));
    for (String path : paths) {
      Answer answer =
          raw(
              ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                  .getBytes());
      String what = path + " → " + answer.head();
      assertThat(answer.status()).as(what).isLessThan(500);
      assertThat(answer.body())
          .as("no file from outside static/: " + what)
          .doesNotContain("datasource", "camunda:", "create table", "root:x:0:0", "Main-Class");
      if (answer.status() >= 400) {
        assertThat(answer.contentType()).as(what).startsWith("application/problem+json");
      }
    }
    System.out.println("Path traversal: " + paths.size() + " paths, none outside static/");
  }

  // --- raw HTTP ---

  record Answer(int status, String head, String body) {
    String contentType() {
      for (String line : head.split("\r\n")) {
        if (line.toLowerCase().startsWith("content-type:")) {
          return line.substring("content-type:".length()).trim();
        }
      }
      return "";
    }
  }

  private Answer raw(byte[] request) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(20_000);
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try {
        socket.getInputStream().transferTo(bytes);
      } catch (IOException closedEarly) {
        // Tomcat may reset after answering a request it refused to read.
      }
      String text = bytes.toString(StandardCharsets.UTF_8);
      int end = text.indexOf("\r\n\r\n");
      String head = end < 0 ? text : text.substring(0, end);
      String body = end < 0 ? "" : text.substring(end + 4);
      String[] statusLine = head.split(" ", 3);
      assertThat(statusLine.length).as("an answer: " + text).isGreaterThan(1);
      return new Answer(Integer.parseInt(statusLine[1]), head, body);
    }
  }

  private static String get(String path, String... headers) {
    return "GET "
        + path
        + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
        + String.join("\r\n", headers)
        + (headers.length > 0 ? "\r\n" : "")
        + "\r\n";
  }

  private static String post(String path, String body, String... headers) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return "POST "
        + path
        + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: "
        + bytes.length
        + "\r\n"
        + String.join("\r\n", headers)
        + "\r\n\r\n"
        + body;
  }

  private static String basic(String user) {
    return "Authorization: Basic "
        + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  private Http intake() {
    return new Http(port).as("intake", "demo");
  }

  private long cases() {
    return jdbc.queryForObject("select count(*) from dispute_case", Long.class);
  }
}
