package cn.onedoor.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.support.Http;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

// The job executor runs here (the test profile turns it off) so that its health is reported;
// Spring's test support
// turns metrics export off unless asked, and the Prometheus endpoint is what we test.
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=true")
@AutoConfigureObservability
@ActiveProfiles("test")
class HealthAndMetricsTest {

  @LocalServerPort int port;

  @Autowired RepositoryService repositoryService;

  @Autowired RuntimeService runtimeService;

  @Test
  void healthShowsDatabaseEngineAndJobExecutorToAnyone() {
    HttpResponse<String> health = new Http(port).get("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body())
        .contains("\"db\":{\"status\":\"UP\"")
        .contains("\"processEngine\":{\"status\":\"UP\"")
        .contains("\"jobExecutor\":{\"status\":\"UP\"");
  }

  @Test
  void prometheusNeedsALoginAndShowsWhatTheEngineIsDoing() {
    assertThat(new Http(port).get("/actuator/prometheus").statusCode()).isEqualTo(401);

    repositoryService
        .createDeployment()
        .addModelInstance(
            "metrics-probe.bpmn",
            Bpmn.createExecutableProcess("metricsProbe")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Task_Wait")
                .endEvent()
                .done())
        .deploy();
    runtimeService.startProcessInstanceByKey("metricsProbe");

    HttpResponse<String> metrics = new Http(port).as("admin", "demo").get("/actuator/prometheus");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .containsPattern("camunda_process_instances_active\\{[^}]*} [1-9]")
        .containsPattern("camunda_user_tasks_open\\{[^}]*} [1-9]")
        .contains("camunda_incidents_open")
        .contains("camunda_jobs_executable")
        .contains("camunda_activity_instances_started_total");
  }
}
