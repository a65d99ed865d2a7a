package cn.onedoor.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.support.Http;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The security baseline as a caller meets it: over HTTP, on both REST paths (public API and
 * webapps' API).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RestSecurityTest {

  @LocalServerPort int port;

  Http anonymous;
  Http admin;

  @BeforeEach
  void clients() {
    anonymous = new Http(port);
    admin = new Http(port).as("admin", "demo");
  }

  @Test
  void engineRestNeedsCredentials() {
    assertThat(anonymous.get("/engine-rest/engine").statusCode()).isEqualTo(401);
    // A wrong password delays that user's next login (the engine's guard against guessing), so try
    // it on another.
    assertThat(new Http(port).as("legalaid", "wrong").get("/engine-rest/engine").statusCode())
        .isEqualTo(401);
    HttpResponse<String> engines = admin.get("/engine-rest/engine");
    assertThat(engines.statusCode()).isEqualTo(200);
    assertThat(engines.body()).contains("default");
  }

  @Test
  void engineRestSeesTheCallerSoAuthorizationsApply() {
    // A mediator may not list users' authorizations of others: only what the engine grants them.
    HttpResponse<String> own =
        new Http(port).as("townmediator", "demo").get("/engine-rest/user/townmediator/profile");
    assertThat(own.statusCode()).isEqualTo(200);
    HttpResponse<String> deploy =
        new Http(port).as("townmediator", "demo").get("/engine-rest/deployment");
    assertThat(deploy.statusCode()).isEqualTo(200);
    assertThat(deploy.body()).isEqualTo("[]");
    assertThat(admin.get("/engine-rest/deployment").body()).isNotEqualTo("[]");
  }

  @Test
  void expressionsInAdHocTaskQueriesAreRejectedNamingTheField() {
    HttpResponse<String> inParameter =
        admin.get("/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D");
    assertThat(inParameter.statusCode()).isEqualTo(400);
    assertThat(inParameter.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(inParameter.body()).contains("\"name\":\"assigneeExpression\"");

    HttpResponse<String> inOrQuery =
        admin.postJson(
            "/engine-rest/task/count",
            "{\"orQueries\":[{\"candidateGroupsExpression\":\"${currentUserGroups()}\"}]}");
    assertThat(inOrQuery.statusCode()).isEqualTo(400);
    assertThat(inOrQuery.body()).contains("orQueries[0].candidateGroupsExpression");

    HttpResponse<String> inHistory =
        admin.get("/engine-rest/history/task?taskAssigneeExpression=x");
    assertThat(inHistory.statusCode()).isEqualTo(400);
  }

  @Test
  void plainTaskQueriesStillWork() {
    HttpResponse<String> query =
        admin.postJson("/engine-rest/task", "{\"assignee\":\"townmediator\"}");
    assertThat(query.statusCode()).isEqualTo(200);
    assertThat(query.body()).isEqualTo("[]");
  }

  @Test
  void expressionsAreRejectedOnTheWebappsApiToo() {
    Http browser = new Http(port);
    assertThat(browser.loginToWebapp("tasklist", "admin", "demo").statusCode()).isEqualTo(200);
    HttpResponse<String> plain = browser.get("/camunda/api/engine/engine/default/task/count");
    assertThat(plain.statusCode()).isEqualTo(200);
    HttpResponse<String> withExpression =
        browser.postJson(
            "/camunda/api/engine/engine/default/task",
            "{\"orQueries\":[{\"assigneeExpression\":\"x\"}]}");
    assertThat(withExpression.statusCode()).isEqualTo(400);
    assertThat(withExpression.body()).contains("orQueries[0].assigneeExpression");
  }

  @Test
  void adminSetupEndpointIsBlocked() {
    HttpResponse<String> setup =
        anonymous.postJson(
            "/camunda/api/admin/setup/default/user/create",
            "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"x\"}}");
    assertThat(setup.statusCode()).isEqualTo(403);
    assertThat(admin.get("/engine-rest/user/intruder/profile").statusCode()).isEqualTo(404);
  }

  @Test
  void unknownAndMalformedRequestsGetAClientErrorWithoutStackTrace() {
    HttpResponse<String> unknown = admin.get("/engine-rest/no-such-resource");
    assertThat(unknown.statusCode()).isEqualTo(404);
    HttpResponse<String> malformed = admin.postJson("/engine-rest/message", "{not json");
    assertThat(malformed.statusCode()).isEqualTo(400);
    HttpResponse<String> ownApi = admin.get("/api/no-such-thing");
    assertThat(ownApi.statusCode()).isEqualTo(404);
    assertThat(ownApi.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    for (HttpResponse<String> response : java.util.List.of(unknown, malformed, ownApi)) {
      assertThat(response.body())
          .doesNotContain("at org.")
          .doesNotContain("Exception:")
          .doesNotContain("\tat ");
    }
  }

  @Test
  void ownApiNeedsCredentials() {
    assertThat(anonymous.get("/api/anything").statusCode()).isEqualTo(401);
  }
}
