package cn.onedoor.decisions;

import static cn.onedoor.decisions.DecisionTables.vars;
import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.decisions.DecisionTables.RuleCase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * risk-grading.dmn: FIRST over rules sorted red → blue, i.e. PRIORITY (which Camunda 7 does not
 * implement).
 */
class RiskGradingTest {

  private static final String FILE = "risk-grading";
  private static final DmnDecision DECISION =
      DecisionTables.decision(DecisionTables.ENGINE, FILE, FILE);

  private static final Map<String, Object> ORDINARY =
      vars(
          "partyCount",
          2,
          "amount",
          0.0,
          "injury",
          false,
          "violence",
          false,
          "crimeSuspected",
          false,
          "governmentBodyParty",
          false,
          "source",
          "WINDOW");

  static Stream<RuleCase> rules() {
    return Stream.of(
        row("Rule_RG_Red_LargeGroup", "RED", "partyCount", 50),
        row("Rule_RG_Red_GroupViolence", "RED", "partyCount", 10, "violence", true),
        row(
            "Rule_RG_Red_GroupAgainstGovernment",
            "RED",
            "partyCount",
            10,
            "governmentBodyParty",
            true),
        row(
            "Rule_RG_Red_ViolentCrimeWithInjury",
            "RED",
            "injury",
            true,
            "violence",
            true,
            "crimeSuspected",
            true),
        row("Rule_RG_Red_VeryLargeAmount", "RED", "amount", 5_000_000),
        row("Rule_RG_Orange_Group", "ORANGE", "partyCount", 10),
        row("Rule_RG_Orange_CollectivePetition", "ORANGE", "source", "PETITION", "partyCount", 5),
        row("Rule_RG_Orange_CrimeSuspected", "ORANGE", "crimeSuspected", true),
        row("Rule_RG_Orange_Violence", "ORANGE", "violence", true, "injury", true),
        row("Rule_RG_Orange_LargeAmount", "ORANGE", "amount", 1_000_000),
        row("Rule_RG_Yellow_Injury", "YELLOW", "injury", true),
        row("Rule_RG_Yellow_GovernmentParty", "YELLOW", "governmentBodyParty", true),
        row("Rule_RG_Yellow_Petition", "YELLOW", "source", "PETITION", "partyCount", 4),
        row("Rule_RG_Yellow_SeveralParties", "YELLOW", "partyCount", 5),
        row("Rule_RG_Yellow_Amount", "YELLOW", "amount", 100_000),
        row("Rule_RG_Blue_Default", "BLUE"));
  }

  private static RuleCase row(String ruleId, String grade, Object... inputs) {
    return new RuleCase(ruleId, vars(ORDINARY, inputs), Map.of("riskGrade", grade));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void eachRuleGradesAsAnnotated(RuleCase row) {
    DecisionTables.assertRule(DECISION, row, true);
  }

  @Test
  void everyRuleHasARow() {
    assertThat(rules().map(RuleCase::ruleId))
        .containsExactlyInAnyOrderElementsOf(DecisionTables.ruleIds(FILE, FILE));
  }

  @ParameterizedTest(name = "{0} people, {1} yuan → {2}")
  @CsvSource({
    "4, 0, BLUE",
    "5, 0, YELLOW",
    "9, 0, YELLOW",
    "10, 0, ORANGE",
    "49, 0, ORANGE",
    "50, 0, RED",
    "1, 99999.99, BLUE",
    "1, 100000, YELLOW",
    "1, 999999.99, YELLOW",
    "1, 1000000, ORANGE",
    "1, 4999999.99, ORANGE",
    "1, 5000000, RED"
  })
  void thresholdsAreInclusiveLowerBounds(int partyCount, double amount, String grade) {
    var result =
        DecisionTables.evaluate(
            DECISION, vars(ORDINARY, "partyCount", partyCount, "amount", amount));
    assertThat((String) result.result().getSingleEntry()).isEqualTo(grade);
  }

  /**
   * FIRST behaves as PRIORITY only while the rules stay sorted by grade, highest first, with the
   * fallback last.
   */
  @Test
  void rulesAreSortedFromRedToBlueWithTheFallbackLast() {
    DmnModelInstance model = DecisionTables.model(FILE);
    DecisionTable table =
        (DecisionTable) ((Decision) model.getModelElementById(FILE)).getExpression();
    assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.FIRST);
    Output output = table.getOutputs().iterator().next();
    assertThat(output.getOutputValues().getTextContent())
        .isEqualTo("\"RED\", \"ORANGE\", \"YELLOW\", \"BLUE\"");

    List<Rule> rules = new ArrayList<>(table.getRules());
    List<Integer> ranks = rules.stream().map(RiskGradingTest::rankOf).toList();
    assertThat(ranks)
        .as("grades of the rules in table order (0 = RED)")
        .isSortedAccordingTo(Comparator.naturalOrder());
    Rule last = rules.get(rules.size() - 1);
    assertThat(last.getInputEntries())
        .allSatisfy(entry -> assertThat(entry.getTextContent().trim()).isEqualTo("-"));
    assertThat(rankOf(last)).isEqualTo(Codes.RISK_GRADES.indexOf("BLUE"));
  }

