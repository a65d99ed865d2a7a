package cn.onedoor.intake;

import static cn.onedoor.intake.IntakeRequests.JSON;
import static cn.onedoor.intake.IntakeRequests.villageWindowCase;
import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.casefile.ProcessModels;
import cn.onedoor.support.EngineClockTestConfiguration;
import cn.onedoor.support.Http;
import cn.onedoor.support.PostgresTestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * 一案一码 on PostgreSQL under load: many doors registering at the same moment get unique, gap-free
 * codes, and one request sent many times at once makes one case. Over real HTTP, each call on its
 * own thread and connection.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({PostgresTestDatabase.class, EngineClockTestConfiguration.class})
class PostgresIntakeConcurrencyTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;

  @BeforeAll
  static void aDayInTheCalendar() {
    ClockUtil.setCurrentTime(
        Date.from(OffsetDateTime.parse("2026-03-02T09:00:00+08:00").toInstant()));
  }

  @AfterAll
  static void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void fiftyConcurrentRegistrationsGetUniqueGapFreeCodes() throws Exception {
    int before = lastNumber();

    List<HttpResponse<String>> answers = all(50, index -> () -> post(villageWindowCase()));

    assertThat(answers)
        .allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201));
    List<Integer> numbers =
        answers.stream().map(PostgresIntakeConcurrencyTest::number).sorted().toList();
    assertThat(numbers).doesNotHaveDuplicates();
    assertThat(numbers)
        .containsExactlyElementsOf(
            java.util.stream.IntStream.rangeClosed(before + 1, before + 50).boxed().toList());
    assertThat(lastNumber()).isEqualTo(before + 50);
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(ProcessModels.DISPUTE_CASE)
                .count())
        .isGreaterThanOrEqualTo(50);
  }

  @Test
  void oneRequestSentTwentyTimesAtOnceMakesOneCaseAndLeavesNoGap() throws Exception {
    ObjectNode request =
        villageWindowCase()
            .put("source", "HOTLINE")
            .put("externalRef", "12345-2026-0302-001")
            .put("receivedBy", "county-hotline");
    int before = lastNumber();

    List<HttpResponse<String>> answers =
        all(20, index -> () -> post(request, "Idempotency-Key", "hotline-call-88"));

    assertThat(answers)
        .allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isIn(200, 201));
    assertThat(answers.stream().filter(answer -> answer.statusCode() == 201)).hasSize(1);
    assertThat(answers.stream().map(PostgresIntakeConcurrencyTest::caseCode).distinct()).hasSize(1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from dispute_case where external_ref = ?",
                Integer.class,
                "12345-2026-0302-001"))
        .isOne();
    // The losers drew numbers inside transactions that rolled back: the next case follows without a
    // gap.
    assertThat(number(post(villageWindowCase()))).isEqualTo(before + 2);
  }

  private int lastNumber() {
    List<Integer> values =
        jdbc.queryForList(
            "select last_value from case_code_sequence where county_code = '511725' and code_year = 2026",
            Integer.class);
    return values.isEmpty() ? 0 : values.get(0);
  }

  private List<HttpResponse<String>> all(
      int count, java.util.function.IntFunction<Supplier<HttpResponse<String>>> call)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        Supplier<HttpResponse<String>> task = call.apply(i);
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return task.get();
                }));
      }
      start.countDown();
      List<HttpResponse<String>> answers = new ArrayList<>();
      for (Future<HttpResponse<String>> future : futures) {
        answers.add(future.get());
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }

  private HttpResponse<String> post(ObjectNode request, String... headers) {
    return new Http(port)
        .as("intake", "demo")
        .post(
            "/api/cases",
            "application/json",
            request.toString().getBytes(StandardCharsets.UTF_8),
            headers);
  }

  private static String caseCode(HttpResponse<String> answer) {
    try {
      JsonNode body = JSON.readTree(answer.body());
      return body.get("caseCode").asText();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int number(HttpResponse<String> answer) {
    String code = caseCode(answer);
    return Integer.parseInt(code.substring(code.lastIndexOf('-') + 1));
  }
}
