package cn.onedoor.cost;

import cn.onedoor.chain.ChainTest;
import cn.onedoor.support.Http;
import cn.onedoor.support.SignedCallbacks;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;

/**
 * Works a case through the public APIs over HTTP, as real clients do: {@code POST /api/cases} as
 * the intake officer; for a task, a member of its first candidate group logs in to the engine REST
 * API (HTTP Basic), claims it, reads its deployed form and submits it, as Tasklist does; the court
 * and the legal-aid centre call our signed callbacks. Only what has no public door is done in
 * process: finding the task's id (Tasklist's list query), the clock, and the jobs, which the
 * benchmark runs when due as the job executor would.
 */
final class HttpWork implements CasePaths.CaseWork {

  private static final String PASSWORD = "cost-Benchmark-2026";
  private static final String COURT = "/api/callbacks/court/";
  private static final String LEGAL_AID = "/api/callbacks/legal-aid/";

  private final int port;
  private final ObjectMapper json;
  private final InProcessWork inProcess;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final SignedCallbacks callbacks;
  private final String courtSecret;
  private final String legalAidSecret;

  HttpWork(
      int port,
      ObjectMapper json,
      ProcessEngine engine,
      InProcessWork inProcess,
      String courtSecret,
      String legalAidSecret) {
    this.port = port;
    this.json = json;
    this.inProcess = inProcess;
    this.taskService = engine.getTaskService();
    this.identityService = engine.getIdentityService();
    this.callbacks = new SignedCallbacks(port);
    this.courtSecret = courtSecret;
    this.legalAidSecret = legalAidSecret;
  }

  @Override
  public String register(Map<String, Object> facts) {
    try {
      HttpResponse<String> answer =
          new Http(port)
              .as("intake", "demo")
              .postJson("/api/cases", json.writeValueAsString(ChainTest.intakeRequest(facts)));
      expect(answer, 201);
      String caseCode = json.readTree(answer.body()).get("caseCode").asText();
      inProcess.runJobs();
      return caseCode;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void work(String caseCode, String taskKey, Map<String, Object> form) {
    Task task =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(caseCode)
            .taskDefinitionKey(taskKey)
            .orderByTaskId()
            .asc()
            .list()
            .stream()
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "no open task " + taskKey + "; open are " + openTasks(caseCode)));
    String group =
        taskService.getIdentityLinksForTask(task.getId()).stream()
            .filter(link -> "candidate".equals(link.getType()))
            .map(IdentityLink::getGroupId)
            .findFirst()
            .orElseThrow();
    Http staff = new Http(port).as(memberOf(group), PASSWORD);
    String path = "/engine-rest/task/" + task.getId();
    expect(staff.postJson(path + "/claim", "{\"userId\":\"" + memberOf(group) + "\"}"), 204);
    expect(staff.get(path + "/deployed-form"), 200);
    Map<String, Object> variables = new LinkedHashMap<>();
    form.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    try {
      expect(
          staff.postJson(
              path + "/submit-form", json.writeValueAsString(Map.of("variables", variables))),
          204);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    inProcess.runJobs();
  }

  /** One person per group, created the first time (a warm-up case, not counted). */
  private String memberOf(String group) {
    String user = "cost-" + group.replace(':', '-').replace('_', '-').toLowerCase();
    if (identityService.createUserQuery().userId(user).count() == 0) {
      User person = identityService.newUser(user);
      person.setFirstName("成本");
      person.setLastName("测量");
      person.setPassword(PASSWORD);
      identityService.saveUser(person);
      if (identityService.createGroupQuery().groupId(group).count() == 0) {
        org.camunda.bpm.engine.identity.Group created = identityService.newGroup(group);
        created.setName(group);
        identityService.saveGroup(created);
      }
      identityService.createMembership(user, group);
    }
    return user;
  }

  @Override
  public List<String> openTasks(String caseCode) {
    return inProcess.openTasks(caseCode);
  }

  @Override
  public Date dueDate(String caseCode, String taskKey) {
    return inProcess.dueDate(caseCode, taskKey);
  }

  @Override
  public void moveClockTo(OffsetDateTime time) {
    ClockUtil.setCurrentTime(Date.from(time.toInstant()));
    inProcess.runJobs();
  }

  @Override
  public void courtAcceptedConfirmation(String caseCode) {
    callback(COURT + "confirmation-accepted", courtSecret, caseCode, Map.of());
  }

  @Override
  public void courtRuledConfirmation(String caseCode, String ruling) {
    callback(COURT + "confirmation-ruled", courtSecret, caseCode, Map.of("ruling", ruling));
  }

  @Override
  public void courtFiledCase(String caseCode, String courtCaseNumber, String procedure) {
    callback(
        COURT + "case-filed",
        courtSecret,
        caseCode,
        Map.of("courtCaseNumber", courtCaseNumber, "procedure", procedure));
  }

  @Override
  public void courtDeliveredJudgment(String caseCode) {
    callback(
        COURT + "judgment-delivered",
        courtSecret,
        caseCode,
        Map.of("judgmentType", "JUDGMENT", "instance", 1));
  }

  @Override
  public void legalAidDecided(String caseCode, boolean granted) {
    callback(LEGAL_AID + "decision", legalAidSecret, caseCode, Map.of("granted", granted));
  }

  @Override
  public void lawyerAssigned(String caseCode, String lawFirm) {
    callback(LEGAL_AID + "lawyer-assigned", legalAidSecret, caseCode, Map.of("lawFirm", lawFirm));
  }

  private void callback(String path, String secret, String caseCode, Map<String, Object> fields) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("callbackId", UUID.randomUUID().toString());
    body.put("caseCode", caseCode);
    body.putAll(fields);
    try {
      expect(callbacks.post(path, secret, json.writeValueAsString(body)), 200);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    inProcess.runJobs();
  }

  @Override
  public boolean isOpen(String caseCode) {
    return inProcess.isOpen(caseCode);
  }

  /** Fails naming the request and the answer when the status is not the expected one. */
  static void expect(HttpResponse<String> answer, int status) {
    if (answer.statusCode() != status) {
      throw new AssertionError(
          answer.request().method()
              + " "
              + answer.request().uri()
              + " answered "
              + answer.statusCode()
              + ": "
              + answer.body());
    }
  }
}
