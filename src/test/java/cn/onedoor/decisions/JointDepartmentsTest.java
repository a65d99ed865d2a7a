package cn.onedoor.decisions;

import static cn.onedoor.decisions.DecisionTables.vars;
import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.decisions.DecisionTables.RuleCase;
import cn.onedoor.routing.Department;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * joint-departments.dmn: COLLECT; the process reads {@code collectEntries("department")} as {@code
 * departments}.
 */
class JointDepartmentsTest {

  private static final String FILE = "joint-departments";
  private static final DmnDecision DECISION =
      DecisionTables.decision(DecisionTables.ENGINE, FILE, FILE);
  private static final List<String> DEPARTMENTS =
      Arrays.stream(Department.values()).map(Department::code).toList();

  private static final Map<String, Object> ORDINARY =
      vars(
          "disputeType",
          "NEIGHBOUR",
          "violence",
          false,
          "crimeSuspected",
          false,
          "injury",
          false,
          "governmentBodyParty",
          false,
          "source",
          "WINDOW");

  static Stream<RuleCase> rules() {
    return Stream.of(
        row("Rule_JD_Justice", "JUSTICE"),
        row(
            "Rule_JD_Police_Violence",
            "POLICE",
            "violence",
            true,
            "crimeSuspected",
            true,
            "source",
            "POLICE"),
        row("Rule_JD_Police_Crime", "POLICE", "crimeSuspected", true, "disputeType", "TRAFFIC"),
        row(
            "Rule_JD_Police_Transfer",
            "POLICE",
            "source",
            "POLICE",
            "disputeType",
            "PUBLIC_SECURITY"),
        row("Rule_JD_Police_Type", "POLICE", "disputeType", "TRAFFIC"),
        row("Rule_JD_Procuratorate", "PROCURATORATE", "disputeType", "MINOR_CRIME"),
        row("Rule_JD_Court_Referral", "COURT", "source", "COURT", "disputeType", "PERSONAL_STATUS"),
        row("Rule_JD_Court_PersonalStatus", "COURT", "disputeType", "PERSONAL_STATUS"),
        row(
            "Rule_JD_Petition_Source",
            "PETITION",
            "source",
            "PETITION",
            "governmentBodyParty",
            true),
        row("Rule_JD_Petition_GovernmentParty", "PETITION", "governmentBodyParty", true),
        row("Rule_JD_Health_Medical", "HEALTH", "disputeType", "MEDICAL", "injury", true),
        row("Rule_JD_Health_Injury", "HEALTH", "injury", true),
        row("Rule_JD_Hrss", "HRSS", "disputeType", "LABOUR"),
        row("Rule_JD_Housing", "HOUSING", "disputeType", "PROPERTY_MANAGEMENT"),
        row("Rule_JD_NaturalResources", "NATURAL_RESOURCES", "disputeType", "LAND_CONTRACT"),
        row("Rule_JD_Market", "MARKET", "disputeType", "CONSUMER"),
        row("Rule_JD_Finance", "FINANCE", "disputeType", "FINANCE"));
  }

  private static RuleCase row(String ruleId, String department, Object... inputs) {
    return new RuleCase(ruleId, vars(ORDINARY, inputs), Map.of("department", department));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void eachRuleAddsItsDepartment(RuleCase row) {
    DecisionTables.assertRule(DECISION, row, false);
  }

  @Test
  void everyRuleHasARow() {
    assertThat(rules().map(RuleCase::ruleId))
        .containsExactlyInAnyOrderElementsOf(DecisionTables.ruleIds(FILE, FILE));
  }

  @Test
  void wageArrearsBringsLabourAndHousingTogether() {
    var departments =
        DecisionTables.ENGINE
            .evaluateDecision(
                DECISION, vars(ORDINARY, "disputeType", "WAGE_ARREARS", "injury", true))
            .collectEntries("department");
    assertThat(departments).containsExactlyInAnyOrder("JUSTICE", "HRSS", "HOUSING", "HEALTH");
  }

  /**
   * Every combination the intake can produce yields at least one known department, and none twice.
   */
  @Test
  void everyCombinationYieldsDistinctKnownDepartments() {
    int combinations = 0;
    for (String type : Codes.DISPUTE_TYPES) {
      for (boolean violence : Codes.BOOLEANS) {
        for (boolean crime : Codes.BOOLEANS) {
          for (boolean injury : Codes.BOOLEANS) {
            for (boolean government : Codes.BOOLEANS) {
              for (String source : Codes.SOURCES) {
                var in =
                    vars(
                        "disputeType",
                        type,
                        "violence",
                        violence,
                        "crimeSuspected",
                        crime,
                        "injury",
                        injury,
                        "governmentBodyParty",
                        government,
                        "source",
                        source);
                List<Object> departments =
                    DecisionTables.ENGINE
                        .evaluateDecision(DECISION, in)
                        .collectEntries("department");
                assertThat(departments)
                    .as("%s", in)
                    .isNotEmpty()
                    .doesNotHaveDuplicates()
                    .allSatisfy(d -> assertThat(DEPARTMENTS).contains((String) d))
                    .contains("JUSTICE");
                if (violence || crime || source.equals("POLICE")) {
                  assertThat(departments).as("%s", in).contains("POLICE");
                }
                if (type.equals("MINOR_CRIME")) {
                  assertThat(departments).as("%s", in).contains("POLICE", "PROCURATORATE");
                }
                combinations++;
              }
            }
          }
        }
      }
    }
    assertThat(combinations).isEqualTo(20 * 2 * 2 * 2 * 2 * 7);
  }
}
