package cn.onedoor.intake;

import static cn.onedoor.intake.IntakeRequests.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.casefile.CaseJournal;
import cn.onedoor.support.EngineClockTestConfiguration;
import cn.onedoor.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * 诉讼时效 as the staff view and the parties' view show it: interrupted only by the right-holder's own
 * request (民法典 art 195), running again when mediation ends, expiring after 3 years or, for a labour
 * dispute, 1 year (劳动争议调解仲裁法 art 27).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(EngineClockTestConfiguration.class)
class LimitationTest {

  static final OffsetDateTime TODAY = OffsetDateTime.parse("2026-12-04T09:00:00+08:00");
  static final AtomicInteger REF = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired CaseJournal journal;

  @BeforeEach
  void today() {
    ClockUtil.setCurrentTime(Date.from(TODAY.toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void gridReportDoesNotInterruptLimitation() throws IOException {
    JsonNode answer = register(tuxiCase("GRID", "NEIGHBOUR"), "gridsystem");
    assertThat(answer.get("limitationInterruptedAt").isNull()).isTrue();

    String caseCode = answer.get("caseCode").asText();
    JsonNode staff = staffView(caseCode);
    assertThat(staff.get("limitationInterruptedAt").isNull()).isTrue();
    assertThat(staff.get("limitation").get("interruptedAt").isNull()).isTrue();

    journal.mediationEnded(caseCode, "FAILED");
    JsonNode after = staffView(caseCode).get("limitation");
    assertThat(after.get("restartedAt").isNull()).as("nothing was interrupted").isTrue();
    assertThat(after.get("expiresOn").isNull()).isTrue();
  }

  @Test
  void petitionDoesNotInterruptLimitation() throws IOException {
    JsonNode answer = register(tuxiCase("PETITION", "NEIGHBOUR"), "intake");
    assertThat(answer.get("limitationInterruptedAt").isNull()).isTrue();
  }

  @Test
  void windowRequestInterruptsLimitation() throws IOException {
    JsonNode answer = register(tuxiCase("WINDOW", "NEIGHBOUR"), "intake");
    assertThat(answer.get("limitationInterruptedAt").asText())
        .isEqualTo(answer.get("registeredAt").asText());
    JsonNode limitation = staffView(answer.get("caseCode").asText()).get("limitation");
    assertThat(limitation.get("interruptedAt").asText()).isNotBlank();
    assertThat(limitation.get("restartedAt").isNull()).as("mediation still runs").isTrue();
    assertThat(limitation.get("expiresOn").isNull()).isTrue();
  }

  @Test
  void limitationRestartsWhenMediationEnds() throws IOException {
    ObjectNode request = tuxiCase("WINDOW", "NEIGHBOUR");
    String caseCode = register(request, "intake").get("caseCode").asText();
    ClockUtil.setCurrentTime(
        Date.from(OffsetDateTime.parse("2026-12-20T15:00:00+08:00").toInstant()));

    journal.mediationEnded(caseCode, "FAILED");

    JsonNode staff = staffView(caseCode).get("limitation");
    assertThat(OffsetDateTime.parse(staff.get("restartedAt").asText()).toInstant())
        .isEqualTo(OffsetDateTime.parse("2026-12-20T15:00:00+08:00").toInstant());
    assertThat(staff.get("years").asInt()).isEqualTo(3);
    // 2029-12-20 is a Thursday, a working day
    assertThat(staff.get("expiresOn").asText()).isEqualTo("2029-12-20");

    String last4 = request.get("parties").get(0).get("mobile").asText().substring(7);
    HttpResponse<String> party =
        new Http(port).get("/api/public/cases/" + caseCode + "?mobileLast4=" + last4);
    assertThat(party.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(party.body()).get("limitation").get("expiresOn").asText())
        .isEqualTo("2029-12-20");
  }

  @Test
  void labourLimitationIsOneYearEndingOnAWorkingDay() throws IOException {
    String caseCode = register(tuxiCase("WINDOW", "LABOUR"), "intake").get("caseCode").asText();

    journal.mediationEnded(caseCode, "FAILED");

    JsonNode limitation = staffView(caseCode).get("limitation");
    assertThat(limitation.get("years").asInt()).isEqualTo(1);
    // 2027-12-04 is a Saturday: the period ends on the next working day (民法典 art 203)
    assertThat(limitation.get("expiresOn").asText()).isEqualTo("2027-12-06");
  }

  private JsonNode register(ObjectNode request, String caller) throws IOException {
    HttpResponse<String> answer =
        new Http(port).as(caller, "demo").postJson("/api/cases", request.toString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    return JSON.readTree(answer.body());
  }

  private JsonNode staffView(String caseCode) throws IOException {
    HttpResponse<String> view =
        new Http(port).as("countymediator", "demo").get("/api/cases/" + caseCode);
    assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
    return JSON.readTree(view.body());
  }

  /** A dispute at 土溪村 (whose codes stay), from the given door. */
  static ObjectNode tuxiCase(String source, String disputeType) {
    ObjectNode request =
        IntakeRequests.villageWindowCase()
            .put("source", source)
            .put("townCode", "511725103")
            .put("villageCode", "511725103001")
            .put("disputeType", disputeType);
    if (!"WINDOW".equals(source)) {
      request.put("externalRef", "limitation-" + REF.incrementAndGet() + "-" + System.nanoTime());
    }
    return request;
  }
}
