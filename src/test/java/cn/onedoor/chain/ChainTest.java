package cn.onedoor.chain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.bridge.OutboundRequests;
import cn.onedoor.casefile.CaseJournal;
import cn.onedoor.casefile.CaseMessages;
import cn.onedoor.intake.Intake;
import cn.onedoor.intake.IntakeRequest;
import cn.onedoor.province.StageReports;
import cn.onedoor.support.EngineClockTestConfiguration;
import cn.onedoor.support.ExternalSystemsAtTheWire;
import cn.onedoor.support.TestResidentIds;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the chain's process tests: the real application (decisions, deadline service, case
 * journal) with the job executor off; a test drives a case as the people and systems around it
 * would, by case code. The steps that call other systems make real HTTP calls to a WireMock server
 * that accepts everything (the fault tests in {@code cn.onedoor.bridge} make it refuse); the
 * systems' answers are sent through {@link CaseMessages}.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import({EngineClockTestConfiguration.class, ProcessEngineCoverageConfiguration.class})
public abstract class ChainTest {

  /**
   * A Monday in a year the working-day calendar covers; every deadline of a case stays inside the
   * data.
   */
  public static final OffsetDateTime MONDAY_MORNING =
      OffsetDateTime.parse("2026-03-02T09:00:00+08:00");

  private static int partyNumber = 0;

  @Autowired protected Intake intake;
  @Autowired protected RuntimeService runtimeService;
  @Autowired protected TaskService taskService;
  @Autowired protected ManagementService managementService;
  @Autowired protected HistoryService historyService;
  @Autowired protected CaseMessages caseMessages;
  @Autowired protected CaseJournal journal;
  @Autowired protected OutboundRequests outbound;
  @Autowired protected StageReports stageReports;
  @Autowired private IdentityService identities;

  protected static final ExternalSystemsAtTheWire externalSystems =
      ExternalSystemsAtTheWire.acceptingEverything();

  @DynamicPropertySource
  protected static void externalSystemsAtTheWire(DynamicPropertyRegistry registry) {
    externalSystems.pointClientsHere(registry);
  }

  @BeforeEach
  protected void startOfTheWorkingDay() {
    ClockUtil.setCurrentTime(Date.from(MONDAY_MORNING.toInstant()));
  }

  @AfterEach
  protected void resetClock() {
    ClockUtil.reset();
  }

  /** A small neighbours' quarrel reported at a village: the most common case. */
  public static Map<String, Object> villageNeighbourDispute() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("source", "WINDOW");
    variables.put("level", "VILLAGE");
    variables.put("townCode", "511725104");
    variables.put("villageCode", "511725104001");
    variables.put("receivedBy", "intake");
    variables.put("disputeType", "NEIGHBOUR");
    variables.put("summary", "相邻通行纠纷");
    variables.put("amount", 3000);
    variables.put("partyCount", 2);
    variables.put("injury", false);
    variables.put("violence", false);
    variables.put("crimeSuspected", false);
    variables.put("governmentBodyParty", false);
    variables.put("acceptedElsewhere", "NONE");
    variables.put("consentToMediation", true);
    return variables;
  }

  /**
   * Registers the case through the one door, as every real case is, and runs the first async steps.
   */
  protected String register(Map<String, Object> variables) {
    String caseCode = intake.register(intakeRequest(variables), null, "intake").caseCode();
    runJobs();
    return caseCode;
  }

  /**
   * The registration a window officer would make for these facts, with two parties unique to this
   * test case.
   */
  public static IntakeRequest intakeRequest(Map<String, Object> variables) {
    int n = ++partyNumber;
    return new IntakeRequest(
        (String) variables.get("source"),
        null,
        (String) variables.get("level"),
        (String) variables.get("townCode"),
        (String) variables.get("villageCode"),
        (String) variables.get("receivedBy"),
        (String) variables.get("disputeType"),
        (String) variables.get("summary"),
        new BigDecimal(variables.get("amount").toString()),
        "2026-02-20",
        ((Number) variables.get("partyCount")).intValue(),
        (Boolean) variables.get("consentToMediation"),
        new IntakeRequest.Flags(
            (Boolean) variables.get("injury"),
            (Boolean) variables.get("violence"),
            (Boolean) variables.get("crimeSuspected"),
            (Boolean) variables.get("governmentBodyParty"),
            (String) variables.get("acceptedElsewhere")),
        List.of(
            new IntakeRequest.Party(
                "APPLICANT",
                "PERSON",
                "申请人" + n,
                TestResidentIds.forNumber(n),
                null,
                "139" + String.format("%08d", n)),
            new IntakeRequest.Party(
                "RESPONDENT",
                "PERSON",
                "被申请人" + n,
                TestResidentIds.forNumber(n + 500000),
                null,
                null)));
  }

  /**
   * Runs every job that is due now: async steps towards other systems and timers whose time has
   * come; then sends the stage reports due now, as the poller of a node with the job executor does.
   */
  protected void runJobs() {
    for (int round = 0; round < 50; round++) {
      List<Job> due = managementService.createJobQuery().executable().list();
      if (due.isEmpty()) {
        stageReports.deliverDue();
        return;
      }
      due.forEach(job -> managementService.executeJob(job.getId()));
    }
    throw new AssertionError("jobs keep coming: a loop in the model?");
  }

  protected void moveClockTo(OffsetDateTime time) {
    ClockUtil.setCurrentTime(Date.from(time.toInstant()));
    runJobs();
  }

  protected Task task(String caseCode, String taskKey) {
    List<Task> tasks =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(caseCode)
            .taskDefinitionKey(taskKey)
            .list();
    assertThat(tasks)
        .as("open task %s of case %s; open are %s", taskKey, caseCode, openTaskKeys(caseCode))
        .hasSize(1);
    return tasks.get(0);
  }

  protected List<String> openTaskKeys(String caseCode) {
    return taskService.createTaskQuery().processInstanceBusinessKey(caseCode).list().stream()
        .map(Task::getTaskDefinitionKey)
        .sorted()
        .toList();
  }

  /** The ids of the person's groups, as a login gives them to the engine. */
  protected List<String> groupsOf(String user) {
    return identities.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId)
        .toList();
  }

  protected List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .toList();
  }

  /** Completes the case's task as its form would, checking it waits in the group we expect. */
  protected void complete(
      String caseCode, String taskKey, String expectedGroup, Map<String, Object> formValues) {
    Task task = task(caseCode, taskKey);
    if (expectedGroup != null) {
      assertThat(candidateGroups(task))
          .as("candidate groups of " + taskKey)
          .contains(expectedGroup);
    }
    assertThat(task.getDueDate()).as("due date of " + taskKey).isNotNull();
    taskService.complete(task.getId(), formValues);
    runJobs();
  }

  protected boolean caseIsOpen(String caseCode) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseCode).count()
        > 0;
  }

  protected List<String> passedActivities(String caseCode, String processKey) {
    return historyService
        .createHistoricActivityInstanceQuery()
        .processInstanceId(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(caseCode)
                .processDefinitionKey(processKey)
                .list()
                .get(0)
                .getId())
        .orderByHistoricActivityInstanceStartTime()
        .asc()
        .orderPartiallyByOccurrence()
        .asc()
        .list()
        .stream()
        .map(instance -> instance.getActivityId())
        .toList();
  }
}
