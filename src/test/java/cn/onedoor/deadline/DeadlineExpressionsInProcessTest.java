package cn.onedoor.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The {@code deadlines} bean as process designers use it: in a user task's due date, a follow-up
 * date, a timer and a result variable, evaluated by the real engine. The model is built in code and
 * deployed only for this test, so that it never ships with the application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(FixedClockConfiguration.class)
class DeadlineExpressionsInProcessTest {

  private static final String PROCESS = "Test_DeadlineExpressions";

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;

  private String deploymentId;

  @BeforeEach
  void deploy() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(PROCESS)
            .camundaHistoryTimeToLive(1)
            .startEvent("StartEvent_Received")
            .serviceTask("Task_ComputeDeadlines")
            .camundaExpression("${deadlines.period(receivedAt, slaPeriod, slaUnit)}")
            .camundaResultVariable("slaDue")
            .userTask("Task_Mediate")
            .camundaDueDate("${deadlines.workingDays(receivedAt, 3)}")
            .camundaFollowUpDate("${deadlines.before(slaDue, 'P2D')}")
            .boundaryEvent("BoundaryEvent_MediationOverdue")
            .cancelActivity(false)
            .timerWithDate("${deadlines.period(receivedAt, 'P30D', 'CALENDAR', false)}")
            .endEvent("EndEvent_Chased")
            .moveToActivity("Task_Mediate")
            .endEvent("EndEvent_Done")
            .done();
    deploymentId =
        repositoryService
            .createDeployment()
            .addModelInstance(PROCESS + ".bpmn", model)
            .deploy()
            .getId();
  }

  @AfterEach
  void undeploy() {
    repositoryService.deleteDeployment(deploymentId, true);
  }

  @Test
  void expressionsComputeDueDatesTimersAndVariables() {
    ProcessInstance instance =
        runtimeService.startProcessInstanceByKey(
            PROCESS,
            Map.of(
                // As a Camunda Form delivers a date: a string.
                "receivedAt", "2025-09-30",
                "slaPeriod", "P30D",
                "slaUnit", "WORKING"));

    // 30 working days from 9/30: 10/9, 10/10, 10/11 (make-up Saturday), five full weeks to 11/14,
    // then 11/17, 11/18.
    assertThat(instant(runtimeService.getVariable(instance.getId(), "slaDue")))
        .isEqualTo(at("2025-11-18T23:59:59"));

    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(instant(task.getDueDate()))
        .as("3rd working day: the make-up Saturday")
        .isEqualTo(at("2025-10-11T23:59:59"));
    assertThat(instant(task.getFollowUpDate()))
        .as("2 days before the SLA")
        .isEqualTo(at("2025-11-16T23:59:59"));

    Job timer =
        managementService
            .createJobQuery()
            .processInstanceId(instance.getId())
            .timers()
            .singleResult();
    assertThat(instant(timer.getDuedate()))
        .as("10/30, not rolled")
        .isEqualTo(at("2025-10-30T23:59:59"));
  }

  private static Instant at(String beijingDateTime) {
    return ZonedDateTime.of(LocalDateTime.parse(beijingDateTime), DeadlineService.ZONE).toInstant();
  }

  /**
   * The engine may hand back a java.sql.Timestamp, which never equals a plain Date: compare
   * instants.
   */
  private static Instant instant(Object date) {
    return Instant.ofEpochMilli(((Date) date).getTime());
  }
}
