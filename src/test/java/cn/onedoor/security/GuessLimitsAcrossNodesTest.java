package cn.onedoor.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.OneDoorApplication;
import cn.onedoor.support.EngineClockTestConfiguration;
import cn.onedoor.support.Http;
import cn.onedoor.support.TestResidentIds;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Two nodes on one database, as in production: the parties' guess limit and the administrator's
 * login throttle count the guesses made at either node, and a restarted node still refuses. Both
 * nodes run in this JVM on the same database, each with its own engine, web server and beans; they
 * share nothing but the database.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.forward-headers-strategy=native")
@ActiveProfiles("test")
@Import(EngineClockTestConfiguration.class)
class GuessLimitsAcrossNodesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ATTACKER = "203.0.113.18";
  private static final String COUNTY_OFFICE = "198.51.100.2";

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;

  /** Started once for the class (a start costs half a minute on two cores). */
  private static ConfigurableApplicationContext secondNode;

  @BeforeEach
  void startTheSecondNode() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-02T01:00:00Z")));
    if (secondNode == null) {
      secondNode = startNode();
    }
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @AfterAll
  static void stopTheSecondNode() {
    if (secondNode != null) {
      secondNode.close();
    }
  }

  @Test
  void fiveWrongDigitsSpreadOverTwoNodesGet429OnBothAndAfterARestart() throws IOException {
    String caseCode = registerACase(1803, "13612341234");
    Http first = new Http(port);
    Http second = new Http(portOf(secondNode));
    for (String digits : new String[] {"0001", "0002", "0003"}) {
      assertThat(first.get(lookup(caseCode, digits)).statusCode()).isEqualTo(404);
    }
    for (String digits : new String[] {"0004", "0005"}) {
      assertThat(second.get(lookup(caseCode, digits)).statusCode()).isEqualTo(404);
    }

    assertThat(first.get(lookup(caseCode, "0006")).statusCode()).isEqualTo(429);
    assertThat(second.get(lookup(caseCode, "1234")).statusCode())
        .as("even the right digits, until the window has passed")
        .isEqualTo(429);

    secondNode.close();
    secondNode = startNode();
    assertThat(new Http(portOf(secondNode)).get(lookup(caseCode, "1234")).statusCode())
        .as("a restarted node remembers")
        .isEqualTo(429);
    assertThat(rows("PARTY_LOOKUP")).isEqualTo(5);

    // The window passes: the party gets in, and the next wrong guess anywhere clears the old rows.
    later(Duration.ofMinutes(16));
    assertThat(first.get(lookup(caseCode, "1234")).statusCode()).isEqualTo(200);
    String otherCase = registerACase(1805, "13612345678");
    assertThat(new Http(portOf(secondNode)).get(lookup(otherCase, "0000")).statusCode())
        .isEqualTo(404);
    assertThat(rows("PARTY_LOOKUP")).as("only the guess within the window is kept").isEqualTo(1);
  }

  @Test
  void fiveWrongAdministratorPasswordsFromOneAddressOverTwoNodesGet429OnBoth() {
    for (int attempt = 1; attempt <= 3; attempt++) {
      assertThat(rest(port, "admin", "guess" + attempt, ATTACKER).statusCode()).isEqualTo(401);
    }
    for (int attempt = 4; attempt <= 5; attempt++) {
      assertThat(rest(portOf(secondNode), "admin", "guess" + attempt, ATTACKER).statusCode())
          .isEqualTo(401);
    }

    HttpResponse<String> refused = rest(port, "admin", "guess6", ATTACKER);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("900");
    assertThat(rest(portOf(secondNode), "admin", "demo", ATTACKER).statusCode()).isEqualTo(429);
    assertThat(rest(portOf(secondNode), "admin", "demo", COUNTY_OFFICE).statusCode())
        .as("the administrator elsewhere still logs in")
        .isEqualTo(200);
  }

  /** Another node: the same application on the same database, its own engine and web server. */
  private ConfigurableApplicationContext startNode() {
    return new SpringApplicationBuilder(
            OneDoorApplication.class, EngineClockTestConfiguration.class)
        .profiles("test")
        // Arguments: default properties would lose to the test profile's database URL.
        .run(
            "--server.port=0",
            "--server.forward-headers-strategy=native",
            "--spring.datasource.url=" + ((HikariDataSource) dataSource).getJdbcUrl(),
            // Engines register by name in this JVM (in production a node is a process).
            "--camunda.bpm.process-engine-name=second-node");
  }

  private String registerACase(int person, String mobile) throws IOException {
    String body =
        """
        {"source": "WINDOW", "level": "VILLAGE", "townCode": "511725104", "villageCode": "511725104001",
         "receivedBy": "intake", "disputeType": "NEIGHBOUR", "summary": "两户因院坝通行发生争执。",
         "amount": 3000, "occurredOn": "2026-02-20", "partyCount": 2, "consentToMediation": true,
         "flags": {"injury": false, "violence": false, "crimeSuspected": false, "governmentBodyParty": false,
                   "acceptedElsewhere": "NONE"},
         "parties": [
           {"role": "APPLICANT", "kind": "PERSON", "name": "张三", "idNumber": "%s", "mobile": "%s"},
           {"role": "RESPONDENT", "kind": "PERSON", "name": "李四", "idNumber": "%s"}]}
        """
            .formatted(
                TestResidentIds.forNumber(person), mobile, TestResidentIds.forNumber(person + 1));
    HttpResponse<String> answer = new Http(port).as("intake", "demo").postJson("/api/cases", body);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    return JSON.readTree(answer.body()).get("caseCode").asText();
  }

  private static String lookup(String caseCode, String digits) {
    return "/api/public/cases/" + caseCode + "?mobileLast4=" + digits;
  }

  private static HttpResponse<String> rest(int port, String user, String password, String address) {
    return new Http(port)
        .as(user, password)
        .header("X-Forwarded-For", address)
        .get("/engine-rest/engine");
  }

  private long rows(String guard) {
    return jdbc.queryForObject(
        "select count(*) from failed_attempt where guard = ?", Long.class, guard);
  }

  private static int portOf(ConfigurableApplicationContext node) {
    return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
  }

  private static void later(Duration duration) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
  }
}
