package cn.onedoor.migration;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The designers' migration door over HTTP: designers only, counts without cases, every mistake a
 * problem naming its field, and the page itself. Moving cases is {@link ProcessMigrationTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MigrationApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;

  @Test
  void aDesignerSeesEveryProcessWithItsVersionsAndNoCase() throws Exception {
    HttpResponse<String> answer = designer().get("/api/designer/migrations");

    assertThat(answer.statusCode()).isEqualTo(200);
    JsonNode processes = JSON.readTree(answer.body());
    assertThat(processes.findValuesAsText("key"))
        .contains("dispute-case", "mediation", "enforcement");
    JsonNode mediation = byKey(processes, "mediation");
    assertThat(mediation.path("latestVersion").asInt()).isPositive();
    assertThat(mediation.path("versions").findValuesAsText("version"))
        .contains(mediation.path("latestVersion").asText());
    assertThat(answer.body()).doesNotContain("511725-2026", "businessKey", "caseCode");
  }

  @Test
  void onlyDesignersMayLookOrMigrate() {
    for (String user : new String[] {"countysupervisor", "admin", "intake"}) {
      HttpResponse<String> answer = new Http(port).as(user, "demo").get("/api/designer/migrations");
      assertThat(answer.statusCode()).as(user).isEqualTo(403);
      assertThat(answer.headers().firstValue("Content-Type").orElse(""))
          .contains("application/problem+json");
    }
    assertThat(new Http(port).get("/api/designer/migrations").statusCode()).isEqualTo(401);
  }

  @Test
  void aRequestNamingNothingThatExistsIsAProblemNamingTheField() throws Exception {
    HttpResponse<String> noKey =
        designer().postJson("/api/designer/migrations/dry-run", "{\"sourceVersion\":1}");
    assertThat(noKey.statusCode()).isEqualTo(400);
    assertThat(invalid(noKey)).contains("processKey", "targetVersion");

    HttpResponse<String> noVersion =
        designer()
            .postJson(
                "/api/designer/migrations/dry-run",
                "{\"processKey\":\"mediation\",\"sourceVersion\":99,\"targetVersion\":1}");
    assertThat(noVersion.statusCode()).isEqualTo(400);
    assertThat(invalid(noVersion)).containsExactly("sourceVersion");

    HttpResponse<String> unknown =
        designer()
            .postJson(
                "/api/designer/migrations/batches",
                "{\"processKey\":\"no-such-process\",\"sourceVersion\":1,\"targetVersion\":2}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(invalid(unknown)).contains("processKey");

    HttpResponse<String> notNewer =
        designer()
            .postJson(
                "/api/designer/migrations/batches",
                "{\"processKey\":\"mediation\",\"sourceVersion\":1,\"targetVersion\":1}");
    assertThat(notNewer.statusCode()).isEqualTo(400);
    assertThat(invalid(notNewer)).containsExactly("targetVersion");

    HttpResponse<String> noBatch = designer().get("/api/designer/migrations/batches/nothing");
    assertThat(noBatch.statusCode()).isEqualTo(400);
    assertThat(invalid(noBatch)).containsExactly("batchId");
  }

  @Test
  void theDryRunOfAVersionWithoutCasesReportsNothingToMove() throws Exception {
    HttpResponse<String> answer =
        designer()
            .postJson(
                "/api/designer/migrations/dry-run",
                "{\"processKey\":\"mediation\",\"sourceVersion\":1,\"targetVersion\":1}");
    assertThat(answer.statusCode()).isEqualTo(200);
    JsonNode run = JSON.readTree(answer.body());
    assertThat(run.path("cases").asInt()).isZero();
    assertThat(run.path("mappings")).isNotEmpty();
    assertThat(run.path("planProblems")).isEmpty();
  }

  @Test
  void thePageIsServed() {
    HttpResponse<String> page = new Http(port).get("/migrations/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("流程版本迁移", "app.js");
  }

  private Http designer() {
    return new Http(port).as("designer", "demo");
  }

  private static java.util.List<String> invalid(HttpResponse<String> answer) throws Exception {
    return JSON.readTree(answer.body()).path("invalidParams").findValuesAsText("name");
  }

  private static JsonNode byKey(JsonNode processes, String key) {
    for (JsonNode p : processes) {
      if (key.equals(p.path("key").asText())) {
        return p;
      }
    }
    throw new AssertionError("no process " + key);
  }
}
