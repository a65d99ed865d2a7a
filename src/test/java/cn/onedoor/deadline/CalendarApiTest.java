package cn.onedoor.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Publishing a year's notice over real HTTP: only administrators, every mistake named by field and
 * nothing kept, the year counted with at once, and the same notice twice changing nothing. "Today"
 * is 2025-10-15.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(FixedClockConfiguration.class)
class CalendarApiTest {

  @Autowired TestRestTemplate http;
  @Autowired WorkingDayCalendar calendar;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void withdraw() {
    CalendarTestSupport.withdraw(calendar, jdbc, 2027);
  }

  @Test
  void anAdministratorPublishesAYearAndItCountsAtOnce() {
    assertThat(deadline("start=2027-01-18&amount=1").path("provisional").asBoolean()).isTrue();

    ResponseEntity<JsonNode> answer = put("admin", "2027", CalendarTestSupport.notice2027());

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(answer.getBody().path("changed").asBoolean()).isTrue();
    JsonNode year =
        http.withBasicAuth("townmediator", "demo")
            .getForObject("/api/calendar/2027", JsonNode.class);
    assertThat(year.path("published").asBoolean()).isTrue();
    assertThat(year.path("source").asText()).isEqualTo("国务院办公厅关于2027年部分节假日安排的通知（测试用）");
    assertThat(year.path("makeUpWorkingDays").findValuesAsText("date"))
        .containsExactly("2027-01-02", "2027-01-23");
    // 2027-01-19..22 are days off now: one day after the 18th is the make-up Saturday.
    JsonNode due = deadline("start=2027-01-18&amount=1");
    assertThat(due.path("due").asText()).isEqualTo("2027-01-23");
    assertThat(due.path("provisional").asBoolean()).isFalse();
    assertThat(
            jdbc.queryForObject(
                "select published_by from calendar_notice where calendar_year = 2027",
                String.class))
        .isEqualTo("admin");

    ResponseEntity<JsonNode> again = put("admin", "2027", CalendarTestSupport.notice2027());
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(again.getBody().path("changed").asBoolean()).isFalse();
  }

  @Test
  void theOverviewSaysWhichYearsArePublishedAndWhichProvisional() {
    JsonNode overview =
        http.withBasicAuth("countysupervisor", "demo")
            .getForObject("/api/calendar", JsonNode.class);

    assertThat(overview.path("currentYear").asInt()).isEqualTo(2025);
    assertThat(overview.path("years").get(0).path("year").asInt()).isEqualTo(2008);
    JsonNode last = overview.path("years").get(overview.path("years").size() - 1);
    assertThat(last.path("year").asInt()).isEqualTo(2026);
    assertThat(last.path("published").asBoolean()).isTrue();
    JsonNode provisional =
        http.withBasicAuth("countysupervisor", "demo")
            .getForObject("/api/calendar/2027", JsonNode.class);
    assertThat(provisional.path("published").asBoolean()).isFalse();
    assertThat(provisional.path("source").asText()).startsWith("暂定：按《全国年节及纪念日放假办法》");
    assertThat(provisional.path("holidays").findValuesAsText("date"))
        .contains("2027-01-01", "2027-10-01");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "make-up day on a holiday  | \"date\": \"2027-01-23\"           | \"date\": \"2027-01-01\"      | makeUpWorkingDays[1].date | 是节假日（元旦）",
        "date outside the year     | \"2027-01-19\", \"to\"              | \"2028-01-19\", \"to\"         | holidays                   | ''",
        "unknown holiday name      | \"name\": \"元旦\", \"from\": \"2027-01-19\" | \"name\": \"圣诞节\", \"from\": \"2027-01-19\" | holidays                   | 未知的节日名称“圣诞节”",
        "not a date                | \"date\": \"2027-01-02\"           | \"date\": \"2027-02-30\"      | makeUpWorkingDays[0].date  | 格式有误",
        "misspelt field            | \"makeUpWorkingDays\"               | \"makeupWorkingDays\"          | makeupWorkingDays          | 未知字段",
        "not JSON                  | \"year\": 2027,                    | \"year\": 2027,,               | body                       | 不是有效的日历 JSON",
      })
  void aWrongNoticeIsRefusedNamingTheFieldAndNothingIsKept(
      String what, String replace, String with, String field, String reason) {
    String broken = CalendarTestSupport.notice2027().replace(replace, with);
    assertThat(broken).as("fixture edit applies").isNotEqualTo(CalendarTestSupport.notice2027());

    ResponseEntity<JsonNode> answer = put("admin", "2027", broken);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(answer.getBody().path("title").asText()).isEqualTo("节假日安排有误，未公布");
    assertThat(answer.getBody().path("invalidParams").findValuesAsText("name"))
        .anySatisfy(name -> assertThat(name).startsWith(field));
    assertThat(answer.getBody().path("invalidParams").findValuesAsText("reason"))
        .anySatisfy(text -> assertThat(text).contains(reason));
    assertThat(calendar.isPublished(2027)).isFalse();
    assertThat(jdbc.queryForObject("select count(*) from calendar_notice", Integer.class)).isZero();
  }

  @Test
  void aNoticeMissingAStatutoryDayOrWithOverlapsNamesEachDate() {
    String broken =
        CalendarTestSupport.notice2027()
            .replace(
                "{ \"name\": \"国庆节\", \"from\": \"2027-10-02\", \"to\": \"2027-10-02\" }, ", "")
            .replace(
                "\"from\": \"2027-01-19\", \"to\": \"2027-01-22\"",
                "\"from\": \"2026-12-31\", \"to\": \"2027-01-01\"");

    ResponseEntity<JsonNode> answer = put("admin", "2027", broken);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody().path("invalidParams").toString())
        .contains("缺少法定节假日2027-10-02（国庆节", "重叠：2027-01-01");
  }

  @ParameterizedTest
  @CsvSource({"abc", "1999", "2999"})
  void aYearOutsideThePresentSystemIsRefused(String year) {
    ResponseEntity<JsonNode> answer = put("admin", year, CalendarTestSupport.notice2027());

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody().path("invalidParams").findValuesAsText("name"))
        .containsExactly("year");
  }

  @Test
  void onlyAdministratorsPublish() {
    ResponseEntity<JsonNode> supervisor =
        put("countysupervisor", "2027", CalendarTestSupport.notice2027());
    assertThat(supervisor.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(supervisor.getBody().path("detail").asText()).isEqualTo("只有系统管理员可以公布节假日安排");

    ResponseEntity<String> anonymous =
        http.exchange(
            "/api/calendar/2027",
            HttpMethod.PUT,
            new HttpEntity<>(CalendarTestSupport.notice2027(), json()),
            String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(calendar.isPublished(2027)).isFalse();
  }

  @Test
  void isDescribedInTheOpenApiDocument() {
    JsonNode docs = http.getForObject("/v3/api-docs", JsonNode.class);
    JsonNode put = docs.path("paths").path("/api/calendar/{year}").path("put");
    assertThat(put.path("summary").asText()).contains("公布某年节假日安排");
    assertThat(put.path("responses").fieldNames())
        .toIterable()
        .contains("200", "400", "401", "403");
  }

  private ResponseEntity<JsonNode> put(String user, String year, String body) {
    return http.withBasicAuth(user, "demo")
        .exchange(
            "/api/calendar/" + year,
            HttpMethod.PUT,
            new HttpEntity<>(body, json()),
            JsonNode.class);
  }

  private JsonNode deadline(String query) {
    return http.withBasicAuth("townmediator", "demo")
        .getForObject("/api/deadlines?" + query, JsonNode.class);
  }

  private static HttpHeaders json() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }
}
