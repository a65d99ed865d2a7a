package cn.onedoor.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.casefile.ProcessModels;
import cn.onedoor.intake.Intake;
import cn.onedoor.intake.IntakeRequest;
import cn.onedoor.support.EngineClockTestConfiguration;
import cn.onedoor.support.Http;
import cn.onedoor.support.TestResidentIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Who sees and does what (issue 7), as each person meets it: over HTTP, with their own login,
 * through the engine's REST API (HTTP Basic), the webapps' own API (session login and CSRF token,
 * as Tasklist and Cockpit call it) and our API. One row per person, operation, case inside or
 * outside their area, and door; the tables below are the model of the README's "Who sees what".
 *
 * <p>Cases: A and B are neighbours' quarrels at two villages of two towns (汇东社区 of 三汇镇, 土溪村 of
 * 土溪镇); M a medical dispute (医调委), J a group dispute in joint handling (县司法局 and 自然资源局 named, 人社局
 * not), P a public-security dispute (派出所, 公调对接); the last three arose at 有庆村 of 有庆镇.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(EngineClockTestConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthorizationMatrixTest {

  /**
   * What each person may do with one case. Y allowed, N refused. tasks: list the case's tasks;
   * claim, complete: the case's open task (their own group's where they have one); read: the case's
   * process instances; history: its historic instances; status: GET /api/cases/{code};
   * personalData: the parties' full identities.
   */
  private static final String CASE_MATRIX =
      """
      user               area     case  tasks claim complete read history status personalData
      villagemediator    inside   A     Y     Y     Y        Y    Y       Y      Y
      villagemediator    outside  B     N     N     N        N    N       N      N
      tuximediator       inside   B     Y     Y     Y        Y    Y       Y      Y
      tuximediator       outside  A     N     N     N        N    N       N      N
      townmediator       inside   A     N     N     N        Y    Y       Y      Y
      townmediator       outside  B     N     N     N        N    N       N      N
      townsupervisor     inside   A     Y     N     N        Y    Y       Y      N
      townsupervisor     outside  B     N     N     N        N    N       N      N
      committeemediator  inside   M     Y     Y     Y        Y    Y       Y      Y
      committeemediator  outside  A     N     N     N        N    N       N      N
      justiceliaison     inside   J     Y     Y     Y        Y    Y       Y      N
      justiceliaison     outside  A     N     N     N        N    N       N      N
      liaison            outside  J     N     N     N        N    N       N      N
      policeliaison      inside   P     Y     Y     Y        Y    Y       Y      N
      policeliaison      outside  A     N     N     N        N    N       N      N
      intake             inside   A     N     N     N        Y    Y       Y      Y
      countymediator     inside   B     N     N     N        Y    Y       Y      Y
      countysupervisor   inside   J     Y     Y     Y        Y    Y       Y      N
      leader             inside   A     Y     N     N        Y    Y       Y      N
      courtliaison       inside   A     N     N     N        Y    Y       Y      Y
      legalaid           inside   B     N     N     N        Y    Y       Y      Y
      designer           outside  A     N     N     N        N    N       N      N
      admin              inside   A     Y     Y     Y        Y    Y       N      N
      gridsystem         outside  A     N     N     N        N    N       N      N
      """;

  /** What each person may do whatever the case: register one, deploy a model, open each webapp. */
  private static final String PERSON_MATRIX =
      """
      user               intake deploy tasklist cockpit admin
      villagemediator    Y      N      Y        N       N
      tuximediator       Y      N      Y        N       N
      townmediator       Y      N      Y        N       N
      townsupervisor     N      N      Y        Y       N
      committeemediator  Y      N      Y        N       N
      justiceliaison     N      N      Y        N       N
      liaison            N      N      Y        N       N
      policeliaison      N      N      Y        N       N
      intake             Y      N      Y        N       N
      countymediator     Y      N      Y        N       N
      countysupervisor   N      N      Y        Y       N
      leader             N      N      Y        Y       N
      courtliaison       N      N      Y        N       N
      legalaid           N      N      Y        N       N
      designer           N      Y      N        Y       N
      admin              N      Y      Y        Y       Y
      gridsystem         Y      N      N        N       N
      """;

  enum Op {
    TASKS,
    CLAIM,
    COMPLETE,
    READ,
    HISTORY,
    STATUS,
    PERSONAL_DATA,
    INTAKE,
    DEPLOY,
    TASKLIST,
    COCKPIT,
    ADMIN
  }

  /** The engine's REST API (Basic), the webapps' API (session + CSRF), our own API (Basic). */
  enum Door {
    ENGINE_REST,
    WEBAPP_API,
    OUR_API
  }

  /** The kinds of case of the class comment. */
  enum Place {
    A,
    B,
    M,
    J,
    P
  }

  record Row(String user, Op op, String area, Place place, Door door, boolean allowed) {
    @Override
    public String toString() {
      return user
          + " "
          + op
          + (place == null ? "" : " " + area + " (case " + place + ")")
          + " via "
          + door
          + " → "
          + (allowed ? "allowed" : "refused");
    }
  }

  static final OffsetDateTime MONDAY_MORNING = OffsetDateTime.parse("2026-03-02T09:00:00+08:00");
  private static final String PASSWORD = "demo";
  private static final String ENGINE_REST = "/engine-rest";
  private static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired Intake intake;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;

  private final Map<Place, String> sharedCases = new EnumMap<>(Place.class);
  private final Map<String, Http> webappSessions = new HashMap<>();
  private int partyNumber = 300;

  @BeforeAll
  void casesInEveryKindOfPlace() {
    ClockUtil.setCurrentTime(Date.from(MONDAY_MORNING.toInstant()));
    for (Place place : Place.values()) {
      sharedCases.put(place, openCase(place));
    }
  }

  @AfterAll
  void resetClock() {
    ClockUtil.reset();
  }

  static Stream<Row> rows() {
    List<Row> rows = new ArrayList<>();
    List<String[]> cases = table(CASE_MATRIX);
    String[] caseHeader = cases.get(0);
    for (String[] line : cases.subList(1, cases.size())) {
      for (int column = 3; column < caseHeader.length; column++) {
        Op op = op(caseHeader[column]);
        boolean allowed = "Y".equals(line[column]);
        List<Door> doors =
            op == Op.STATUS || op == Op.PERSONAL_DATA
                ? List.of(Door.OUR_API)
                : List.of(Door.ENGINE_REST, Door.WEBAPP_API);
        for (Door door : doors) {
          rows.add(new Row(line[0], op, line[1], Place.valueOf(line[2]), door, allowed));
        }
      }
    }
    List<String[]> people = table(PERSON_MATRIX);
    String[] personHeader = people.get(0);
    for (String[] line : people.subList(1, people.size())) {
      for (int column = 1; column < personHeader.length; column++) {
        Op op = op(personHeader[column]);
        boolean allowed = "Y".equals(line[column]);
        List<Door> doors =
            switch (op) {
              case INTAKE -> List.of(Door.OUR_API, Door.WEBAPP_API);
              case DEPLOY -> List.of(Door.ENGINE_REST, Door.WEBAPP_API);
              default -> List.of(Door.WEBAPP_API);
            };
        for (Door door : doors) {
          // Without a webapp of their own a person has no session, so nothing through the webapps'
          // API.
          boolean viaWebapp = door != Door.WEBAPP_API || webappOf(line[0]) != null;
          rows.add(new Row(line[0], op, null, null, door, allowed && viaWebapp));
        }
      }
    }
    return rows.stream();
  }

  @Order(1)
  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void everyoneMayDoWhatTheirRoleAndAreaAllowAndNothingElse(Row row) {
    Http http =
        row.door() == Door.WEBAPP_API
            ? webappSession(row.user())
            : new Http(port).as(row.user(), PASSWORD);
    if (http == null) {
      assertThat(row.allowed()).as("%s has no webapp, so no session", row.user()).isFalse();
      assertThat(new Http(port).loginToWebapp("tasklist", row.user(), PASSWORD).statusCode())
          .isEqualTo(403);
      return;
    }
    String base = row.door() == Door.WEBAPP_API ? WEBAPP_ENGINE : ENGINE_REST;
    boolean allowed =
        switch (row.op()) {
          case TASKS ->
              !list(http, base + "/task?processInstanceBusinessKey=" + sharedCases.get(row.place()))
                  .isEmpty();
          case CLAIM -> claim(http, base, row);
          case COMPLETE -> complete(http, base, row);
          case READ ->
              readsEveryInstance(
                  http,
                  base + "/process-instance?businessKey=",
                  sharedCases.get(row.place()),
                  runtimeService
                      .createProcessInstanceQuery()
                      .processInstanceBusinessKey(sharedCases.get(row.place()))
                      .count());
          case HISTORY ->
              readsEveryInstance(
                  http,
                  base + "/history/process-instance?processInstanceBusinessKey=",
                  sharedCases.get(row.place()),
                  historyService
                      .createHistoricProcessInstanceQuery()
                      .processInstanceBusinessKey(sharedCases.get(row.place()))
                      .count());
          case STATUS -> answered(http.get("/api/cases/" + sharedCases.get(row.place())), 200, 403);
          case PERSONAL_DATA ->
              answered(
                  http.get(
                      "/api/cases/"
                          + sharedCases.get(row.place())
                          + "/parties/full?purpose="
                          + URLEncoder.encode("核对当事人身份", StandardCharsets.UTF_8)),
                  200,
                  403);
          case INTAKE ->
              row.door() == Door.OUR_API
                  ? answered(http.postJson("/api/cases", registrationJson(row.user())), 201, 403)
                  : answered(
                      http.postJson(
                          WEBAPP_ENGINE + "/process-definition/key/dispute-case/submit-form",
                          startFormJson()),
                      200,
                      403);
          case DEPLOY ->
              answered(
                  http.postMultipart(
                      base + "/deployment/create",
                      Map.of(
                          "deployment-name",
                          "matrix-" + row.user(),
                          "deployment-source",
                          "matrix test"),
                      "matrix-probe.bpmn",
                      probeModel()),
                  200,
                  403);
          case TASKLIST, COCKPIT, ADMIN ->
              answered(
                  new Http(port).loginToWebapp(row.op().name().toLowerCase(), row.user(), PASSWORD),
                  200,
                  403);
        };
    assertThat(allowed).as(row.toString()).isEqualTo(row.allowed());
  }

  @Order(2)
  @Test
  void anonymousCallsGet401ExceptThePartyViewAndHealth() {
    Http anonymous = new Http(port);
    String caseCode = sharedCases.get(Place.A);
    for (String path :
        List.of(
            "/engine-rest/engine",
            "/engine-rest/task",
            "/engine-rest/process-instance",
            "/engine-rest/history/process-instance",
            "/api/cases/" + caseCode,
            "/api/cases/" + caseCode + "/parties/full?purpose=x",
            "/api/units",
            "/api/audit",
            "/actuator/prometheus",
            WEBAPP_ENGINE + "/task",
            WEBAPP_ENGINE + "/process-instance",
            WEBAPP_ENGINE + "/history/process-instance",
            "/camunda/api/cockpit/plugin/base/default/process-definition/statistics")) {
      assertThat(anonymous.get(path).statusCode()).as("anonymous GET " + path).isEqualTo(401);
    }
    assertThat(anonymous.postJson("/api/cases", registrationJson("intake")).statusCode())
        .isEqualTo(401);
    assertThat(
            anonymous
                .postJson(
                    WEBAPP_ENGINE + "/process-definition/key/dispute-case/submit-form",
                    startFormJson())
                .statusCode())
        .isIn(401, 403);
    assertThat(anonymous.get("/actuator/health").statusCode()).isEqualTo(200);
    assertThat(anonymous.get("/status/").statusCode())
        .as("the parties' status page")
        .isEqualTo(200);
    assertThat(anonymous.get("/api/public/cases/" + caseCode + "?mobileLast4=0000").statusCode())
        .as("the party view answers a party, not a login")
        .isNotEqualTo(401);
  }

  @Order(3)
  @Test
  void aSystemRegistersOnlyAtItsOwnDoor() throws Exception {
    HttpResponse<String> otherDoor =
        new Http(port)
            .as("gridsystem", PASSWORD)
            .postJson(
                "/api/cases",
                JSON.writeValueAsString(registration("WINDOW", "gridsystem", Place.A)));
    assertThat(otherDoor.statusCode()).isEqualTo(403);
    assertThat(otherDoor.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(JSON.readTree(otherDoor.body()).path("invalidParams").get(0).path("name").asText())
        .isEqualTo("source");
  }

  /**
   * One case's life as the audit sees it: a village mediator reads the parties' identities; the
   * overdue consent climbs to a county supervision order, issued by the county supervisor; the
   * administrator changes a variable in Cockpit; two failed sessions hand the case up to the town,
   * whose mediator takes it over. The county supervisor's audit trail names each person; nobody
   * else may read it.
   */
  @Order(4)
  @Test
  void theCountySupervisorSeesWhoReadHandedOverOrderedAndChangedByHand() throws Exception {
    ClockUtil.setCurrentTime(Date.from(MONDAY_MORNING.toInstant()));
    String caseCode = openCase(Place.A);
    Http villageMediator = new Http(port).as("villagemediator", PASSWORD);
    Http countySupervisor = new Http(port).as("countysupervisor", PASSWORD);
    assertThat(
            villageMediator
                .get(
                    "/api/cases/"
                        + caseCode
                        + "/parties/full?purpose="
                        + URLEncoder.encode("电话联系当事人", StandardCharsets.UTF_8))
                .statusCode())
        .isEqualTo(200);

    moveClockTo(caseCode, "2026-03-06T08:00:00+08:00");
    work(
        new Http(port).as("townsupervisor", PASSWORD),
        "townsupervisor",
        caseCode,
        "Task_AcknowledgeEscalation",
        "{}");
    moveClockTo(caseCode, "2026-03-11T08:00:00+08:00");
    work(countySupervisor, "countysupervisor", caseCode, "Task_AcknowledgeEscalation", "{}");
    moveClockTo(caseCode, "2026-03-16T08:00:00+08:00");
    work(countySupervisor, "countysupervisor", caseCode, "Task_IssueSupervisionOrder", "{}");

    Http cockpit = new Http(port);
    assertThat(cockpit.loginToWebapp("cockpit", "admin", PASSWORD).statusCode()).isEqualTo(200);
    String root =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(caseCode)
            .processDefinitionKey(ProcessModels.DISPUTE_CASE)
            .singleResult()
            .getId();
    assertThat(
            cockpit
                .putJson(
                    WEBAPP_ENGINE + "/process-instance/" + root + "/variables/followUpNote",
                    "{\"value\":\"人工补记\",\"type\":\"String\"}")
                .statusCode())
        .isEqualTo(204);

    work(
        villageMediator,
        "villagemediator",
        caseCode,
        "Task_RecordConsent",
        "{\"partiesConsent\":{\"value\":\"YES\"}}");
    String failed =
        "{\"mediationResult\":{\"value\":\"FAILED\"},\"sessionNote\":{\"value\":\"未达成一致\"}}";
    work(villageMediator, "villagemediator", caseCode, "Task_Mediate", failed);
    work(villageMediator, "villagemediator", caseCode, "Task_Mediate", failed);
    Task atTheTown =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(caseCode)
            .taskDefinitionKey("Task_Mediate")
            .singleResult();
    assertThat(candidateGroups(atTheTown)).containsExactly("mediator:town:511725104");
    assertThat(
            new Http(port)
                .as("townmediator", PASSWORD)
                .postJson(
                    "/engine-rest/task/" + atTheTown.getId() + "/claim",
                    "{\"userId\":\"townmediator\"}")
                .statusCode())
        .as("the town takes the case over")
        .isEqualTo(204);
    assertThat(villageMediator.get("/api/cases/" + caseCode).statusCode())
        .as("who handled it still reads it")
        .isEqualTo(200);

    HttpResponse<String> audit =
        countySupervisor.get("/api/audit?from=2026-03-01&to=2026-03-16&caseCode=" + caseCode);
    assertThat(audit.statusCode()).as(audit.body()).isEqualTo(200);
    Map<String, List<String>> actorsByKind = new HashMap<>();
    for (JsonNode entry : JSON.readTree(audit.body()).path("entries")) {
      assertThat(entry.path("caseCode").asText()).isEqualTo(caseCode);
      actorsByKind
          .computeIfAbsent(entry.path("kind").asText(), any -> new ArrayList<>())
          .add(entry.path("actor").asText());
    }
    assertThat(actorsByKind)
        .containsEntry("PERSONAL_DATA_READ", List.of("villagemediator"))
        .containsEntry("HAND_OVER", List.of("villagemediator"))
        .containsEntry("SUPERVISION_ORDER", List.of("countysupervisor"))
        .containsEntry("ENGINE_OPERATION", List.of("admin"));
    assertThat(
            new Http(port)
                .as("leader", PASSWORD)
                .get("/api/audit?kind=HAND_OVER&to=2026-03-16")
                .statusCode())
        .isEqualTo(200);
    for (String notTheCounty : List.of("townsupervisor", "admin", "designer", "villagemediator")) {
      HttpResponse<String> refused = new Http(port).as(notTheCounty, PASSWORD).get("/api/audit");
      assertThat(refused.statusCode()).as(notTheCounty).isEqualTo(403);
    }
  }

  @Order(5)
  @Test
  void badAuditQueriesAreNamedNeverAServerError() throws Exception {
    Http countySupervisor = new Http(port).as("countysupervisor", PASSWORD);
    Map<String, String> badQueries =
        Map.of(
            "from=yesterday", "from",
            "from=2026-03-10&to=2026-03-01", "from",
            "to=2026-13-01", "to",
            "kind=EVERYTHING", "kind",
            "limit=0", "limit",
            "limit=many", "limit",
            "caseCode=123", "caseCode");
    for (Map.Entry<String, String> bad : badQueries.entrySet()) {
      HttpResponse<String> answer = countySupervisor.get("/api/audit?" + bad.getKey());
      assertThat(answer.statusCode()).as(bad.getKey()).isEqualTo(400);
      assertThat(answer.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(JSON.readTree(answer.body()).path("invalidParams").get(0).path("name").asText())
          .as(bad.getKey())
          .isEqualTo(bad.getValue());
    }
  }

  /**
   * Per-case grants leave no trace behind: a runtime grant goes with its instance, a historic one
   * carries its root instance (so history cleanup removes it with the case's history).
   */
  @Order(6)
  @Test
  void perCaseGrantsGoWithTheirInstances() {
    Set<String> running =
        runtimeService.createProcessInstanceQuery().list().stream()
            .map(instance -> instance.getId())
            .collect(Collectors.toSet());
    assertThat(
            authorizationService
                .createAuthorizationQuery()
                .resourceType(Resources.PROCESS_INSTANCE)
                .list())
        .filteredOn(authorization -> !"*".equals(authorization.getResourceId()))
        .isNotEmpty()
        .allSatisfy(authorization -> assertThat(running).contains(authorization.getResourceId()));
    assertThat(
            authorizationService
                .createAuthorizationQuery()
                .resourceType(Resources.HISTORIC_PROCESS_INSTANCE)
                .list())
        .filteredOn(authorization -> !"*".equals(authorization.getResourceId()))
        .isNotEmpty()
        .allSatisfy(
            authorization ->
                assertThat(authorization.getRootProcessInstanceId())
                    .as("root instance of the grant on " + authorization.getResourceId())
                    .isNotNull());
  }

  /**
   * A person claims and completes the case's open task of that kind through the engine's REST API.
   */
  private void work(Http http, String user, String caseCode, String taskKey, String variables) {
    Task task =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(caseCode)
            .taskDefinitionKey(taskKey)
            .singleResult();
    assertThat(task)
        .as(
            "open %s of %s: %s",
            taskKey,
            caseCode,
            openTasks(caseCode).stream().map(Task::getTaskDefinitionKey).toList())
        .isNotNull();
    assertThat(
            http.postJson(
                    "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"" + user + "\"}")
                .statusCode())
        .as(user + " claims " + taskKey)
        .isEqualTo(204);
    HttpResponse<String> done =
        http.postJson(
            "/engine-rest/task/" + task.getId() + "/complete", "{\"variables\":" + variables + "}");
    assertThat(done.statusCode())
        .as(user + " completes " + taskKey + ": " + done.body())
        .isIn(200, 204);
    runJobsOf(caseCode);
  }

  /**
   * Moves the engine's clock and runs this case's due jobs only (the other cases' timers may wait).
   */
  private void moveClockTo(String caseCode, String time) {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(time).toInstant()));
    runJobsOf(caseCode);
  }

  private void runJobsOf(String caseCode) {
    for (int round = 0; round < 50; round++) {
      Set<String> instances =
          runtimeService
              .createProcessInstanceQuery()
              .processInstanceBusinessKey(caseCode)
              .list()
              .stream()
              .map(instance -> instance.getId())
              .collect(Collectors.toSet());
      List<Job> due =
          managementService.createJobQuery().executable().list().stream()
              .filter(job -> instances.contains(job.getProcessInstanceId()))
              .toList();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> managementService.executeJob(job.getId()));
    }
    throw new AssertionError("jobs keep coming");
  }

  // ---- operations
  // -------------------------------------------------------------------------------------------------

  private boolean claim(Http http, String base, Row row) {
    Task task =
        taskFor(row.user(), row.allowed() ? openCase(row.place()) : sharedCases.get(row.place()));
    return answered(
        http.postJson(
            base + "/task/" + task.getId() + "/claim", "{\"userId\":\"" + row.user() + "\"}"),
        204,
        403);
  }

  private boolean complete(Http http, String base, Row row) {
    Task task =
        taskFor(row.user(), row.allowed() ? openCase(row.place()) : sharedCases.get(row.place()));
    String variables =
        switch (task.getTaskDefinitionKey()) {
          case "Task_RecordConsent" -> "{\"partiesConsent\":{\"value\":\"YES\"}}";
          case "Task_DepartmentHandling" -> "{\"handlingNote\":{\"value\":\"已处置\"}}";
          // P: a public-order case is the police's own 治安调解 (public-security-mediation.bpmn)
          case "Task_FirstSession" ->
              "{\"policeMediationResult\":{\"value\":\"AGREEMENT_PERFORMED\"},"
                  + "\"sessionNote\":{\"value\":\"已调解\"}}";
          default -> "{}";
        };
    HttpResponse<String> answer =
        http.postJson(
            base + "/task/" + task.getId() + "/complete", "{\"variables\":" + variables + "}");
    assertThat(answer.statusCode()).as(row + ": " + answer.body()).isIn(200, 204, 403);
    return answer.statusCode() != 403;
  }

  /**
   * Allowed means every instance of the case, the stages it called included; refused means none.
   */
  private boolean readsEveryInstance(Http http, String query, String caseCode, long all) {
    List<JsonNode> seen = list(http, query + caseCode);
    assertThat((long) seen.size()).as("instances of %s seen: all or none", caseCode).isIn(0L, all);
    return !seen.isEmpty();
  }

  private static List<JsonNode> list(Http http, String path) {
    HttpResponse<String> answer = http.get(path);
    assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
    try {
      List<JsonNode> items = new ArrayList<>();
      JSON.readTree(answer.body()).forEach(items::add);
      return items;
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static boolean answered(HttpResponse<String> answer, int allowed, int refused) {
    assertThat(answer.statusCode()).as(answer.uri() + ": " + answer.body()).isIn(allowed, refused);
    if (answer.statusCode() == refused && answer.uri().getPath().startsWith("/api/")) {
      assertThat(answer.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }
    return answer.statusCode() == allowed;
  }

  /** A session in the first webapp the person may open, as a browser would hold one. */
  private Http webappSession(String user) {
    String app = webappOf(user);
    if (app == null) {
      return null;
    }
    return webappSessions.computeIfAbsent(
        user,
        any -> {
          Http browser = new Http(port);
          assertThat(browser.loginToWebapp(app, user, PASSWORD).statusCode())
              .as(user + " logs in to " + app)
              .isEqualTo(200);
          return browser;
        });
  }

  private static String webappOf(String user) {
    List<String[]> people = table(PERSON_MATRIX);
    String[] header = people.get(0);
    for (String[] line : people) {
      if (line[0].equals(user)) {
        for (String app : List.of("tasklist", "cockpit", "admin")) {
          if ("Y".equals(line[List.of(header).indexOf(app)])) {
            return app;
          }
        }
      }
    }
    return null;
  }

  // ---- cases
  // ------------------------------------------------------------------------------------------------------

  /**
   * A new case of that kind, registered at the one door and routed, waiting at its first task(s).
   */
  private String openCase(Place place) {
    String caseCode =
        intake.register(registration("WINDOW", "intake", place), null, "intake").caseCode();
    runJobs();
    if (place == Place.J) {
      // The county's consultation names the departments; only then are they given work on the case.
      Task consultation =
          taskService
              .createTaskQuery()
              .processInstanceBusinessKey(caseCode)
              .taskDefinitionKey("Task_CaseConsultation")
              .singleResult();
      taskService.complete(
          consultation.getId(), Map.of("leadUnit", "JUSTICE", "consultationSummary", "会商"));
      runJobs();
    }
    Map<Place, String> firstGroup =
        Map.of(
            Place.A,
            "mediator:village:511725104001",
            Place.B,
            "mediator:village:511725103001",
            Place.M,
            "mediator:committee:MEDICAL",
            Place.J,
            "liaison:department:JUSTICE",
            Place.P,
            "liaison:department:POLICE");
    assertThat(openTasks(caseCode).stream().flatMap(task -> candidateGroups(task).stream()))
        .as("case %s waits for %s", place, firstGroup.get(place))
        .contains(firstGroup.get(place));
    return caseCode;
  }

  private IntakeRequest registration(String source, String receivedBy, Place place) {
    int n = ++partyNumber;
    String town =
        switch (place) {
          case A -> "511725104";
          case B -> "511725103";
          default -> "511725112";
        };
    String disputeType =
        switch (place) {
          case M -> "MEDICAL";
          case J -> "LAND_USE";
          case P -> "PUBLIC_SECURITY";
          default -> "NEIGHBOUR";
        };
    return new IntakeRequest(
        source,
        "WINDOW".equals(source) ? null : "matrix-" + n,
        "VILLAGE",
        town,
        town + "001",
        receivedBy,
        disputeType,
        "授权矩阵测试案件",
        new BigDecimal("3000"),
        "2026-02-20",
        place == Place.J ? 12 : 2,
        true,
        new IntakeRequest.Flags(place == Place.M, false, false, false, "NONE"),
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

  private String registrationJson(String user) {
    try {
      return JSON.writeValueAsString(
          registration("gridsystem".equals(user) ? "GRID" : "WINDOW", user, Place.A));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The Tasklist start form's fields, as form-js sends them. */
  private String startFormJson() {
    int n = ++partyNumber;
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("level", "VILLAGE");
    fields.put("townCode", "511725104");
    fields.put("villageCode", "511725104001");
    fields.put("disputeType", "NEIGHBOUR");
    fields.put("summary", "授权矩阵测试：表单登记");
    fields.put("amount", 3000);
    fields.put("occurredOn", "2026-02-20");
    fields.put("partyCount", 2);
    fields.put("consentToMediation", true);
    fields.put("acceptedElsewhere", "NONE");
    fields.put("applicantKind", "PERSON");
    fields.put("applicantName", "表单申请人" + n);
    fields.put("applicantIdNumber", TestResidentIds.forNumber(n));
    fields.put("applicantMobile", "138" + String.format("%08d", n));
    fields.put("respondentKind", "PERSON");
    fields.put("respondentName", "表单被申请人" + n);
    fields.put("respondentIdNumber", TestResidentIds.forNumber(n + 500000));
    Map<String, Object> variables =
        fields.entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> Map.of("value", e.getValue())));
    try {
      return JSON.writeValueAsString(Map.of("variables", variables));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String probeModel() {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_MatrixProbe"
            targetNamespace="http://onedoor.cn/bpmn">
          <bpmn:process id="matrix-probe" name="部署探针" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="StartEvent_Probe" />
          </bpmn:process>
        </bpmn:definitions>
        """;
  }

  /**
   * The task a person would work: one of their own groups' if the case has one, else the case's
   * first.
   */
  private Task taskFor(String user, String caseCode) {
    Set<String> groups =
        identityService.createGroupQuery().groupMember(user).list().stream()
            .map(Group::getId)
            .collect(Collectors.toSet());
    List<Task> tasks = openTasks(caseCode);
    assertThat(tasks).as("open tasks of " + caseCode).isNotEmpty();
    return tasks.stream()
        .filter(task -> candidateGroups(task).stream().anyMatch(groups::contains))
        .findFirst()
        .orElse(tasks.get(0));
  }

  private List<Task> openTasks(String caseCode) {
    return taskService
        .createTaskQuery()
        .processInstanceBusinessKey(caseCode)
        .orderByTaskName()
        .asc()
        .list();
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .toList();
  }

  void runJobs() {
    for (int round = 0; round < 50; round++) {
      List<Job> due = managementService.createJobQuery().executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> managementService.executeJob(job.getId()));
    }
    throw new AssertionError("jobs keep coming");
  }

  private static List<String[]> table(String text) {
    return text.lines()
        .map(String::trim)
        .filter(line -> !line.isEmpty())
        .map(line -> line.split("\\s+"))
        .toList();
  }

  private static Op op(String column) {
    return switch (column) {
      case "personalData" -> Op.PERSONAL_DATA;
      default -> Op.valueOf(column.toUpperCase());
    };
  }
}
