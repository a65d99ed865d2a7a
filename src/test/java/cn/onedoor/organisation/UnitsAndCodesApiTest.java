package cn.onedoor.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.routing.Department;
import cn.onedoor.routing.DisputeType;
import cn.onedoor.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The code lists other systems build against, over HTTP, and their agreement with the rest of the
 * project: the departments the decision tables name, the towns and dispute types the registration
 * form offers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UnitsAndCodesApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;

  @Test
  void codeListsNeedALogin() {
    assertThat(new Http(port).get("/api/units").statusCode()).isEqualTo(401);
    assertThat(new Http(port).get("/api/dispute-types").statusCode()).isEqualTo(401);
  }

  @Test
  void townsBelongToTheCountyAndVillagesToTheirTown() throws IOException {
    JsonNode towns = get("/api/units?kind=TOWN");
    assertThat(towns).isNotEmpty();
    towns.forEach(town -> assertThat(town.get("parentCode").asText()).isEqualTo("511725"));
    assertThat(codes(towns)).contains("511725104");

    JsonNode villages = get("/api/units?parent=511725104");
    assertThat(codes(villages)).contains("511725104001");
    villages.forEach(village -> assertThat(village.get("kind").asText()).isEqualTo("VILLAGE"));
    assertThat(get("/api/units?kind=COUNTY").get(0).get("population").asInt()).isPositive();
  }

  @Test
  void theTownsAreExactlyTheCountysThirtySevenWithTheirOfficialCodesAndNames() throws IOException {
    List<String> expected =
        RealTowns.all().stream().map(town -> town.code() + " " + town.name()).toList();
    assertThat(expected).hasSize(37);
    List<String> towns = new ArrayList<>();
    get("/api/units?kind=TOWN")
        .forEach(
            town -> {
              towns.add(town.get("code").asText() + " " + town.get("name").asText());
              assertThat(town.get("demo").asBoolean()).as(town.toString()).isFalse();
            });
    assertThat(towns).containsExactlyElementsOf(expected);
    // The code the demo once gave 三汇镇 is 临巴镇's.
    assertThat(towns).contains("511725102 临巴镇", "511725104 三汇镇", "511725112 有庆镇");
  }

  @Test
  void theDemoVillagesSitUnderRealTownsAndSayTheyAreDemo() throws IOException {
    List<String> villages = new ArrayList<>();
    get("/api/units?kind=VILLAGE")
        .forEach(
            village -> {
              villages.add(
                  village.get("code").asText()
                      + " "
                      + village.get("name").asText()
                      + " < "
                      + village.get("parentCode").asText());
              assertThat(village.get("demo").asBoolean()).as(village.toString()).isTrue();
            });
    assertThat(villages)
        .containsExactly(
            "511725103001 土溪村 < 511725103",
            "511725104001 汇东社区 < 511725104",
            "511725104002 汇西社区 < 511725104",
            "511725112001 有庆村 < 511725112");
  }

  @Test
  void anUnknownKindIsAClientErrorNamingTheParameter() throws IOException {
    HttpResponse<String> answer = http().get("/api/units?kind=PLANET");
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(JSON.readTree(answer.body()).get("invalidParams").get(0).get("name").asText())
        .isEqualTo("kind");
  }

  @Test
  void everyDepartmentTheDecisionsNameAndEveryCommitteeIsAUnit() throws IOException {
    assertThat(codes(get("/api/units?kind=DEPARTMENT")))
        .containsAll(Arrays.stream(Department.values()).map(Department::code).toList());
    assertThat(codes(get("/api/units?kind=COMMITTEE")))
        .contains(
            "MEDICAL",
            "TRAFFIC",
            "LABOUR",
            "FAMILY",
            "PROPERTY",
            "CONSUMER",
            "CONSTRUCTION",
            "FINANCE",
            "LAND");
  }

  @Test
  void theRegistrationFormOffersExactlyTheKnownTownsAndDisputeTypes() throws IOException {
    JsonNode form = JSON.readTree(Path.of("forms", "case-registration.form").toFile());
    List<String> towns = new ArrayList<>();
    get("/api/units?kind=TOWN")
        .forEach(town -> towns.add(town.get("name").asText() + " " + town.get("code").asText()));
    assertThat(options(form, "townCode")).hasSize(37).containsExactlyElementsOf(towns);

    JsonNode types = get("/api/dispute-types");
    assertThat(codes(types))
        .containsExactlyElementsOf(
            Arrays.stream(DisputeType.values()).map(DisputeType::code).toList());
    assertThat(types.get(0).get("name").asText()).isEqualTo(DisputeType.values()[0].chineseName());
    assertThat(optionValues(form, "disputeType")).containsExactlyInAnyOrderElementsOf(codes(types));
  }

  private Http http() {
    return new Http(port).as("intake", "demo");
  }

  private JsonNode get(String path) throws IOException {
    HttpResponse<String> answer = http().get(path);
    assertThat(answer.statusCode()).as(path).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  private static List<String> codes(JsonNode list) {
    List<String> codes = new ArrayList<>();
    list.forEach(item -> codes.add(item.get("code").asText()));
    return codes;
  }

  /** The options of the field with this key, as "label value". */
  private static List<String> options(JsonNode node, String key) {
    List<String> options = new ArrayList<>();
    if (key.equals(node.path("key").asText())) {
      node.path("values")
          .forEach(
              option ->
                  options.add(option.get("label").asText() + " " + option.get("value").asText()));
    }
    node.path("components").forEach(child -> options.addAll(options(child, key)));
    return options;
  }

  private static List<String> optionValues(JsonNode node, String key) {
    List<String> values = new ArrayList<>();
    if (key.equals(node.path("key").asText())) {
      node.path("values").forEach(option -> values.add(option.get("value").asText()));
    }
    node.path("components").forEach(child -> values.addAll(optionValues(child, key)));
    return values;
  }
}
