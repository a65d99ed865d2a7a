package cn.onedoor.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.casefile.CaseStage;
import cn.onedoor.chain.ChainTest;
import cn.onedoor.organisation.RealTowns;
import cn.onedoor.support.Cases;
import cn.onedoor.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The supervisors' page's API over real cases: every figure equals the total of the list behind it,
 * a timer that fires moves the overdue count, a supervision order issued on the page reaches the
 * unit that works the case, its answer (or its absence, pressed one level up) is recorded on the
 * case, jobs held by a node that no longer answers are named with their cases until another node
 * takes them over, and bad or out-of-scope questions get 4xx naming the parameter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SupervisionTest extends ChainTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final OffsetDateTime FRIDAY = OffsetDateTime.parse("2026-03-06T10:00:00+08:00");

  @LocalServerPort int port;

  @Autowired JdbcTemplate jdbc;

  @Autowired org.camunda.bpm.engine.FilterService filterService;

  @Autowired org.camunda.bpm.engine.IdentityService identityService;

  @AfterEach
  void forgetTheCases() {
    Cases.forgetAll(runtimeService, jdbc);
  }

  @Test
  void everyFigureIsTheTotalOfItsListAndATimerMovesTheOverdueCount() throws IOException {
    String sanhui = register(villageNeighbourDispute());
    String tuxi = register(inTuxi());
    String settled = register(villageNeighbourDispute());
    complete(settled, "Task_RecordConsent", null, Map.of("partiesConsent", "YES"));
    complete(
        settled,
        "Task_Mediate",
        null,
        Map.of("mediationResult", "PERFORMED", "sessionNote", "当场履行"));
    complete(
        settled,
        "Task_RecordClosure",
        null,
        Map.of("closureReason", "PERFORMED", "satisfaction", 5, "closureSummary", "当场履行完毕"));

    JsonNode before = overview("countysupervisor", "");
    assertThat(kpi(before, "open")).isEqualTo(2);
    assertThat(kpi(before, "overdue")).isZero();
    assertThat(kpi(before, "closed")).isEqualTo(1);
    assertThat(kpi(before, "onTimeRate")).isEqualTo(100);
    assertThat(kpi(before, "mediationSuccessRate")).isEqualTo(100);
    everyFigureMatchesItsList("countysupervisor", before);

    // Thursday's consent deadline passes: both open cases are overdue, and the chase-up goes to the
    // town supervisors.
    moveClockTo(FRIDAY);
    JsonNode after = overview("countysupervisor", "");
    assertThat(kpi(after, "overdue")).isEqualTo(2);
    assertThat(kpi(after, "escalated")).isEqualTo(2);
    everyFigureMatchesItsList("countysupervisor", after);
    JsonNode overdue = list("countysupervisor", "OVERDUE", "");
    assertThat(overdue.get("rows"))
        .extracting(row -> row.get("caseCode").asText())
        .containsExactlyInAnyOrder(sanhui, tuxi);
    // page by page, each page still carries the figure, also past the end
    JsonNode second = list("countysupervisor", "OVERDUE", "&limit=1&offset=1");
    assertThat(second.get("total").asLong()).isEqualTo(2);
    assertThat(second.get("rows")).hasSize(1);
    assertThat(second.get("rows").get(0).get("caseCode").asText())
        .isEqualTo(overdue.get("rows").get(1).get("caseCode").asText());
    JsonNode pastTheEnd = list("countysupervisor", "OVERDUE", "&limit=1&offset=5");
    assertThat(pastTheEnd.get("total").asLong()).isEqualTo(2);
    assertThat(pastTheEnd.get("rows")).isEmpty();
    JsonNode row = overdue.get("rows").get(0);
    assertThat(row.get("clock").get("name").asText()).isEqualTo("确认当事人调解意愿");
    assertThat(row.get("clock").get("overdue").asBoolean()).isTrue();
    assertThat(row.get("rungReached").get("name").asText()).isEqualTo("催办");
    assertThat(row.get("responsibleOfficer").asText()).isEqualTo("intake");

    // The town supervisor sees the town only: one overdue case, its villages in the grid, its
    // chase-up waiting.
    JsonNode town = overview("townsupervisor", "");
    assertThat(town.get("scope").get("area").get("code").asText()).isEqualTo("511725104");
    assertThat(kpi(town, "overdue")).isEqualTo(1);
    assertThat(town.get("areas"))
        .extracting(cell -> cell.get("code").asText())
        .contains("511725104001");
    everyFigureMatchesItsList("townsupervisor", town);
    JsonNode waiting =
        JSON.readTree(http("townsupervisor").get("/api/supervision/escalations/waiting").body());
    assertThat(waiting).extracting(task -> task.get("caseCode").asText()).containsExactly(sanhui);
    assertThat(waiting.get(0).get("name").asText()).startsWith("催办");

    // The county's grid: a cell for each of the county's 37 towns, townships and subdistricts;
    // 三汇镇 has one open case, and it is overdue.
    JsonNode grid = after.get("areas");
    assertThat(grid)
        .extracting(cell -> cell.get("code").asText() + " " + cell.get("name").asText())
        .containsExactlyElementsOf(
            RealTowns.all().stream().map(real -> real.code() + " " + real.name()).toList());
    JsonNode sanhuiCell = null;
    for (JsonNode cell : grid) {
      if (cell.get("code").asText().equals("511725104")) {
        sanhuiCell = cell;
      }
    }
    assertThat(sanhuiCell.get("open").asLong()).isEqualTo(1);
    assertThat(sanhuiCell.get("overdueShare").asDouble()).isEqualTo(100.0);
  }

  @Test
  void aSupervisionOrderReachesTheUnitAndItsAnswerIsRecordedOnTheCase() throws IOException {
    String caseCode = register(villageNeighbourDispute());
    HttpResponse<String> issued =
        http("countysupervisor")
            .postJson(
                "/api/supervision/cases/" + caseCode + "/orders",
                "{\"text\":\"请于三日内组织双方调解并报告进展\",\"answerWithinWorkingDays\":3}");
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    assertThat(JSON.readTree(issued.body()).get("answeringGroup").get("code").asText())
        .isEqualTo("mediator:village:511725104001");

    Task answer = task(caseCode, "Task_AnswerSupervisionOrder");
    assertThat(candidateGroups(answer)).containsExactly("mediator:village:511725104001");
    assertThat(answer.getDueDate()).isNotNull();
    assertThat(kpi(overview("countysupervisor", ""), "openOrders")).isEqualTo(1);
    JsonNode orders = list("countysupervisor", "OPEN_ORDERS", "");
    assertThat(orders.get("rows").get(0).get("order").get("orderText").asText()).contains("组织双方调解");

    complete(
        caseCode,
        "Task_AnswerSupervisionOrder",
        "mediator:village:511725104001",
        Map.of("supervisionAnswer", "已于3月3日组织双方调解"));
    assertThat(kpi(overview("countysupervisor", ""), "openOrders")).isZero();
    JsonNode detail =
        JSON.readTree(http("countysupervisor").get("/api/supervision/cases/" + caseCode).body());
    JsonNode order = detail.get("escalations").get(0);
    assertThat(order.get("rung").get("code").asText()).isEqualTo("SUPERVISION_ORDER");
    assertThat(order.get("answer").asText()).isEqualTo("已于3月3日组织双方调解");
    assertThat(order.get("issuedBy").asText()).isEqualTo("countysupervisor");
    assertThat(detail.get("journal"))
        .extracting(entry -> entry.get("kind").asText())
        .contains("SUPERVISION_ORDER", "SUPERVISION_ANSWERED");
  }

  @Test
  void anUnansweredOrderIsPressedOneLevelUpAndCanStillBeAnswered() throws IOException {
    String caseCode = register(villageNeighbourDispute());
    assertThat(
            http("townsupervisor")
                .postJson(
                    "/api/supervision/cases/" + caseCode + "/orders",
                    "{\"text\":\"请说明未联系当事人的原因\",\"answerWithinWorkingDays\":1}")
                .statusCode())
        .isEqualTo(201);
    Task order = task(caseCode, "Task_AnswerSupervisionOrder");
    moveClockTo(
        OffsetDateTime.ofInstant(order.getDueDate().toInstant(), java.time.ZoneOffset.ofHours(8))
            .plusMinutes(1));

    // A town's order left unanswered goes to the county supervisors; the unit can still answer.
    Task press = task(caseCode, "Task_PressOverdueOrder");
    assertThat(press.getName()).startsWith("督办令逾期未答复");
    assertThat(candidateGroups(press)).containsExactly("supervisor:county:511725");
    complete(
        caseCode,
        "Task_PressOverdueOrder",
        "supervisor:county:511725",
        Map.of("escalationAction", "已电话督促镇调委会"));
    complete(
        caseCode, "Task_AnswerSupervisionOrder", null, Map.of("supervisionAnswer", "已补充联系当事人"));

    List<String> rungs = new ArrayList<>();
    JsonNode detail =
        JSON.readTree(http("countysupervisor").get("/api/supervision/cases/" + caseCode).body());
    detail
        .get("escalations")
        .forEach(
            e ->
                rungs.add(
                    e.get("rung").get("code").asText()
                        + ":"
                        + (e.get("answeredAt").isNull() ? "open" : "answered")));
    assertThat(rungs).contains("SUPERVISION_ORDER:answered", "ORDER_OVERDUE:answered");
    assertThat(detail.get("rungReached").get("code").asText()).isEqualTo("ORDER_OVERDUE");

    // Answering while the press is still open ends the order, and the press with it.
    assertThat(
            http("countysupervisor")
                .postJson(
                    "/api/supervision/cases/" + caseCode + "/orders",
                    "{\"text\":\"请于一日内答复\",\"answerWithinWorkingDays\":1}")
                .statusCode())
        .isEqualTo(201);
    Task second = task(caseCode, "Task_AnswerSupervisionOrder");
    moveClockTo(
        OffsetDateTime.ofInstant(second.getDueDate().toInstant(), java.time.ZoneOffset.ofHours(8))
            .plusMinutes(1));
    assertThat(candidateGroups(task(caseCode, "Task_PressOverdueOrder")))
        .containsExactly("supervisor:leader:511725");
    complete(caseCode, "Task_AnswerSupervisionOrder", null, Map.of("supervisionAnswer", "已答复"));
    assertThat(openTaskKeys(caseCode))
        .doesNotContain("Task_PressOverdueOrder", "Task_AnswerSupervisionOrder");
    assertThat(kpi(overview("countysupervisor", ""), "openOrders")).isZero();
  }

  @Test
  void courtCasesAreTracedBackToWhereTheyWereRegistered() throws IOException {
    String caseCode = register(inTuxi());
    journal.stageEntered(caseCode, CaseStage.LITIGATION_MEDIATION);
    JsonNode county = overview("countysupervisor", "");
    assertThat(kpi(county, "litigationPer10k"))
        .isEqualTo(0.0); // 1 case in 1,000,000 people rounds to 0.0
    JsonNode litigation = list("countysupervisor", "LITIGATION", "");
    assertThat(litigation.get("total").asLong()).isEqualTo(1);
    assertThat(litigation.get("rows").get(0).get("town").get("name").asText()).isEqualTo("土溪镇");
    assertThat(litigation.get("rows").get(0).get("village").get("name").asText()).isEqualTo("土溪村");
    JsonNode tuxiCell = null;
    for (JsonNode cell : county.get("areas")) {
      if (cell.get("code").asText().equals("511725103")) {
        tuxiCell = cell;
      }
    }
    assertThat(tuxiCell.get("litigation").asLong()).isEqualTo(1);
  }

  @Test
  void jobsHeldByANodeThatNoLongerAnswersAreShownInScopeUntilAnotherNodeTakesThemOver()
      throws IOException {
    String sanhui = register(villageNeighbourDispute());
    String tuxi = register(inTuxi());
    assertThat(stalled("countysupervisor").get("nodes")).isEmpty();

    // node-a locked the jobs of both cases (their deadline timers) and died: its locks ran out.
    Instant now = ClockUtil.getCurrentTime().toInstant();
    int sanhuiJobs = lock(sanhui, "node-a", now.minusSeconds(40));
    int tuxiJobs = lock(tuxi, "node-a", now.minusSeconds(10));
    assertThat(sanhuiJobs).isPositive();
    assertThat(tuxiJobs).isPositive();

    JsonNode county = stalled("countysupervisor").get("nodes");
    assertThat(county).hasSize(1);
    assertThat(county.get(0).get("node").asText()).isEqualTo("node-a");
    assertThat(county.get(0).get("jobs").asInt()).isEqualTo(sanhuiJobs + tuxiJobs);
    assertThat(Instant.parse(county.get(0).get("lockExpiredAt").asText()))
        .isEqualTo(now.minusSeconds(10));
    assertThat(county.get(0).get("caseCodes"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder(sanhui, tuxi);

    // The 三汇镇 supervisor sees the 三汇镇 case only.
    JsonNode town = stalled("townsupervisor").get("nodes");
    assertThat(town).hasSize(1);
    assertThat(town.get(0).get("jobs").asInt()).isEqualTo(sanhuiJobs);
    assertThat(town.get(0).get("caseCodes")).extracting(JsonNode::asText).containsExactly(sanhui);

    // A lock still running is a live node at work: not shown.
    lock(tuxi, "node-b", now.plusSeconds(30));
    assertThat(stalled("countysupervisor").get("nodes").get(0).get("caseCodes"))
        .extracting(JsonNode::asText)
        .containsExactly(sanhui);
    // node-b takes the rest over: nothing left to show.
    lock(sanhui, "node-b", now.plusSeconds(30));
    assertThat(stalled("countysupervisor").get("nodes")).isEmpty();
    assertThat(stalled("townsupervisor").get("nodes")).isEmpty();
  }

  private int lock(String caseCode, String node, Instant until) {
    return Cases.lockJobs(jdbc, caseCode, node, until);
  }

  private JsonNode stalled(String user) throws IOException {
    HttpResponse<String> answer = http(user).get("/api/supervision/stalled-jobs");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  @Test
  void badOrOutOfScopeQuestionsAreClientErrorsNamingTheParameter() throws IOException {
    String tuxi = register(inTuxi());
    assertProblem(
        http("countysupervisor").get("/api/supervision/overview?period=2026-13"), 400, "period");
    assertProblem(
        http("countysupervisor").get("/api/supervision/overview?period=2031-01"), 400, "period");
    assertProblem(
        http("countysupervisor").get("/api/supervision/overview?unit=999999"), 400, "unit");
    assertProblem(
        http("countysupervisor").get("/api/supervision/cases?measure=EVERYTHING"), 400, "measure");
    assertProblem(
        http("countysupervisor").get("/api/supervision/cases?measure=OPEN&channel=MOON"),
        400,
        "channel");
    assertProblem(
        http("countysupervisor").get("/api/supervision/cases/511725-2026-999999"), 404, "caseCode");
    assertProblem(
        http("countysupervisor").get("/api/supervision/cases/not-a-code"), 400, "caseCode");
    assertProblem(
        http("townsupervisor").get("/api/supervision/overview?unit=511725103"), 403, "unit");
    assertProblem(http("townsupervisor").get("/api/supervision/cases/" + tuxi), 403, "caseCode");
    assertProblem(
        http("countysupervisor")
            .postJson("/api/supervision/cases/" + tuxi + "/orders", "{\"text\":\"\"}"),
        400,
        "text");
    assertThat(http("intake").get("/api/supervision/overview").statusCode()).isEqualTo(403);
    assertThat(new Http(port).get("/api/supervision/overview").statusCode()).isEqualTo(401);
    assertThat(
            http("townsupervisor").get("/api/supervision/overview?unit=511725104001").statusCode())
        .isEqualTo(200);
  }

  @Test
  void aSupervisorOfAnotherCountyReadsNothing() throws IOException {
    String sanhui = register(villageNeighbourDispute());
    // The same rule as the rest of the API (StaffArea): a supervisor's group counts only with this
    // county's code.
    for (String group :
        List.of(
            "supervisor:county:511702", "supervisor:leader:511702", "supervisor:town:511702102")) {
      String user = "elsewhere" + group.split(":")[1];
      identityService.saveGroup(identityService.newGroup(group));
      org.camunda.bpm.engine.identity.User person = identityService.newUser(user);
      person.setPassword("demo");
      identityService.saveUser(person);
      identityService.createMembership(user, group);
      try {
        Http elsewhere = http(user);
        for (String path :
            List.of(
                "/api/supervision/overview",
                "/api/supervision/overview?unit=511725",
                "/api/supervision/cases?measure=OPEN",
                "/api/supervision/escalations/waiting",
                "/api/supervision/cases/" + sanhui,
                "/api/supervision/activity-sla?processDefinitionKey=mediation")) {
          HttpResponse<String> answer = elsewhere.get(path);
          assertThat(answer.statusCode())
              .as(group + " " + path + ": " + answer.body())
              .isEqualTo(403);
          // A problem description names the path asked (its instance), nothing of the case.
          assertThat(answer.body().replace(path, "")).as(group + " " + path).doesNotContain(sanhui);
        }
        assertThat(
                elsewhere
                    .postJson(
                        "/api/supervision/cases/" + sanhui + "/orders", "{\"text\":\"请报告进展\"}")
                    .statusCode())
            .as(group + " issuing an order")
            .isEqualTo(403);
      } finally {
        identityService.deleteUser(user);
        identityService.deleteGroup(group);
      }
    }
    assertThat(jdbc.queryForObject("select count(*) from case_escalation", Long.class)).isZero();
  }

  @Test
  void theApiIsDescribedInOpenApiWithItsProblems() throws IOException {
    JsonNode docs = JSON.readTree(http("countysupervisor").get("/v3/api-docs").body());
    for (String path :
        List.of(
            "/api/supervision/overview",
            "/api/supervision/cases",
            "/api/supervision/cases/{caseCode}",
            "/api/supervision/escalations/waiting",
            "/api/supervision/activity-sla")) {
      assertThat(docs.path("paths").path(path).path("get").path("responses").fieldNames())
          .toIterable()
          .as(path)
          .contains("200", "400", "403");
    }
    assertThat(
            docs.path("paths")
                .path("/api/supervision/cases/{caseCode}/orders")
                .path("post")
                .path("responses")
                .fieldNames())
        .toIterable()
        .contains("201", "400", "403", "404", "409");
  }

  @Test
  void thePageCallsTheApiWithTheWebappLogin() throws IOException {
    String caseCode = register(villageNeighbourDispute());
    Http browser = new Http(port);
    assertThat(browser.loginToWebapp("tasklist", "countysupervisor", "demo").statusCode())
        .isEqualTo(200);
    assertThat(browser.refreshWebappCsrfToken().statusCode()).isEqualTo(200);
    HttpResponse<String> overview = browser.get("/api/supervision/overview");
    assertThat(overview.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(overview.body()).get("scope").get("user").asText())
        .isEqualTo("countysupervisor");
    assertThat(
            browser
                .postJson("/api/supervision/cases/" + caseCode + "/orders", "{\"text\":\"请报告进展\"}")
                .statusCode())
        .isEqualTo(201);
  }

  @Test
  void supervisorsFindTheOverdueOfTheirAreaAndTheirEscalationsInTasklistFilters() {
    String sanhui = register(villageNeighbourDispute());
    String tuxi = register(inTuxi());
    moveClockTo(FRIDAY);

    Map<String, List<String>> seen = asUser("townsupervisor", List.of("supervisor:town:511725104"));
    assertThat(seen)
        .containsKeys("三汇镇已超期", "督办：交给我的", "督办令待答复")
        .doesNotContainKeys("土溪镇已超期", "全县已超期");
    assertThat(seen.get("三汇镇已超期")).containsExactly(sanhui + "/Task_RecordConsent");
    assertThat(seen.get("督办：交给我的")).containsExactly(sanhui + "/Task_AcknowledgeEscalation");

    Map<String, List<String>> county =
        asUser("countysupervisor", List.of("supervisor:county:511725"));
    assertThat(county.get("全县已超期"))
        .contains(sanhui + "/Task_RecordConsent", tuxi + "/Task_RecordConsent");
    assertThat(county).doesNotContainKey("三汇镇已超期");
  }

  /**
   * The filters a person may read, each with the tasks it lists for them (case code / task key).
   */
  private Map<String, List<String>> asUser(String user, List<String> groups) {
    Map<String, List<String>> seen = new java.util.HashMap<>();
    List<org.camunda.bpm.engine.filter.Filter> filters;
    identityService.setAuthentication(user, groups);
    try {
      filters = filterService.createFilterQuery().list();
      for (org.camunda.bpm.engine.filter.Filter filter : filters) {
        List<Task> tasks = filterService.list(filter.getId());
        seen.put(
            filter.getName(),
            tasks.stream()
                .map(t -> t.getProcessInstanceId() + "/" + t.getTaskDefinitionKey())
                .toList());
      }
    } finally {
      identityService.clearAuthentication();
    }
    seen.replaceAll(
        (name, tasks) ->
            tasks.stream()
                .map(
                    t -> {
                      String[] parts = t.split("/");
                      return runtimeService
                              .createProcessInstanceQuery()
                              .processInstanceId(parts[0])
                              .singleResult()
                              .getBusinessKey()
                          + "/"
                          + parts[1];
                    })
                .toList());
    return seen;
  }

  private void everyFigureMatchesItsList(String user, JsonNode overview) throws IOException {
    for (JsonNode kpi : overview.get("kpis")) {
      String measure = kpi.get("measure").asText();
      JsonNode list = list(user, measure, "");
      long counted =
          "RATE".equals(kpi.get("kind").asText())
              ? kpi.get("denominator").asLong()
              : kpi.get("numerator").asLong();
      assertThat(list.get("total").asLong()).as(kpi.get("key").asText()).isEqualTo(counted);
      assertThat(list.get("rows").size())
          .as(kpi.get("key").asText() + " rows")
          .isEqualTo((int) counted);
    }
  }

  private JsonNode overview(String user, String query) throws IOException {
    HttpResponse<String> answer = http(user).get("/api/supervision/overview" + query);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  private JsonNode list(String user, String measure, String query) throws IOException {
    HttpResponse<String> answer =
        http(user).get("/api/supervision/cases?measure=" + measure + query);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  private static double kpi(JsonNode overview, String key) {
    for (JsonNode kpi : overview.get("kpis")) {
      if (kpi.get("key").asText().equals(key)) {
        return kpi.get("value").asDouble();
      }
    }
    throw new AssertionError("no figure " + key);
  }

  private Http http(String user) {
    return new Http(port).as(user, "demo");
  }

  private static void assertProblem(HttpResponse<String> answer, int status, String parameter)
      throws IOException {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(JSON.readTree(answer.body()).get("invalidParams").get(0).get("name").asText())
        .isEqualTo(parameter);
  }

  private static Map<String, Object> inTuxi() {
    Map<String, Object> variables = villageNeighbourDispute();
    variables.put("townCode", "511725103");
    variables.put("villageCode", "511725103001");
    return variables;
  }
}
