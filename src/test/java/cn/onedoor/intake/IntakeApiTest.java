package cn.onedoor.intake;

import static cn.onedoor.intake.IntakeRequests.JSON;
import static cn.onedoor.intake.IntakeRequests.villageWindowCase;
import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.casefile.ProcessModels;
import cn.onedoor.support.EngineClockTestConfiguration;
import cn.onedoor.support.Http;
import cn.onedoor.support.TestResidentIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * POST /api/cases and the status views over real HTTP, as another system or a window officer's
 * client calls them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(EngineClockTestConfiguration.class)
class IntakeApiTest {

  static final OffsetDateTime TODAY = OffsetDateTime.parse("2026-03-02T09:00:00+08:00");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired org.camunda.bpm.engine.ManagementService managementService;

  @BeforeEach
  void today() {
    ClockUtil.setCurrentTime(Date.from(TODAY.toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aRegistrationGetsItsCodeALocationAndAStartedCase() throws IOException {
    String applicantId = TestResidentIds.forNumber(1);
    HttpResponse<String> answer =
        post(villageWindowCase(applicantId, "13812345678", TestResidentIds.forNumber(2)));

    assertThat(answer.statusCode()).isEqualTo(201);
    JsonNode body = JSON.readTree(answer.body());
    String caseCode = body.get("caseCode").asText();
    assertThat(caseCode).matches("511725-2026-\\d{6}");
    assertThat(answer.headers().firstValue("Location")).hasValue("/api/cases/" + caseCode);
    assertThat(body.get("limitationInterruptedAt").asText())
        .isEqualTo(body.get("registeredAt").asText());
    assertThat(OffsetDateTime.parse(body.get("registeredAt").asText()).toInstant())
        .isEqualTo(TODAY.toInstant());
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(caseCode)
                .processDefinitionKey(ProcessModels.DISPUTE_CASE)
                .count())
        .isOne();

    JsonNode status = JSON.readTree(http().get("/api/cases/" + caseCode).body());
    assertThat(status.get("stage").asText()).isEqualTo("INTAKE");
    assertThat(status.get("stageName").asText()).isEqualTo("登记受理");
    assertThat(status.get("limitationInterruptedAt").asText()).isNotBlank();
    assertThat(status.get("responsibleUnit").get("name").asText()).isEqualTo("汇东社区");
    assertThat(status.get("responsibleOfficer").asText()).isEqualTo("intake");
    JsonNode applicant = status.get("parties").get(0);
    assertThat(applicant.get("idNumber").asText())
        .isEqualTo(PersonalData.maskResidentId(applicantId))
        .startsWith("5117**********");
    assertThat(applicant.get("mobile").asText()).isEqualTo("138****5678");
    assertThat(http().get("/api/cases/" + caseCode).body())
        .doesNotContain(applicantId, "13812345678");
  }

  @Test
  void anonymousCallersMayNotRegister() {
    HttpResponse<String> answer =
        new Http(port).postJson("/api/cases", villageWindowCase().toString());
    assertThat(answer.statusCode()).isEqualTo(401);
  }

  static Stream<Arguments> badRegistrations() {
    String validId = TestResidentIds.forNumber(3);
    String wrongCheck = validId.substring(0, 17) + (validId.charAt(17) == '0' ? "1" : "0");
    return Stream.of(
        bad(
            "resident ID with a wrong check digit",
            "parties[0].idNumber",
            r -> party(r, 0).put("idNumber", wrongCheck)),
        bad(
            "resident ID with an impossible birth date",
            "parties[0].idNumber",
            r -> party(r, 0).put("idNumber", TestResidentIds.withCheckDigit("51172519800231001"))),
        bad(
            "mobile of ten digits",
            "parties[0].mobile",
            r -> party(r, 0).put("mobile", "1381234567")),
        bad(
            "mobile not starting 13-19",
            "parties[0].mobile",
            r -> party(r, 0).put("mobile", "12812345678")),
        bad("applicant without a mobile", "parties[0].mobile", r -> party(r, 0).remove("mobile")),
        bad("unknown town", "townCode", r -> r.put("townCode", "511725999")),
        bad("village of another town", "villageCode", r -> r.put("villageCode", "511725103001")),
        bad("village case without a village", "villageCode", r -> r.remove("villageCode")),
        bad("unknown dispute type", "disputeType", r -> r.put("disputeType", "DRAGONS")),
        bad("unknown source", "source", r -> r.put("source", "CARRIER_PIGEON")),
        bad("unknown level", "level", r -> r.put("level", "PROVINCE")),
        bad(
            "unknown authority elsewhere",
            "flags.acceptedElsewhere",
            r -> flags(r).put("acceptedElsewhere", "CHURCH")),
        bad("unknown party role", "parties[1].role", r -> party(r, 1).put("role", "WITNESS")),
        bad("no parties", "parties", r -> r.putArray("parties")),
        bad("no respondent", "parties", r -> ((ArrayNode) r.get("parties")).remove(1)),
        bad("negative amount", "amount", r -> r.put("amount", -1)),
        bad("amount below a fen", "amount", r -> r.put("amount", 10.001)),
        bad("amount that is text", "amount", r -> r.put("amount", "很多")),
        bad("occurred tomorrow", "occurredOn", r -> r.put("occurredOn", "2026-03-03")),
        bad("occurred on no date", "occurredOn", r -> r.put("occurredOn", "2026-02-30")),
        bad("summary over 2000 characters", "summary", r -> r.put("summary", "争".repeat(2001))),
        bad(
            "name over 100 characters",
            "parties[1].name",
            r -> party(r, 1).put("name", "李".repeat(101))),
        bad("no summary", "summary", r -> r.remove("summary")),
        bad("fewer people than parties", "partyCount", r -> r.put("partyCount", 1)),
        bad("injury not stated", "flags.injury", r -> flags(r).remove("injury")),
        bad("consent not stated", "consentToMediation", r -> r.remove("consentToMediation")),
        bad(
            "organisation without a credit code",
            "parties[1].creditCode",
            r -> party(r, 1).put("kind", "ORGANISATION").remove("idNumber")),
        bad(
            "credit code with a wrong check character",
            "parties[1].creditCode",
            r ->
                party(r, 1)
                    .put("kind", "ORGANISATION")
                    .put("creditCode", "91511725MA62K0XX0A")
                    .remove("idNumber")),
        bad("grid report without its reference", "externalRef", r -> r.put("source", "GRID")),
        bad("window officer who does not exist", "receivedBy", r -> r.put("receivedBy", "nobody")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRegistrations")
  void aBadRegistrationNamesTheFieldAndStoresNothing(
      String rule, String field, Consumer<ObjectNode> breakIt) throws IOException {
    ObjectNode request = villageWindowCase();
    breakIt.accept(request);
    Map<String, Object> before = storedCounts();

    HttpResponse<String> answer = post(request);

    assertThat(answer.statusCode()).as(rule).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(answer.body());
    assertThat(names(problem.get("invalidParams"))).as(rule + ": " + answer.body()).contains(field);
    assertThat(problem.get("invalidParams").get(0).get("reason").asText()).isNotBlank();
    assertThat(answer.body()).doesNotContain("Exception", "at cn.onedoor");
    assertThat(storedCounts()).as("nothing stored after: " + rule).isEqualTo(before);
  }

  @Test
  void everyBadFieldIsNamedAtOnce() throws IOException {
    ObjectNode request = villageWindowCase();
    request.put("amount", -5).put("disputeType", "DRAGONS");
    party(request, 0).put("mobile", "123");

    JsonNode problem = JSON.readTree(post(request).body());

    assertThat(names(problem.get("invalidParams")))
        .contains("amount", "disputeType", "parties[0].mobile");
  }

  @Test
  void wrongContentTypeIs415() {
    HttpResponse<String> answer =
        http()
            .post(
                "/api/cases",
                "text/plain",
                villageWindowCase().toString().getBytes(StandardCharsets.UTF_8));
    assertThat(answer.statusCode()).isEqualTo(415);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
  }

  /**
   * A body labelled multipart without a boundary was parsed before any endpoint and answered 500
   * (found by HostileBodiesTest, issue 18).
   */
  @Test
  void aBodyLabelledMultipartIs415AndStoresNothing() {
    Map<String, Object> before = storedCounts();
    for (String type : List.of("multipart/form-data; boundary=", "multipart/form-data")) {
      HttpResponse<String> answer =
          http()
              .post(
                  "/api/cases",
                  type,
                  villageWindowCase().toString().getBytes(StandardCharsets.UTF_8));
      assertThat(answer.statusCode()).as(type).isEqualTo(415);
      assertThat(answer.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }
    assertThat(storedCounts()).isEqualTo(before);
  }

  @Test
  void oversizedBodyIs413AndStoresNothing() {
    Map<String, Object> before = storedCounts();
    ObjectNode request = villageWindowCase();
    request.put("padding", "x".repeat(70 * 1024));

    HttpResponse<String> answer = post(request);

    assertThat(answer.statusCode()).isEqualTo(413);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(storedCounts()).isEqualTo(before);
  }

  @Test
  void malformedJsonIs400() throws IOException {
    HttpResponse<String> answer =
        http()
            .post(
                "/api/cases",
                "application/json",
                "{\"source\": \"WINDOW\",".getBytes(StandardCharsets.UTF_8));
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(answer.body()).get("title").asText()).isEqualTo("JSON 格式错误");
  }

  @Test
  void theSameKeyGivesTheSameCaseAndADifferentBodyUnderItIsAConflict() throws IOException {
    ObjectNode request = villageWindowCase();
    HttpResponse<String> first = post(request, "Idempotency-Key", "window-7f3a");
    HttpResponse<String> again = post(request, "Idempotency-Key", "window-7f3a");

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(again.body())).isEqualTo(JSON.readTree(first.body()));
    assertThat(again.headers().firstValue("Location"))
        .isEqualTo(first.headers().firstValue("Location"));

    request.put("amount", 3001);
    HttpResponse<String> changed = post(request, "Idempotency-Key", "window-7f3a");
    assertThat(changed.statusCode()).isEqualTo(409);
    JsonNode problem = JSON.readTree(changed.body());
    assertThat(names(problem.get("invalidParams"))).containsExactly("Idempotency-Key");
    assertThat(problem.get("caseCode").asText())
        .isEqualTo(JSON.readTree(first.body()).get("caseCode").asText());
  }

  @Test
  void theSameSourceAndReferenceGiveTheSameCaseWithoutAKey() throws IOException {
    ObjectNode request =
        villageWindowCase()
            .put("source", "GRID")
            .put("externalRef", "grid-2026-0042")
            .put("receivedBy", "provincial-grid");
    HttpResponse<String> first = post(request);
    HttpResponse<String> again = post(request);

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).isEqualTo(first.body());
    request.put("summary", "另一件事");
    HttpResponse<String> other = post(request);
    assertThat(other.statusCode()).isEqualTo(409);
    assertThat(names(JSON.readTree(other.body()).get("invalidParams")))
        .containsExactly("externalRef");
  }

  @Test
  void anOpenCaseWithTheSamePartiesAndTypeIsReportedAndLinkedNotMerged() throws IOException {
    String applicant = TestResidentIds.forNumber(11);
    String respondent = TestResidentIds.forNumber(12);
    String first =
        JSON.readTree(post(villageWindowCase(applicant, "13700000011", respondent)).body())
            .get("caseCode")
            .asText();

    JsonNode second =
        JSON.readTree(post(villageWindowCase(applicant, "13700000011", respondent)).body());

    assertThat(second.get("caseCode").asText()).isNotEqualTo(first);
    assertThat(second.get("possibleDuplicates"))
        .extracting(JsonNode::asText)
        .containsExactly(first);
    assertThat(
            JSON.readTree(http().get("/api/cases/" + second.get("caseCode").asText()).body())
                .get("possibleDuplicates"))
        .extracting(JsonNode::asText)
        .containsExactly(first);
    assertThat(
            runtimeService.getVariable(
                runtimeService
                    .createProcessInstanceQuery()
                    .processInstanceBusinessKey(second.get("caseCode").asText())
                    .singleResult()
                    .getId(),
                "possibleDuplicates"))
        .isEqualTo(first);
  }

  /**
   * A serial petitioner: once the same parties had about 210 open cases, the joined codes outgrew
   * the engine's 4,000-character column and every further registration of theirs answered 500.
   */
  @Test
  void aSerialPetitionersCasesAreAllRegisteredAndTheTaskNamesTheCountAndTheNewest()
      throws IOException {
    String applicant = TestResidentIds.forNumber(1801);
    String respondent = TestResidentIds.forNumber(1802);
    List<String> codes = new ArrayList<>();
    JsonNode last = null;
    for (int n = 0; n < 230; n++) {
      HttpResponse<String> answer = post(villageWindowCase(applicant, "13700001801", respondent));
      assertThat(answer.statusCode())
          .as("registration %d: %s", n + 1, answer.body())
          .isEqualTo(201);
      last = JSON.readTree(answer.body());
      codes.add(last.get("caseCode").asText());
    }
    String caseCode = codes.get(codes.size() - 1);
    List<String> earlier = codes.subList(0, codes.size() - 1);

    assertThat(last.get("possibleDuplicates"))
        .extracting(JsonNode::asText)
        .containsExactlyElementsOf(earlier);
    assertThat(JSON.readTree(http().get("/api/cases/" + caseCode).body()).get("possibleDuplicates"))
        .extracting(JsonNode::asText)
        .containsExactlyElementsOf(earlier);

    // What the mediator's first task shows (the form header reads the variable through Tasklist).
    String rootId =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(caseCode)
            .processDefinitionKey(ProcessModels.DISPUTE_CASE)
            .singleResult()
            .getId();
    for (int round = 0; round < 10; round++) {
      managementService
          .createJobQuery()
          .processInstanceId(rootId)
          .executable()
          .list()
          .forEach(job -> managementService.executeJob(job.getId()));
    }
    JsonNode tasks =
        JSON.readTree(
            new Http(port)
                .as("villagemediator", "demo")
                .get("/engine-rest/task?processInstanceBusinessKey=" + caseCode)
                .body());
    assertThat(tasks).hasSize(1);
    JsonNode shown =
        JSON.readTree(
                new Http(port)
                    .as("villagemediator", "demo")
                    .get(
                        "/engine-rest/task/"
                            + tasks.get(0).get("id").asText()
                            + "/form-variables?variableNames=possibleDuplicates")
                    .body())
            .at("/possibleDuplicates/value");
    assertThat(shown.asText())
        .isEqualTo(
            "共 229 件，最近的 5 件："
                + String.join("、", earlier.subList(224, 229))
                + "（完整清单见案件查询 /api/cases/"
                + caseCode
                + "）");
  }

  @Test
  void aPartySeesTheirCaseWithTheLastFourDigitsAndNothingAboutAnyone() throws IOException {
    String applicantId = TestResidentIds.forNumber(21);
    String caseCode =
        JSON.readTree(
                post(villageWindowCase(applicantId, "13655554321", TestResidentIds.forNumber(22)))
                    .body())
            .get("caseCode")
            .asText();
    Http anonymous = new Http(port);

    HttpResponse<String> view =
        anonymous.get("/api/public/cases/" + caseCode + "?mobileLast4=4321");

    assertThat(view.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(view.body());
    assertThat(body.get("stageName").asText()).isEqualTo("登记受理");
    assertThat(body.get("responsibleUnit").get("name").asText()).isEqualTo("汇东社区");
    assertThat(body.get("limitationInterruptedAt").asText()).isNotBlank();
    assertThat(view.body()).doesNotContain("张三", "李四", applicantId, "13655554321", "两户因院坝");
    assertThat(anonymous.get("/api/public/cases/" + caseCode + "?mobileLast4=0000").statusCode())
        .isEqualTo(404);
    assertThat(anonymous.get("/api/public/cases/" + caseCode).statusCode()).isEqualTo(400);
    assertThat(anonymous.get("/api/public/cases/not-a-code?mobileLast4=4321").statusCode())
        .isEqualTo(400);
  }

  @Test
  void guessingTheDigitsIsStoppedAfterFiveTries() throws IOException {
    // A mobile none of the guesses hits (run alone, the generated one ended in 0001).
    String caseCode =
        JSON.readTree(
                post(villageWindowCase(
                        TestResidentIds.forNumber(1807),
                        "13700005555",
                        TestResidentIds.forNumber(1808)))
                    .body())
            .get("caseCode")
            .asText();
    Http anonymous = new Http(port);
    for (int guess = 0; guess < PartyLookupLimiter.ATTEMPTS; guess++) {
      assertThat(
              anonymous
                  .get("/api/public/cases/" + caseCode + "?mobileLast4=000" + guess)
                  .statusCode())
          .isEqualTo(404);
    }
    assertThat(anonymous.get("/api/public/cases/" + caseCode + "?mobileLast4=0009").statusCode())
        .isEqualTo(429);
  }

  @Test
  void fullIdentitiesOnlyForRolesThatNeedThemAndEveryReadIsRecorded() throws IOException {
    String applicantId = TestResidentIds.forNumber(31);
    String caseCode =
        JSON.readTree(
                post(villageWindowCase(applicantId, "13512340031", TestResidentIds.forNumber(32)))
                    .body())
            .get("caseCode")
            .asText();

    HttpResponse<String> full =
        http().get("/api/cases/" + caseCode + "/parties/full?purpose=%E9%80%81%E8%BE%BE");
    assertThat(full.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(full.body()).get(0).get("idNumber").asText()).isEqualTo(applicantId);
    assertThat(
            jdbc.queryForList(
                "select read_by, purpose from personal_data_read where case_code = ?", caseCode))
        .containsExactly(Map.of("READ_BY", "intake", "PURPOSE", "送达"));

    HttpResponse<String> designer =
        new Http(port)
            .as("designer", "demo")
            .get("/api/cases/" + caseCode + "/parties/full?purpose=x");
    assertThat(designer.statusCode()).isEqualTo(403);
    assertThat(http().get("/api/cases/" + caseCode + "/parties/full").statusCode()).isEqualTo(400);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from personal_data_read where case_code = ?",
                Integer.class,
                caseCode))
        .isOne();
  }

  @Test
  void theReceivingUnitMayObjectToAWrongTransferOnceAndOnlyItsOwnPeople() throws IOException {
    ObjectNode transfer =
        villageWindowCase()
            .put("source", "COURT")
            .put("externalRef", "court-obj-1")
            .put("receivedBy", "court-system");
    String caseCode = JSON.readTree(post(transfer).body()).get("caseCode").asText();
    runDueJobs();
    JsonNode handOver =
        JSON.readTree(http().get("/api/cases/" + caseCode).body()).get("handOvers").get(0);
    assertThat(handOver.get("toUnit").asText()).isEqualTo("511725");
    String objection =
        "/api/cases/" + caseCode + "/hand-overs/" + handOver.get("id").asText() + "/objection";
    byte[] reason = "{\"reason\": \"系村民内部相邻纠纷，应由村调委会调解\"}".getBytes(StandardCharsets.UTF_8);

    assertThat(
            new Http(port)
                .as("villagemediator", "demo")
                .post(objection, "application/json", reason)
                .statusCode())
        .as("not the receiving unit")
        .isEqualTo(403);
    assertThat(
            new Http(port)
                .as("countymediator", "demo")
                .post(objection, "application/json", "{}".getBytes(StandardCharsets.UTF_8))
                .statusCode())
        .as("no reason")
        .isEqualTo(400);
    assertThat(
            new Http(port)
                .as("countymediator", "demo")
                .post(objection, "application/json", reason)
                .statusCode())
        .isEqualTo(204);
    assertThat(
            new Http(port)
                .as("countymediator", "demo")
                .post(objection, "application/json", reason)
                .statusCode())
        .as("answered already")
        .isEqualTo(409);

    JsonNode answered =
        JSON.readTree(http().get("/api/cases/" + caseCode).body()).get("handOvers").get(0);
    assertThat(answered.get("answer").asText()).isEqualTo("OBJECTED");
    assertThat(answered.get("answeredBy").asText()).isEqualTo("countymediator");
    assertThat(answered.get("objection").asText()).contains("村调委会");
  }

  /**
   * Starting the case process through the engine's REST API is the start form's door: it registers
   * through the intake (same rules), and the parties' numbers never become variables.
   */
  @Test
  void theEnginesStartPathForACaseGoesThroughTheIntake() throws IOException {
    String applicantId = TestResidentIds.forNumber(51);
    String form =
        """
        {"variables": {"level": {"value": "VILLAGE"}, "townCode": {"value": "511725104"},
         "villageCode": {"value": "511725104001"}, "disputeType": {"value": "NEIGHBOUR"},
         "occurredOn": {"value": "2026-02-27"}, "summary": {"value": "院坝通行"}, "amount": {"value": 3000},
         "partyCount": {"value": 2}, "acceptedElsewhere": {"value": "NONE"}, "consentToMediation": {"value": true},
         "applicantKind": {"value": "PERSON"}, "applicantName": {"value": "王五"},
         "applicantIdNumber": {"value": "%s"}, "applicantMobile": {"value": "13611112222"},
         "respondentKind": {"value": "ORGANISATION"}, "respondentName": {"value": "某某物业公司"},
         "respondentCreditCode": {"value": "%s"}}}""";
    String path = "/engine-rest/process-definition/key/dispute-case/start";

    HttpResponse<String> refused =
        http()
            .post(
                path,
                "application/json",
                form.formatted(applicantId, "91511725MA62K0XX0A").getBytes(StandardCharsets.UTF_8));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(names(JSON.readTree(refused.body()).get("invalidParams")))
        .containsExactly("parties[1].creditCode");
    assertThat(JSON.readTree(refused.body()).get("message").asText()).contains("被申请人统一社会信用代码");

    HttpResponse<String> started =
        http()
            .post(
                path,
                "application/json",
                form.formatted(applicantId, "91350100M000100Y43").getBytes(StandardCharsets.UTF_8));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String caseCode = JSON.readTree(started.body()).get("businessKey").asText();
    assertThat(
            jdbc.queryForObject(
                "select id_number from case_party where case_code = ? and position = 0",
                String.class,
                caseCode))
        .isEqualTo(applicantId);
    assertThat(historyService.createHistoricVariableInstanceQuery().list())
        .noneMatch(variable -> String.valueOf(variable.getValue()).contains(applicantId))
        .noneMatch(variable -> "applicantIdNumber".equals(variable.getName()));
    assertThat(
            new Http(port)
                .as("designer", "demo")
                .post(
                    path,
                    "application/json",
                    form.formatted(applicantId, "91350100M000100Y43")
                        .getBytes(StandardCharsets.UTF_8))
                .statusCode())
        .as("a designer registers no cases")
        .isEqualTo(403);
  }

  @Test
  void theContractIsInOpenApiWithItsFixedNames() throws IOException {
    JsonNode api = JSON.readTree(http().get("/v3/api-docs").body());
    assertThat(
            api.at("/paths/~1api~1cases/post/requestBody/content/application~1json/schema/$ref")
                .asText())
        .endsWith("IntakeRequest");
    JsonNode fields = api.at("/components/schemas/IntakeRequest/properties");
    assertThat(fields.fieldNames())
        .toIterable()
        .contains(
            "source",
            "externalRef",
            "level",
            "townCode",
            "villageCode",
            "receivedBy",
            "disputeType",
            "summary",
            "amount",
            "occurredOn",
            "partyCount",
            "consentToMediation",
            "flags",
            "parties");
    assertThat(api.at("/paths/~1api~1public~1cases~1{caseCode}/get").isMissingNode()).isFalse();
  }

  /**
   * The first steps of a case call other systems asynchronously; the test runs them (the job
   * executor is off).
   */
  private void runDueJobs() {
    for (int round = 0; round < 20; round++) {
      var jobs = managementService.createJobQuery().executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  @Test
  void anUnknownCaseIs404AndAMalformedCode400() {
    assertThat(http().get("/api/cases/511725-2026-999999").statusCode()).isEqualTo(404);
    assertThat(http().get("/api/cases/hello").statusCode()).isEqualTo(400);
  }

  private Map<String, Object> storedCounts() {
    return Map.of(
        "cases",
        count("dispute_case"),
        "parties",
        count("case_party"),
        "keys",
        count("intake_request"),
        "progress",
        count("case_progress"),
        "codes",
        jdbc.queryForObject(
            "select coalesce(sum(last_value), 0) from case_code_sequence", Long.class),
        "instances",
        historyService.createHistoricProcessInstanceQuery().count());
  }

  private long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }

  private HttpResponse<String> post(ObjectNode request, String... headers) {
    return http()
        .post(
            "/api/cases",
            "application/json",
            request.toString().getBytes(StandardCharsets.UTF_8),
            headers);
  }

  private Http http() {
    return new Http(port).as("intake", "demo");
  }

  private static List<String> names(JsonNode invalidParams) {
    List<String> names = new ArrayList<>();
    if (invalidParams != null) {
      invalidParams.forEach(param -> names.add(param.get("name").asText()));
    }
    return names;
  }

  private static ObjectNode party(ObjectNode request, int index) {
    return (ObjectNode) request.get("parties").get(index);
  }

  private static ObjectNode flags(ObjectNode request) {
    return (ObjectNode) request.get("flags");
  }

  private static Arguments bad(String rule, String field, Consumer<ObjectNode> breakIt) {
    return Arguments.of(rule, field, breakIt);
  }
}
