package cn.onedoor.county;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.chain.ChainTest;
import cn.onedoor.support.EngineClockTestConfiguration;
import cn.onedoor.support.Http;
import cn.onedoor.support.PostgresTestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Another county starts on a fresh PostgreSQL: configured as 大竹县 (511724), its administrator loads
 * its units and staff from CSV (src/test/resources/county/) over real HTTP, its people are told
 * their first password by SMS through the (simulated) gateway, must change it before anything else,
 * and then work a case from registration to closure through the engine's REST API as Tasklist does.
 * Around that: the dry run, loading twice, a bad row, a unit with open cases, a non-administrator.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "onedoor.county.code=511724",
      "onedoor.county.name=大竹县",
      "onedoor.county.population=1050000"
    })
@ActiveProfiles("test")
@Import({PostgresTestDatabase.class, EngineClockTestConfiguration.class})
class PostgresCountyImportTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern FIRST_PASSWORD = Pattern.compile("初始密码 ([A-Za-z0-9]+)");

  /** The passwords people chose at their first login, by user name. */
  private static final Map<String, String> OWN_PASSWORDS = new ConcurrentHashMap<>();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;

  @BeforeAll
  static void aWorkingDay() {
    ClockUtil.setCurrentTime(
        Date.from(OffsetDateTime.parse("2026-03-02T09:00:00+08:00").toInstant()));
  }

  @AfterAll
  static void resetClock() {
    ClockUtil.reset();
  }

  /** The county's files are loaded before each test; loading them again changes nothing. */
  @BeforeEach
  void theCountysFilesAreLoaded() {
    assertThat(load("units", units(), false).statusCode()).isEqualTo(200);
    assertThat(load("staff", staff(), false).statusCode()).isEqualTo(200);
  }

  @Test
  void theFreshDatabaseNowHoldsTheOtherCountyOnly() throws IOException {
    JsonNode towns = JSON.readTree(admin().get("/api/units?kind=TOWN").body());
    assertThat(towns.findValuesAsText("code"))
        .containsExactly("511724100", "511724101", "511724102");
    JsonNode county = JSON.readTree(admin().get("/api/units?kind=COUNTY").body());
    assertThat(county.findValuesAsText("name")).containsExactly("大竹县");
    assertThat(county.findValuesAsText("population")).containsExactly("1050000");
    assertThat(JSON.readTree(admin().get("/api/county").body()).path("code").asText())
        .isEqualTo("511724");
  }

  @Test
  void aDryRunShowsAddedChangedAndRemovedAndChangesNothing() throws IOException {
    String edited =
        units()
                .replace("TOWN,511724101,石河镇,511724,40000", "TOWN,511724101,石河镇,511724,41000")
                .replace("VILLAGE,511724100002,西湖社区,511724100,5500\n", "")
            + "VILLAGE,511724101002,石桥村,511724101,2100\n";

    HttpResponse<String> answer = load("units", edited, true);

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode plan = JSON.readTree(answer.body());
    assertThat(plan.path("dryRun").asBoolean()).isTrue();
    assertThat(plan.path("added").findValuesAsText("code")).containsExactly("511724101002");
    assertThat(plan.path("changed").findValuesAsText("code")).containsExactly("511724101");
    assertThat(plan.path("changed").get(0).path("changes").get(0).asText())
        .isEqualTo("人口：40000 → 41000");
    assertThat(plan.path("removed").findValuesAsText("code")).containsExactly("511724100002");
    JsonNode villages = JSON.readTree(admin().get("/api/units?kind=VILLAGE").body());
    assertThat(villages.findValuesAsText("code"))
        .contains("511724100002")
        .doesNotContain("511724101002");
  }

  @Test
  void loadingTheSameFilesTwiceChangesNothing() throws IOException {
    int rowsBefore = identityAndGrantRows();
    int smsBefore = staffSms();

    JsonNode units = JSON.readTree(load("units", units(), false).body());
    JsonNode staff = JSON.readTree(load("staff", staff(), false).body());

    assertThat(units.path("added")).isEmpty();
    assertThat(units.path("changed")).isEmpty();
    assertThat(units.path("removed")).isEmpty();
    assertThat(units.path("unchanged").asInt()).isEqualTo(17); // the county and 16 rows
    assertThat(staff.path("added")).isEmpty();
    assertThat(staff.path("changed")).isEmpty();
    assertThat(staff.path("removed")).isEmpty();
    assertThat(staff.path("unchanged").asInt()).isEqualTo(9);
    assertThat(identityAndGrantRows()).isEqualTo(rowsBefore);
    assertThat(staffSms()).isEqualTo(smsBefore);
  }

  @Test
  void importedPeopleGetTheirRolesGroupAndBaselineGrants() {
    assertThat(
            jdbc.queryForList(
                "select GROUP_ID_ from ACT_ID_MEMBERSHIP where USER_ID_ = 'dz-townsupervisor'",
                String.class))
        .containsExactly("supervisor:town:511724100");
    assertThat(
            jdbc.queryForObject(
                "select NAME_ from ACT_ID_GROUP where ID_ = 'supervisor:town:511724100'",
                String.class))
        .isEqualTo("竹阳街道 督办员");
    // Tasklist and Cockpit for a town supervisor, as RoleGrants says.
    assertThat(
            jdbc.queryForList(
                "select RESOURCE_ID_ from ACT_RU_AUTHORIZATION where GROUP_ID_ = ? and RESOURCE_TYPE_ = 0",
                String.class,
                "supervisor:town:511724100"))
        .containsExactlyInAnyOrder("tasklist", "cockpit");
    // Each was told once, by SMS, and nothing on our side kept the password.
    assertThat(staffSms()).isEqualTo(9);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from outbound_request where payload like '%初始密码%'", Integer.class))
        .isZero();
  }

  @Test
  void aBadRowIsNamedByRowAndColumnAndNothingIsLoaded() throws IOException {
    String bad =
        units()
            .replace("TOWN,511724102,庙坝镇,,35000", "TOWN,51172410X,庙坝镇,,35000")
            .replace(
                "VILLAGE,511724101001,石河村,511724101,3000", "HAMLET,511724101001,石河村,511724101,3000")
            .replace(
                "VILLAGE,511724102001,庙坝村,511724102,2800", "VILLAGE,511724102001,庙坝村,511724102,很多");

    HttpResponse<String> answer = load("units", bad, false);

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = JSON.readTree(answer.body());
    assertThat(problem.path("invalidParams").findValuesAsText("name"))
        .contains("row 4, code", "row 7, kind", "row 8, population");
    assertThat(problem.path("detail").asText()).contains("第4行 code 列：乡镇代码应为 511724 加 3 位数字");
    assertThat(problem.path("rows").get(0).path("row").asInt()).isEqualTo(4);
    assertThat(JSON.readTree(admin().get("/api/units?kind=TOWN").body()).findValuesAsText("code"))
        .contains("511724102");

    HttpResponse<String> badStaff =
        load("staff", staff() + "dz-x,赵某,mediator,village,511724999001,1390000\n", false);
    assertThat(badStaff.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(badStaff.body()).path("invalidParams").findValuesAsText("name"))
        .containsExactly("row 11, unit", "row 11, mobile");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from ACT_ID_USER where ID_ = 'dz-x'", Integer.class))
        .isZero();
  }

  @Test
  void aUnitWithOpenCasesCannotBeRemoved() throws IOException {
    String caseCode = register("511724102", "511724102001");
    String withoutMiaoba =
        units()
            .replace("TOWN,511724102,庙坝镇,,35000\n", "")
            .replace("VILLAGE,511724102001,庙坝村,511724102,2800\n", "");
    String staffWithoutMiaoba =
        staff().replace("dz-miaoba,赵庙调,mediator,village,511724102001,13900000009\n", "");
    assertThat(load("staff", staffWithoutMiaoba, true).statusCode()).isEqualTo(200);

    for (boolean dryRun : List.of(true, false)) {
      HttpResponse<String> answer = load("units", withoutMiaoba, dryRun);

      assertThat(answer.statusCode()).isEqualTo(409);
      assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      JsonNode problem = JSON.readTree(answer.body());
      assertThat(problem.path("openCases").asInt()).isEqualTo(1);
      assertThat(problem.path("detail").asText()).contains("仍有 1 件未结案件", "庙坝镇（511724102）1 件");
      assertThat(problem.path("units").findValuesAsText("code"))
          .containsExactlyInAnyOrder("511724102", "511724102001");
    }
    assertThat(JSON.readTree(admin().get("/api/units?kind=TOWN").body()).findValuesAsText("code"))
        .contains("511724102");
    assertThat(caseCode).startsWith("511724-2026-");
  }

  @Test
  void onlyAdministratorsMayLoad() {
    Http supervisor = new Http(port).as("dz-countysupervisor", ownPassword("dz-countysupervisor"));
    HttpResponse<String> answer =
        supervisor.post(
            "/api/county/units?dryRun=true", "text/csv", units().getBytes(StandardCharsets.UTF_8));
    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).contains("只有系统管理员可以导入单位与人员");
    assertThat(
            new Http(port)
                .post("/api/county/units", "text/csv", units().getBytes(StandardCharsets.UTF_8))
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void aNewPersonMustChangeTheFirstPasswordBeforeAnyOtherWork() throws IOException {
    String first = smsPassword("dz-medical");
    Http basic = new Http(port).as("dz-medical", first);
    HttpResponse<String> refused = basic.get("/api/units");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(refused.body()).path("title").asText()).isEqualTo("请先修改初始密码");
    assertThat(basic.get("/engine-rest/task/count").statusCode()).isEqualTo(403);

    // The webapps' login works, their API does not, until the password is changed there.
    Http webapp = new Http(port);
    assertThat(webapp.loginToWebapp("welcome", "dz-medical", first).statusCode()).isEqualTo(200);
    webapp.refreshWebappCsrfToken();
    String engine = "/camunda/api/engine/engine/default";
    assertThat(webapp.get(engine + "/task/count").statusCode()).isEqualTo(403);
    assertThat(webapp.get(engine + "/user/dz-medical/profile").statusCode()).isEqualTo(200);
    assertThat(
            webapp
                .putJson(
                    engine + "/user/dz-countymediator/credentials",
                    "{\"password\":\"x-Other-2026\",\"authenticatedUserPassword\":\""
                        + first
                        + "\"}")
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> changed =
        webapp.putJson(
            engine + "/user/dz-medical/credentials",
            "{\"password\":\"Medical-Own-2026\",\"authenticatedUserPassword\":\"" + first + "\"}");
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
    OWN_PASSWORDS.put("dz-medical", "Medical-Own-2026");

    assertThat(webapp.get(engine + "/task/count").statusCode()).isEqualTo(200);
    assertThat(new Http(port).as("dz-medical", "Medical-Own-2026").get("/api/units").statusCode())
        .isEqualTo(200);
    assertThat(new Http(port).as("dz-medical", first).get("/api/units").statusCode())
        .isEqualTo(401);
  }

  @Test
  void theCountysPeopleWorkACaseFromRegistrationToClosure() throws IOException {
    String caseCode = register("511724100", "511724100001");

    work(caseCode, "Task_RecordConsent", Map.of("partiesConsent", "YES"));
    work(caseCode, "Task_Mediate", Map.of("mediationResult", "PERFORMED", "sessionNote", "当场履行"));
    work(
        caseCode,
        "Task_RecordClosure",
        Map.of("closureReason", "PERFORMED", "satisfaction", "5", "closureSummary", "办结"));

    assertThat(
            jdbc.queryForObject(
                "select closed_at is not null from case_progress where case_code = ?",
                Boolean.class,
                caseCode))
        .isTrue();
    // The county supervisor of this county reads it; the case code carries the county's code.
    HttpResponse<String> read =
        new Http(port)
            .as("dz-countysupervisor", ownPassword("dz-countysupervisor"))
            .get("/api/cases/" + caseCode);
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    assertThat(caseCode).startsWith("511724-2026-");
  }

  // ---- helpers ----

  private String register(String townCode, String villageCode) throws IOException {
    Map<String, Object> facts = ChainTest.villageNeighbourDispute();
    facts.put("townCode", townCode);
    facts.put("villageCode", villageCode);
    facts.put("receivedBy", "dz-intake");
    HttpResponse<String> answer =
        new Http(port)
            .as("dz-intake", ownPassword("dz-intake"))
            .postJson("/api/cases", JSON.writeValueAsString(ChainTest.intakeRequest(facts)));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    runJobs();
    return JSON.readTree(answer.body()).path("caseCode").asText();
  }

  /** As Tasklist does it: the candidate group's person claims the task and submits its form. */
  private void work(String caseCode, String taskKey, Map<String, Object> form) throws IOException {
    Task task =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(caseCode)
            .taskDefinitionKey(taskKey)
            .singleResult();
    assertThat(task).as(taskKey).isNotNull();
    String group =
        taskService.getIdentityLinksForTask(task.getId()).stream()
            .filter(link -> "candidate".equals(link.getType()))
            .map(IdentityLink::getGroupId)
            .findFirst()
            .orElseThrow();
    String user =
        jdbc.queryForObject(
            "select min(USER_ID_) from ACT_ID_MEMBERSHIP where GROUP_ID_ = ?", String.class, group);
    assertThat(user).as("an imported person in " + group).startsWith("dz-");
    Http person = new Http(port).as(user, ownPassword(user));
    String path = "/engine-rest/task/" + task.getId();
    assertThat(person.postJson(path + "/claim", "{\"userId\":\"" + user + "\"}").statusCode())
        .isEqualTo(204);
    Map<String, Object> variables = new LinkedHashMap<>();
    form.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    HttpResponse<String> submitted =
        person.postJson(
            path + "/submit-form", JSON.writeValueAsString(Map.of("variables", variables)));
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
    runJobs();
  }

  private void runJobs() {
    for (int round = 0; round < 50; round++) {
      List<Job> due = managementService.createJobQuery().executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  /** The person's own password, set at their first login with the one the SMS told them. */
  private String ownPassword(String user) {
    return OWN_PASSWORDS.computeIfAbsent(
        user,
        who -> {
          String first = smsPassword(who);
          String own = "Own-" + who + "-2026";
          HttpResponse<String> changed =
              new Http(port)
                  .as(who, first)
                  .putJson(
                      "/engine-rest/user/" + who + "/credentials",
                      "{\"password\":\""
                          + own
                          + "\",\"authenticatedUserPassword\":\""
                          + first
                          + "\"}");
          assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
          return own;
        });
  }

  /** The first password, as the person's phone received it from the simulated gateway. */
  private String smsPassword(String user) {
    String text =
        jdbc.queryForObject(
            "select text from simulated_sms where notice = 'STAFF_ACCOUNT' and text like ?"
                + " order by id desc limit 1",
            String.class,
            "%账号 " + user + " 已开通%");
    Matcher matcher = FIRST_PASSWORD.matcher(text);
    assertThat(matcher.find()).as(text).isTrue();
    return matcher.group(1);
  }

  private int staffSms() {
    return jdbc.queryForObject(
        "select count(*) from simulated_sms where notice = 'STAFF_ACCOUNT'", Integer.class);
  }

  private int identityAndGrantRows() {
    return jdbc.queryForObject(
        "select (select count(*) from ACT_ID_USER) + (select count(*) from ACT_ID_GROUP)"
            + " + (select count(*) from ACT_ID_MEMBERSHIP) + (select count(*) from ACT_ID_INFO)"
            + " + (select count(*) from ACT_RU_AUTHORIZATION) + (select count(*) from unit)",
        Integer.class);
  }

  private HttpResponse<String> load(String what, String csv, boolean dryRun) {
    return admin()
        .post(
            "/api/county/" + what + "?dryRun=" + dryRun,
            "text/csv; charset=utf-8",
            csv.getBytes(StandardCharsets.UTF_8));
  }

  private Http admin() {
    return new Http(port).as("admin", "demo");
  }

  private static String units() {
    return resource("/county/511724-units.csv");
  }

  private static String staff() {
    return resource("/county/511724-staff.csv");
  }

  private static String resource(String path) {
    try (InputStream in = PostgresCountyImportTest.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
