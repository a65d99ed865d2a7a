package cn.onedoor.cost;

import cn.onedoor.casefile.CaseMessages;
import cn.onedoor.chain.ChainTest;
import cn.onedoor.identity.StaffGrants;
import cn.onedoor.intake.Intake;
import cn.onedoor.province.StageReports;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;

/**
 * Works a case in the test's own thread through the same services our API and Tasklist call: the
 * intake for registration; for a task, a member of its first candidate group, authenticated, claims
 * it and submits the form (as Tasklist does through the REST API, so the user operation log and the
 * authorization checks are those of a real user); the systems' answers through {@link CaseMessages}
 * (what the signed callbacks call); jobs executed by this thread when due, as the chain tests do,
 * so every write happens where it is counted.
 */
public final class InProcessWork implements CasePaths.CaseWork {

  private final Intake intake;
  private final CaseMessages messages;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final FormService formService;
  private final IdentityService identityService;
  private final ManagementService managementService;
  private final StaffGrants staffGrants;
  private final StageReports stageReports;

  public InProcessWork(
      ProcessEngine engine,
      Intake intake,
      CaseMessages messages,
      StaffGrants staffGrants,
      StageReports stageReports) {
    this.stageReports = stageReports;
    this.intake = intake;
    this.staffGrants = staffGrants;
    this.messages = messages;
    this.runtimeService = engine.getRuntimeService();
    this.taskService = engine.getTaskService();
    this.formService = engine.getFormService();
    this.identityService = engine.getIdentityService();
    this.managementService = engine.getManagementService();
  }

  @Override
  public String register(Map<String, Object> facts) {
    String caseCode = intake.register(ChainTest.intakeRequest(facts), null, "intake").caseCode();
    runJobs();
    return caseCode;
  }

  @Override
  public void work(String caseCode, String taskKey, Map<String, Object> form) {
    Task task = task(caseCode, taskKey);
    String group =
        taskService.getIdentityLinksForTask(task.getId()).stream()
            .filter(link -> "candidate".equals(link.getType()))
            .map(IdentityLink::getGroupId)
            .findFirst()
            .orElseThrow(() -> new AssertionError(taskKey + " has no candidate group"));
    String user = "cost-" + group.replace(':', '-');
    // What a login does first (LoginGrantsFilter): the group carries its baseline grants.
    staffGrants.ensure(group);
    identityService.setAuthentication(user, List.of(group));
    try {
      taskService.claim(task.getId(), user);
      formService.submitTaskForm(task.getId(), form);
    } finally {
      identityService.clearAuthentication();
    }
    runJobs();
  }

  private Task task(String caseCode, String taskKey) {
    List<Task> tasks =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(caseCode)
            .taskDefinitionKey(taskKey)
            .orderByTaskId()
            .asc()
            .list();
    if (tasks.isEmpty()) {
      throw new AssertionError(
          "no open task " + taskKey + " in case " + caseCode + "; open are " + openTasks(caseCode));
    }
    return tasks.get(0);
  }

  @Override
  public List<String> openTasks(String caseCode) {
    return taskService.createTaskQuery().processInstanceBusinessKey(caseCode).list().stream()
        .map(Task::getTaskDefinitionKey)
        .sorted()
        .toList();
  }

  @Override
  public Date dueDate(String caseCode, String taskKey) {
    return task(caseCode, taskKey).getDueDate();
  }

  @Override
  public void moveClockTo(OffsetDateTime time) {
    ClockUtil.setCurrentTime(Date.from(time.toInstant()));
    runJobs();
  }

  @Override
  public void courtAcceptedConfirmation(String caseCode) {
    messages.courtAcceptedConfirmation(caseCode);
    runJobs();
  }

  @Override
  public void courtRuledConfirmation(String caseCode, String ruling) {
    messages.courtRuledConfirmation(caseCode, ruling);
    runJobs();
  }

  @Override
  public void courtFiledCase(String caseCode, String courtCaseNumber, String procedure) {
    messages.courtFiledCase(
        caseCode,
        courtCaseNumber,
        procedure,
        ClockUtil.getCurrentTime()
            .toInstant()
            .atZone(java.time.ZoneId.of("Asia/Shanghai"))
            .toLocalDate());
    runJobs();
  }

  @Override
  public void courtDeliveredJudgment(String caseCode) {
    messages.courtDeliveredJudgment(caseCode, "JUDGMENT", 1, null);
    runJobs();
  }

  @Override
  public void legalAidDecided(String caseCode, boolean granted) {
    messages.legalAidDecided(caseCode, granted);
    runJobs();
  }

  @Override
  public void lawyerAssigned(String caseCode, String lawFirm) {
    messages.lawyerAssigned(caseCode, lawFirm);
    runJobs();
  }

  @Override
  public boolean isOpen(String caseCode) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseCode).count()
        > 0;
  }

  /** Every job due now, oldest first, until none is left; then the stage reports due now. */
  public void runJobs() {
    for (int round = 0; round < 50; round++) {
      List<Job> due = managementService.createJobQuery().executable().orderByJobId().asc().list();
      if (due.isEmpty()) {
        stageReports.deliverDue();
        return;
      }
      due.forEach(job -> managementService.executeJob(job.getId()));
    }
    throw new AssertionError("jobs keep coming: a loop in the model?");
  }
}
