package cn.onedoor.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.intake.Intake;
import cn.onedoor.intake.IntakeRequest;
import cn.onedoor.support.EngineClockTestConfiguration;
import cn.onedoor.support.Http;
import cn.onedoor.support.TestResidentIds;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Logging in (issue 7): people and passwords from the engine's identity service, the engine's
 * lockout kept for staff, no way to lock the administrator out by guessing, passwords stored
 * hashed. Callers at different addresses are simulated with X-Forwarded-For, honoured here as
 * behind the county's reverse proxy. Every wrong password is tried on a user of its own: it delays
 * that user's next login.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.forward-headers-strategy=native")
@ActiveProfiles("test")
@Import(EngineClockTestConfiguration.class)
class LoginLockoutTest {

  private static final String ATTACKER = "203.0.113.7";
  private static final String COUNTY_OFFICE = "198.51.100.2";

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;
  @Autowired Intake intake;
  @Autowired ManagementService managementService;

  @BeforeEach
  void fixedClock() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-02T01:00:00Z")));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aWrongPasswordDelaysTheNextLoginOfThatUser() {
    person("delayprobe");
    assertThat(rest("delayprobe", "wrong", COUNTY_OFFICE).statusCode()).isEqualTo(401);
    assertThat(rest("delayprobe", "demo", COUNTY_OFFICE).statusCode())
        .as("within the 3 s delay")
        .isEqualTo(401);
    later(Duration.ofSeconds(4));
    assertThat(rest("delayprobe", "demo", COUNTY_OFFICE).statusCode()).isEqualTo(200);
  }

  @Test
  void tenWrongPasswordsInARowLockAMemberOfStaffUntilAnAdministratorUnlocksThem() {
    person("lockprobe");
    for (int attempt = 1; attempt <= 10; attempt++) {
      assertThat(rest("lockprobe", "guess" + attempt, ATTACKER).statusCode()).isEqualTo(401);
      later(Duration.ofMinutes(2));
    }
    assertThat(rest("lockprobe", "demo", COUNTY_OFFICE).statusCode()).as("locked").isEqualTo(401);
    later(Duration.ofHours(24));
    assertThat(rest("lockprobe", "demo", COUNTY_OFFICE).statusCode())
        .as("still locked a day later")
        .isEqualTo(401);

    HttpResponse<String> unlock =
        new Http(port)
            .as("admin", "demo")
            .header("X-Forwarded-For", COUNTY_OFFICE)
            .postJson("/engine-rest/user/lockprobe/unlock", "");
    assertThat(unlock.statusCode()).isEqualTo(204);
    assertThat(rest("lockprobe", "demo", COUNTY_OFFICE).statusCode()).isEqualTo(200);
  }

  @Test
  void guessingTheAdministratorsPasswordNeverLocksThemAndIsSlowedPerAddress() {
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(rest("admin", "guess" + attempt, ATTACKER).statusCode()).isEqualTo(401);
    }
    for (int attempt = 6; attempt <= 12; attempt++) {
      HttpResponse<String> slowedDown = rest("admin", "guess" + attempt, ATTACKER);
      assertThat(slowedDown.statusCode()).isEqualTo(429);
      assertThat(slowedDown.headers().firstValue("Retry-After")).isPresent();
      assertThat(slowedDown.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }
    assertThat(rest("admin", "demo", ATTACKER).statusCode())
        .as("even the right password, from there")
        .isEqualTo(429);

    // The administrator at the county's office is neither locked nor delayed, through either door.
    assertThat(rest("admin", "demo", COUNTY_OFFICE).statusCode()).isEqualTo(200);
    Http browser = new Http(port).header("X-Forwarded-For", COUNTY_OFFICE);
    assertThat(browser.loginToWebapp("admin", "admin", "demo").statusCode()).isEqualTo(200);
    assertThat(identityService.checkPassword("admin", "demo")).isTrue();

    // The webapps' login form is a door too, counted the same way.
    Http attackerBrowser = new Http(port).header("X-Forwarded-For", "203.0.113.8");
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(attackerBrowser.loginToWebapp("admin", "admin", "guess" + attempt).statusCode())
          .isEqualTo(401);
    }
    assertThat(attackerBrowser.loginToWebapp("admin", "admin", "guess6").statusCode())
        .isEqualTo(429);
    assertThat(rest("admin", "demo", COUNTY_OFFICE).statusCode()).isEqualTo(200);

    later(Duration.ofMinutes(16));
    assertThat(rest("admin", "demo", ATTACKER).statusCode()).as("after the window").isEqualTo(200);
  }

  @Test
  void passwordsAreStoredSaltedAndHashedNeverInPlain() {
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "select ID_, PWD_, SALT_ from ACT_ID_USER where ID_ in ('townmediator', 'countymediator', 'admin')");
    assertThat(rows).hasSize(3);
    for (Map<String, Object> row : rows) {
      assertThat((String) row.get("PWD_")).startsWith("{SHA-512}").doesNotContain("demo");
      assertThat((String) row.get("SALT_")).isNotBlank();
    }
    assertThat(rows)
        .extracting(row -> row.get("PWD_"))
        .as("same password, different salt, different hash")
        .doesNotHaveDuplicates();
    assertThat(rows).extracting(row -> row.get("SALT_")).doesNotHaveDuplicates();
  }

  @Test
  void aVillageAndItsMediatorAddedInAdminWorkAtTheirFirstLogin() {
    // A case at 汇西社区 before anyone works there: its readers are derived from the unit, not from who
    // exists.
    String caseCode =
        intake
            .register(
                new IntakeRequest(
                    "WINDOW",
                    null,
                    "VILLAGE",
                    "511725104",
                    "511725104002",
                    "intake",
                    "NEIGHBOUR",
                    "相邻通行纠纷",
                    new BigDecimal("800"),
                    "2026-02-20",
                    2,
                    true,
                    new IntakeRequest.Flags(false, false, false, false, "NONE"),
                    List.of(
                        new IntakeRequest.Party(
                            "APPLICANT",
                            "PERSON",
                            "汇西甲",
                            TestResidentIds.forNumber(901),
                            null,
                            "13900000901"),
                        new IntakeRequest.Party(
                            "RESPONDENT",
                            "PERSON",
                            "汇西乙",
                            TestResidentIds.forNumber(902),
                            null,
                            null))),
                null,
                "intake")
            .caseCode();
    runJobs();

    Http admin = new Http(port).as("admin", "demo").header("X-Forwarded-For", COUNTY_OFFICE);
    String group = "mediator:village:511725104002";
    assertThat(
            admin
                .postJson(
                    "/engine-rest/group/create",
                    "{\"id\":\"" + group + "\",\"name\":\"汇西社区 调解员\",\"type\":\"WORKFLOW\"}")
                .statusCode())
        .isEqualTo(204);
    assertThat(
            admin
                .postJson(
                    "/engine-rest/user/create",
                    """
        {"profile":{"id":"huximediator","firstName":"西调","lastName":"赵","email":"huxi@onedoor.example"},
         "credentials":{"password":"demo"}}""")
                .statusCode())
        .isEqualTo(204);
    assertThat(admin.put("/engine-rest/group/" + group + "/members/huximediator").statusCode())
        .isEqualTo(204);

    assertThat(new Http(port).loginToWebapp("tasklist", "huximediator", "demo").statusCode())
        .as("the role's webapp, granted at the first login")
        .isEqualTo(200);
    assertThat(new Http(port).loginToWebapp("cockpit", "huximediator", "demo").statusCode())
        .isEqualTo(403);
    Http mediator = new Http(port).as("huximediator", "demo");
    assertThat(mediator.get("/api/cases/" + caseCode).statusCode()).isEqualTo(200);
    String task = mediator.get("/engine-rest/task?processInstanceBusinessKey=" + caseCode).body();
    assertThat(task).contains("\"id\"");
    String taskId = task.replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
    assertThat(
            mediator
                .postJson("/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"huximediator\"}")
                .statusCode())
        .isEqualTo(204);
    assertThat(
            new Http(port).as("villagemediator", "demo").get("/api/cases/" + caseCode).statusCode())
        .as("the neighbouring village")
        .isEqualTo(403);
  }

  private void runJobs() {
    for (int round = 0;
        round < 50 && managementService.createJobQuery().executable().count() > 0;
        round++) {
      managementService
          .createJobQuery()
          .executable()
          .list()
          .forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  private HttpResponse<String> rest(String user, String password, String address) {
    return new Http(port)
        .as(user, password)
        .header("X-Forwarded-For", address)
        .get("/engine-rest/engine");
  }

  private void person(String id) {
    User user = identityService.newUser(id);
    user.setFirstName("测试");
    user.setLastName("员");
    user.setPassword("demo");
    identityService.saveUser(user);
    identityService.createMembership(id, "mediator:town:511725104");
  }

  private static void later(Duration duration) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
  }
}
