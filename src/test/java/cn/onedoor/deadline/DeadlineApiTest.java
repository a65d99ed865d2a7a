package cn.onedoor.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code GET /api/deadlines} over real HTTP, with the security chain, the problem answers and the
 * OpenAPI text.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(FixedClockConfiguration.class)
class DeadlineApiTest {

  @Autowired TestRestTemplate http;

  private TestRestTemplate staff() {
    return http.withBasicAuth("townmediator", "demo");
  }

  @Test
  void answersADeadlineThatRollsOverTheNationalHoliday() {
    ResponseEntity<JsonNode> answer =
        staff()
            .getForEntity(
                "/api/deadlines?start=2025-09-03&amount=30&unit=calendar", JsonNode.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode body = answer.getBody();
    assertThat(body.path("start").asText()).isEqualTo("2025-09-03");
    assertThat(body.path("amount").asInt()).isEqualTo(30);
    assertThat(body.path("unit").asText()).isEqualTo("calendar");
    assertThat(body.path("roll").asBoolean()).isTrue();
    assertThat(body.path("periodEnd").asText()).isEqualTo("2025-10-03");
    assertThat(body.path("due").asText()).isEqualTo("2025-10-09");
    assertThat(body.path("rolled").asBoolean()).isTrue();
    assertThat(body.path("dueWeekday").asText()).isEqualTo("星期四");
    assertThat(body.path("notes").toString())
        .contains("为法定节假日（国庆节、中秋节）", "顺延至其后第一个工作日2025-10-09（星期四）");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "start=2025-09-30&amount=3&unit=working             | 2025-10-11 | false | 星期六 | 其后第3个工作日为2025-10-11（星期六）",
        "start=2025-09-11&amount=30                         | 2025-10-11 | false | 星期六 | 为调休上班日，是工作日，期限不顺延",
        "start=2025-09-03&amount=30&roll=false              | 2025-10-03 | false | 星期五 | 按请求不顺延",
        "start=2025-01-31&amount=1&unit=months              | 2025-02-28 | false | 星期五 | 到期月没有对应日（31日）",
        "start=2025-11-30&amount=3&unit=MONTHS&roll=true    | 2026-02-28 | false | 星期六 | 调休上班日",
        "start=2025-10-03&amount=0&unit=calendar            | 2025-10-09 | true  | 星期四 | 顺延至",
        "start=2026-12-20&amount=15&roll=false              | 2027-01-04 | false | 星期一 | 为工作日，无需顺延",
      })
  void answersEachUnit(String query, String due, boolean rolled, String weekday, String note) {
    ResponseEntity<JsonNode> answer =
        staff().getForEntity("/api/deadlines?" + query, JsonNode.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(answer.getBody().path("due").asText()).isEqualTo(due);
    assertThat(answer.getBody().path("rolled").asBoolean()).isEqualTo(rolled);
    assertThat(answer.getBody().path("dueWeekday").asText()).isEqualTo(weekday);
    assertThat(answer.getBody().path("notes").toString()).contains(note);
  }

  /** 3650 months from 2026 end in 2331, past the derived holidays: that answered 500. */
  @ParameterizedTest
  @CsvSource({
    "2026-12-31, 3650, months",
    "2026-12-31, 3650, years",
    "2090-12-31, 3650, working",
    "2090-12-31, 11, years"
  })
  void aPeriodEndingAfterTheYearsTheRulesCoverNamesTheAmount(
      String start, String amount, String unit) {
    ResponseEntity<JsonNode> answer =
        staff()
            .getForEntity(
                "/api/deadlines?start=" + start + "&amount=" + amount + "&unit=" + unit,
                JsonNode.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody().path("invalidParams").findValuesAsText("name"))
        .containsExactly("amount");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "start=2027-03-01&amount=3&unit=working     | 2027-03-04 | [2027]",
        "start=2026-12-20&amount=15                 | 2027-01-04 | [2027]",
        "start=2026-12-30&amount=5&unit=working     | 2027-01-07 | [2027]",
        "start=2027-12-28&amount=5&unit=working     | 2028-01-04 | [2027,2028]",
      })
  void aYearWithoutANoticeIsCountedProvisionallyAndSaysSo(String query, String due, String years) {
    ResponseEntity<JsonNode> answer =
        staff().getForEntity("/api/deadlines?" + query, JsonNode.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(answer.getBody().path("due").asText()).isEqualTo(due);
    assertThat(answer.getBody().path("provisional").asBoolean()).isTrue();
    assertThat(answer.getBody().path("provisionalYears").toString()).isEqualTo(years);
    assertThat(answer.getBody().path("notes").toString()).contains("暂定：", "节假日安排尚未公布");
  }

  @Test
  void answersEveryStartDayFromThePresentHolidaySystemToNextYear() {
    int answered = 0;
    for (LocalDate start = LocalDate.parse("2008-01-01");
        !start.isAfter(LocalDate.parse("2027-12-31"));
        start = start.plusDays(1)) {
      ResponseEntity<JsonNode> answer =
          staff()
              .getForEntity(
                  "/api/deadlines?start=" + start + "&amount=1&unit=working", JsonNode.class);
      assertThat(answer.getStatusCode()).as("start %s", start).isEqualTo(HttpStatus.OK);
      LocalDate due = LocalDate.parse(answer.getBody().path("due").asText());
      // Published years are counted with their notices; 2027 has none in the shipped files.
      assertThat(answer.getBody().path("provisional").asBoolean())
          .as("start %s", start)
          .isEqualTo(due.getYear() >= 2027);
      assertThat(due).as("start %s", start).isAfter(start);
      answered++;
    }
    assertThat(answered).isEqualTo(7305);
  }

  @ParameterizedTest
  @CsvSource({"1999-12-31", "2091-01-01"})
  void aStartOutsideTheYearsTheRulesCoverIsNamed(String start) {
    ResponseEntity<JsonNode> answer =
        staff().getForEntity("/api/deadlines?amount=3&start=" + start, JsonNode.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody().path("invalidParams").findValuesAsText("name"))
        .containsExactly("start");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // Past years are published: limitation periods, imported cases and appeals reach back into
        // them.
        "start=2024-12-30&amount=3&unit=working     | 2025-01-03",
        "start=2008-01-01&amount=1&unit=working     | 2008-01-02",
        "start=2020-01-23&amount=1&unit=working     | 2020-02-03",
      })
  void pastYearsAreCountedWithTheirNotices(String query, String due) {
    ResponseEntity<JsonNode> answer =
        staff().getForEntity("/api/deadlines?" + query, JsonNode.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(answer.getBody().path("due").asText()).isEqualTo(due);
    assertThat(answer.getBody().path("provisional").asBoolean()).isFalse();
  }

  @Test
  void refusesCallersWithoutCredentials() {
    ResponseEntity<String> answer =
        http.getForEntity("/api/deadlines?start=2025-09-30&amount=3", String.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(answer.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
  }

  @Test
  void refusesAWrongPassword() {
    // Another user than the one the other tests log in as: the engine locks a user for a few
    // seconds after a
    // failed login, which would turn their answers into 401 too.
    ResponseEntity<String> answer =
        http.withBasicAuth("villagemediator", "not-the-password")
            .getForEntity("/api/deadlines?start=2025-09-30&amount=3", String.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void isDescribedInTheOpenApiDocument() {
    ResponseEntity<JsonNode> docs = http.getForEntity("/v3/api-docs", JsonNode.class);

    assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode operation = docs.getBody().path("paths").path("/api/deadlines").path("get");
    assertThat(operation.isMissingNode()).isFalse();
    assertThat(operation.path("parameters").findValuesAsText("name"))
        .containsExactly("start", "amount", "unit", "roll");
    assertThat(operation.path("parameters").findValuesAsText("description"))
        .allSatisfy(
            description -> assertThat(description).containsPattern("\\p{IsHan}").contains("/"));
    assertThat(operation.path("responses").fieldNames())
        .toIterable()
        .contains("200", "400", "401")
        .doesNotContain("422");
    assertThat(
            docs.getBody()
                .path("components")
                .path("securitySchemes")
                .path("basicAuth")
                .path("scheme")
                .asText())
        .isEqualTo("basic");
  }

  @Test
  void swaggerUiIsServed() {
    ResponseEntity<String> page = http.getForEntity("/swagger-ui/index.html", String.class);

    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("swagger-ui");
  }

  @Test
  void healthShowsTheCalendarToALoggedInUser() {
    ResponseEntity<JsonNode> health =
        staff().getForEntity("/actuator/health/workingDayCalendar", JsonNode.class);

    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(health.getBody().path("status").asText()).isEqualTo("UP");
    JsonNode published = health.getBody().path("details").path("publishedYears");
    assertThat(published.get(0).asInt()).isEqualTo(2008);
    assertThat(published.get(published.size() - 1).asInt()).isEqualTo(2026);
  }

  @Test
  void theCalendarIsAComponentOfOverallHealth() {
    ResponseEntity<JsonNode> health = http.getForEntity("/actuator/health", JsonNode.class);

    assertThat(
            health.getBody().path("components").path("workingDayCalendar").path("status").asText())
        .isEqualTo("UP");
    assertThat(List.of("UP", "DOWN")).contains(health.getBody().path("status").asText());
  }
}