  private static int rankOf(Rule rule) {
    String grade =
        rule.getOutputEntries().iterator().next().getTextContent().replace("\"", "").trim();
    assertThat(Codes.RISK_GRADES).as("grade of rule %s", rule.getId()).contains(grade);
    return Codes.RISK_GRADES.indexOf(grade);
  }

  /**
   * Every combination the intake can produce (party counts and amounts on both sides of every
   * threshold) gets exactly one grade, and it is the highest grade among all rules that match
   * (checked against the same table evaluated with COLLECT).
   */
  @Test
  void everyCombinationGetsTheHighestMatchingGrade() {
    DmnDecision first = DecisionTables.decision(DecisionTables.ENGINE, FILE, FILE);
    DmnModelInstance collectModel = DecisionTables.model(FILE);
    ((DecisionTable) ((Decision) collectModel.getModelElementById(FILE)).getExpression())
        .setHitPolicy(HitPolicy.COLLECT);
    DmnDecision collect = DecisionTables.ENGINE.parseDecision(FILE, collectModel);

    int combinations = 0;
    for (int partyCount : List.of(1, 4, 5, 9, 10, 49, 50, 1000)) {
      for (double amount :
          List.of(0.0, 99_999.99, 100_000.0, 999_999.99, 1_000_000.0, 4_999_999.99, 5_000_000.0)) {
        for (boolean injury : Codes.BOOLEANS) {
          for (boolean violence : Codes.BOOLEANS) {
            for (boolean crime : Codes.BOOLEANS) {
              for (boolean government : Codes.BOOLEANS) {
                for (String source : Codes.SOURCES) {
                  Map<String, Object> in =
                      vars(
                          "partyCount",
                          partyCount,
                          "amount",
                          amount,
                          "injury",
                          injury,
                          "violence",
                          violence,
                          "crimeSuspected",
                          crime,
                          "governmentBodyParty",
                          government,
                          "source",
                          source);
                  var result = DecisionTables.ENGINE.evaluateDecision(first, in).getResultList();
                  assertThat(result).as("%s", in).hasSize(1);
                  String grade = (String) result.get(0).get("riskGrade");
                  String highest =
                      DecisionTables.ENGINE
                          .evaluateDecision(collect, in)
                          .collectEntries("riskGrade")
                          .stream()
                          .map(String.class::cast)
                          .min(Comparator.comparingInt(Codes.RISK_GRADES::indexOf))
                          .orElseThrow();
                  assertThat(grade).as("%s", in).isEqualTo(highest);
                  combinations++;
                }
              }
            }
          }
        }
      }
    }
    assertThat(combinations).isEqualTo(8 * 7 * 16 * 7);
  }
}
