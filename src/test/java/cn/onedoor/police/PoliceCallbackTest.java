package cn.onedoor.police;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.chain.ChainTest;
import cn.onedoor.intake.Intake;
import cn.onedoor.support.EngineClockTestConfiguration;
import cn.onedoor.support.SignedCallbacks;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The police's callback as the police system meets it, over HTTP: signed with the police's own
 * secret, the case number required and named when missing, applied once, refused (409) once the
 * case no longer waits for the police.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({EngineClockTestConfiguration.class, ProcessEngineCoverageConfiguration.class})
class PoliceCallbackTest {

  static final String PATH = "/api/callbacks/police/transfer-accepted";
  static final String POLICE_SECRET = "demo-police-secret";

  @LocalServerPort int port;
  @Autowired Intake intake;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;

  SignedCallbacks callbacks;

  @BeforeEach
  void mondayMorning() {
    ClockUtil.setCurrentTime(Date.from(ChainTest.MONDAY_MORNING.toInstant()));
    callbacks = new SignedCallbacks(port);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theTransferIsAcceptedOnceWithThePolicesSignatureAndCaseNumber() {
    Map<String, Object> facts = ChainTest.villageNeighbourDispute();
    facts.put("crimeSuspected", true);
    String caseCode = intake.register(ChainTest.intakeRequest(facts), null, "intake").caseCode();
    runJobs();

    String accepted =
        "{\"callbackId\":\"police-cb-1\",\"caseCode\":\""
            + caseCode
            + "\",\"policeCaseNumber\":\"渠公(刑)受案字〔2026〕9号\"}";
    assertThat(callbacks.post(PATH, "demo-court-secret", accepted).statusCode())
        .as("the court's secret cannot speak for the police")
        .isEqualTo(401);
    HttpResponse<String> missing =
        callbacks.post(
            PATH,
            POLICE_SECRET,
            "{\"callbackId\":\"police-cb-2\",\"caseCode\":\"" + caseCode + "\"}");
    assertThat(missing.statusCode()).as(missing.body()).isEqualTo(400);
    assertThat(missing.body()).contains("\"name\":\"policeCaseNumber\"");

    HttpResponse<String> first = callbacks.post(PATH, POLICE_SECRET, accepted);
    HttpResponse<String> again = callbacks.post(PATH, POLICE_SECRET, accepted);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(first.body()).contains("\"status\":\"APPLIED\"");
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(again.body()).contains("\"status\":\"ALREADY_RECEIVED\"");
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(caseCode)
                .processDefinitionKey("police-transfer")
                .finished()
                .count())
        .isEqualTo(1);

    HttpResponse<String> notWaiting =
        callbacks.post(
            PATH,
            POLICE_SECRET,
            "{\"callbackId\":\"police-cb-3\",\"caseCode\":\""
                + caseCode
                + "\",\"policeCaseNumber\":\"渠公(刑)受案字〔2026〕10号\"}");
    assertThat(notWaiting.statusCode()).as(notWaiting.body()).isEqualTo(409);
  }

  private void runJobs() {
    for (int round = 0; round < 20; round++) {
      List<Job> due = managementService.createJobQuery().executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> managementService.executeJob(job.getId()));
    }
  }
}
