package cn.onedoor.designer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.support.Http;
import cn.onedoor.support.TestResidentIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The designers' what-if over real HTTP, against cases registered through the one door and routed
 * by the deployed channel-routing table: a changed table lists exactly the cases it would route
 * elsewhere with a summary by channel, the unchanged table none; a broken file or rule is named in
 * a problem; only designers and administrators may ask; nothing is ever deployed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WhatIfApiTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Path ROUTING = Path.of("decisions", "channel-routing.dmn");

  @LocalServerPort int port;
  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;
  @Autowired HistoryService historyService;

  /** Registered once per application context (the tests share its database). */
  static String neighbourCase;

  static String medicalCase;

  @BeforeEach
  void twoRoutedCases() throws IOException {
    if (neighbourCase == null
        || historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(neighbourCase)
                .count()
            == 0) {
      neighbourCase = register(port, "NEIGHBOUR");
      medicalCase = register(port, "MEDICAL");
      runAsyncSteps(managementService);
    }
  }

  @Test
  void aChangedRoutingTableListsTheCasesItWouldRouteElsewhereWithASummaryByChannel()
      throws IOException {
    long deployments = repositoryService.createDeploymentQuery().count();

    HttpResponse<String> answer = whatIf("designer", villageRuleGoesToTown());

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(answer.body());
    assertThat(body.path("decision").asText()).isEqualTo("channel-routing");
    assertThat(body.path("evaluations").asInt()).isGreaterThanOrEqualTo(2);
    List<String> changed = body.path("changes").findValuesAsText("caseCode");
    assertThat(changed).contains(neighbourCase).doesNotContain(medicalCase);
    JsonNode neighbour = change(body, neighbourCase);
    assertThat(neighbour.path("channelBefore").asText()).isEqualTo("PEOPLES_VILLAGE");
    assertThat(neighbour.path("channelAfter").asText()).isEqualTo("PEOPLES_TOWN");
    assertThat(neighbour.path("before").get(0).path("handlingLevel").asText()).isEqualTo("VILLAGE");
    assertThat(neighbour.path("after").get(0).path("handlingLevel").asText()).isEqualTo("TOWN");
    assertThat(names(neighbour.path("changedOutputs"))).containsExactly("channel", "handlingLevel");
    // routing data only: no input of the case (dispute type, amount, parties' flags) is shown
    assertThat(neighbour.toString()).doesNotContain("NEIGHBOUR", "amount", "disputeType");

    JsonNode village = channel(body, "PEOPLES_VILLAGE");
    assertThat(village.path("name").asText()).isEqualTo("村人民调解");
    assertThat(village.path("before").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(village.path("after").asInt()).isZero();
    assertThat(village.path("movedOut").asInt()).isEqualTo(village.path("before").asInt());
    JsonNode town = channel(body, "PEOPLES_TOWN");
    assertThat(town.path("movedIn").asInt()).isEqualTo(village.path("movedOut").asInt());
    assertThat(town.path("after").asInt())
        .isEqualTo(town.path("before").asInt() + town.path("movedIn").asInt());
    JsonNode medical = channel(body, "COMMITTEE_MEDICAL");
    assertThat(medical.path("before").asInt()).isEqualTo(medical.path("after").asInt());
    assertThat(medical.path("movedIn").asInt() + medical.path("movedOut").asInt()).isZero();
    assertThat(body.path("changedCases").asInt()).isEqualTo(changed.size());

    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void theDeployedTableUnchangedRoutesNoCaseElsewhere() throws IOException {
    HttpResponse<String> answer = whatIf("admin", Files.readString(ROUTING));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(answer.body());
    assertThat(body.path("evaluations").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(body.path("changedEvaluations").asInt()).isZero();
    assertThat(body.path("changes").size()).isZero();
    assertThat(body.path("failures").size()).isZero();
    channels(body)
        .forEach(c -> assertThat(c.path("before").asInt()).isEqualTo(c.path("after").asInt()));
  }

  @Test
  void aFileThatIsNotXmlIsRefusedNamingTheParseError() throws IOException {
    String cut = Files.readString(ROUTING).substring(0, 2_000);

    HttpResponse<String> answer = whatIf("designer", cut);

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(answer.body());
    assertThat(problem.path("title").asText()).isEqualTo("决策表无法解析");
    assertThat(problem.path("detail").asText()).contains("DMN 文件无法解析", "XML");
    assertThat(problem.path("invalidParams").get(0).path("name").asText()).isEqualTo("file");
  }

  @Test
  void aFileReachingForOtherFilesOrExpandingEntitiesIsRefused() throws IOException {
    String table = Files.readString(ROUTING);
    String header = table.substring(0, table.indexOf("<definitions"));
    String rest = table.substring(table.indexOf("<definitions"));
    String external =
        header
            + "<!DOCTYPE definitions [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
            + rest.replace("name=\"分流渠道\"", "name=\"&secret;\"");
    String laughs =
        header
            + "<!DOCTYPE definitions [<!ENTITY a \"aaaaaaaaaa\">"
            + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
            + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
            + "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">]>\n"
            + rest.replace("name=\"分流渠道\"", "name=\"&g;\"");

    for (String hostile : List.of(external, laughs)) {
      HttpResponse<String> answer = whatIf("designer", hostile);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
      assertThat(answer.body()).doesNotContain("root:", "aaaaaaaaaaaaaaaaaaaa");
      assertThat(JSON.readTree(answer.body()).path("title").asText()).isEqualTo("决策表无法解析");
    }
  }

  @Test
  void aRuleWithAnInvalidFeelCellIsNamed() throws IOException {
    String broken = brokenVillageRule(Files.readString(ROUTING));
    assertThat(broken).isNotEqualTo(Files.readString(ROUTING));

    HttpResponse<String> answer = whatIf("designer", broken);

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    JsonNode problem = JSON.readTree(answer.body());
    assertThat(problem.path("title").asText()).contains("Rule_CR_PeoplesVillage");
    assertThat(problem.path("detail").asText())
        .contains("Rule_CR_PeoplesVillage", "来源渠道", "not(\"PETITION\", \"COURT\"");
    assertThat(problem.path("invalidParams").get(0).path("name").asText())
        .isEqualTo("channel-routing/Rule_CR_PeoplesVillage");
  }

  @Test
  void aTableReadingAnInputHistoryNeverRecordedIsRefusedNamingIt() throws IOException {
    String table =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Income" name="收入分流" namespace="http://camunda.org/schema/1.0/dmn">
          <decision id="channel-routing" name="分流渠道">
            <decisionTable id="DecisionTable_Income" hitPolicy="UNIQUE">
              <input id="Input_Income" label="家庭月收入">
                <inputExpression id="InputExpression_Income" typeRef="integer"><text>householdIncome</text></inputExpression>
              </input>
              <input id="Input_Type" label="纠纷类型">
                <inputExpression id="InputExpression_Type" typeRef="string"><text>disputeType</text></inputExpression>
              </input>
              <output id="Output_Channel" label="调解渠道" name="channel" typeRef="string" />
              <rule id="Rule_Everything">
                <inputEntry id="Rule_Everything_Income"><text>-</text></inputEntry>
                <inputEntry id="Rule_Everything_Type"><text>-</text></inputEntry>
                <outputEntry id="Rule_Everything_Channel"><text>"PEOPLES_TOWN"</text></outputEntry>
              </rule>
            </decisionTable>
          </decision>
        </definitions>
        """;

    HttpResponse<String> answer = whatIf("designer", table);

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
    JsonNode problem = JSON.readTree(answer.body());
    assertThat(problem.path("title").asText()).isEqualTo("历史记录缺少新决策表的输入");
    assertThat(names(problem.path("invalidParams").findValues("name")))
        .containsExactly("input:householdIncome");
    assertThat(problem.path("invalidParams").get(0).path("reason").asText()).contains("家庭月收入");
  }

  @Test
  void aModelerFileIsTakenButNotAnyBodyThatSize() throws IOException {
    // channel-routing.dmn (85 KB with its diagram) exceeds the 64 KB of our JSON doors
    assertThat(Files.size(ROUTING)).isGreaterThan(64 * 1024);
    assertThat(whatIf("designer", Files.readString(ROUTING)).statusCode()).isEqualTo(200);

    HttpResponse<String> tooLarge =
        whatIf("designer", "<x>" + "a".repeat(3 * 1024 * 1024) + "</x>");

    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(tooLarge.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
  }

  @Test
  void onlyDesignersAndAdministratorsMayAsk() throws IOException {
    String table = villageRuleGoesToTown();
    for (String user : List.of("townmediator", "countysupervisor", "intake")) {
      HttpResponse<String> answer = whatIf(user, table);
      assertThat(answer.statusCode()).as(user).isEqualTo(403);
      assertThat(answer.body()).doesNotContain(neighbourCase);
    }
    assertThat(
            new Http(port)
                .post(
                    "/api/designer/what-if",
                    "application/xml",
                    table.getBytes(StandardCharsets.UTF_8))
                .statusCode())
        .isEqualTo(401);
    assertThat(whatIf("admin", table).statusCode()).isEqualTo(200);
  }

  // ---- helpers ----

  /** The same table with the village rule sending cases to the town's committee instead. */
  static String villageRuleGoesToTown() throws IOException {
    String table = Files.readString(ROUTING);
    String changed =
        table
            .replace(
                "<outputEntry id=\"Rule_CR_PeoplesVillage_channel\">\n          <text>\"PEOPLES_VILLAGE\"</text>",
                "<outputEntry id=\"Rule_CR_PeoplesVillage_channel\">\n          <text>\"PEOPLES_TOWN\"</text>")
            .replace(
                "<outputEntry id=\"Rule_CR_PeoplesVillage_handlingLevel\">\n          <text>\"VILLAGE\"</text>",
                "<outputEntry id=\"Rule_CR_PeoplesVillage_handlingLevel\">\n          <text>\"TOWN\"</text>");
    assertThat(changed)
        .isNotEqualTo(table)
        .contains("Rule_CR_PeoplesVillage_channel\">\n          <text>\"PEOPLES_TOWN\"");
    return changed;
  }

  /** The table with the village rule's source cell cut short: not FEEL any more. */
  static String brokenVillageRule(String table) {
    return table.replace(
        "<inputEntry id=\"Rule_CR_PeoplesVillage_source\">\n          <text>not(\"PETITION\", \"COURT\")</text>",
        "<inputEntry id=\"Rule_CR_PeoplesVillage_source\">\n          <text>not(\"PETITION\", \"COURT\"</text>");
  }

  HttpResponse<String> whatIf(String user, String dmn) {
    return new Http(port)
        .as(user, "demo")
        .post("/api/designer/what-if", "application/xml", dmn.getBytes(StandardCharsets.UTF_8));
  }

  private static final java.util.concurrent.atomic.AtomicInteger PERSON =
      new java.util.concurrent.atomic.AtomicInteger(7_100);

  /** A case of this type registered at 汇东社区's window, with parties of its own. */
  static String register(int port, String disputeType) throws IOException {
    int n = PERSON.incrementAndGet();
    String request =
        """
        {"source": "WINDOW", "level": "VILLAGE", "townCode": "511725104", "villageCode": "511725104001",
         "receivedBy": "intake", "disputeType": "%s", "summary": "推演测试用案件。",
         "amount": 3000, "occurredOn": "2026-11-20", "partyCount": 2, "consentToMediation": true,
         "flags": {"injury": false, "violence": false, "crimeSuspected": false, "governmentBodyParty": false,
                   "acceptedElsewhere": "NONE"},
         "parties": [
           {"role": "APPLICANT", "kind": "PERSON", "name": "张三", "idNumber": "%s", "mobile": "%s"},
           {"role": "RESPONDENT", "kind": "PERSON", "name": "李四", "idNumber": "%s"}]}
        """
            .formatted(
                disputeType,
                TestResidentIds.forNumber(n),
                "1390000" + String.format("%04d", n),
                TestResidentIds.forNumber(n + 400_000));
    HttpResponse<String> answer =
        new Http(port).as("intake", "demo").postJson("/api/cases", request);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    return JSON.readTree(answer.body()).path("caseCode").asText();
  }

  /** The first steps of a case call other systems asynchronously; the job executor is off. */
  static void runAsyncSteps(ManagementService managementService) {
    for (int round = 0; round < 20; round++) {
      var jobs = managementService.createJobQuery().executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  static JsonNode change(JsonNode body, String caseCode) {
    for (JsonNode change : body.path("changes")) {
      if (caseCode.equals(change.path("caseCode").asText())) {
        return change;
      }
    }
    throw new AssertionError("no change for " + caseCode + " in " + body);
  }

  static JsonNode channel(JsonNode body, String channel) {
    for (JsonNode row : body.path("byChannel")) {
      if (channel.equals(row.path("channel").asText())) {
        return row;
      }
    }
    throw new AssertionError("no channel " + channel + " in " + body.path("byChannel"));
  }

  static List<JsonNode> channels(JsonNode body) {
    List<JsonNode> rows = new ArrayList<>();
    body.path("byChannel").forEach(rows::add);
    return rows;
  }

  static List<String> names(JsonNode array) {
    List<String> names = new ArrayList<>();
    array.forEach(n -> names.add(n.asText()));
    return names;
  }

  static List<String> names(List<JsonNode> nodes) {
    return nodes.stream().map(JsonNode::asText).toList();
  }
}
