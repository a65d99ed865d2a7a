package cn.onedoor.decisions;

import static cn.onedoor.decisions.DecisionTables.vars;
import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.decisions.DecisionTables.RuleCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** mediation-ladder.dmn: UNIQUE, one rule per handling level. */
class MediationLadderTest {

  private static final String FILE = "mediation-ladder";
  private static final DmnDecision DECISION =
      DecisionTables.decision(DecisionTables.ENGINE, FILE, FILE);

  static Stream<RuleCase> rules() {
    return Stream.of(
        row("Rule_ML_Village", "VILLAGE", 2, "TOWN"),
        row("Rule_ML_Town", "TOWN", 2, "COUNTY"),
        row("Rule_ML_County", "COUNTY", 1, "NONE"));
  }

  private static RuleCase row(String ruleId, String level, int maxAttempts, String nextLevel) {
    return new RuleCase(
        ruleId,
        vars("handlingLevel", level),
        Map.of("maxAttempts", maxAttempts, "nextLevel", nextLevel));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void eachLevelHasItsAttemptsAndNextLevel(RuleCase row) {
    DecisionTables.assertRule(DECISION, row, true);
  }

  @Test
  void everyRuleHasARow() {
    assertThat(rules().map(RuleCase::ruleId))
        .containsExactlyInAnyOrderElementsOf(DecisionTables.ruleIds(FILE, FILE));
  }

  /**
   * Every level has exactly one rule, and climbing from the village ends at the county after each
   * level once.
   */
  @Test
  void theLadderClimbsFromVillageToCountyAndEnds() {
    List<String> climbed = new ArrayList<>();
    String level = "VILLAGE";
    while (!level.equals("NONE")) {
      assertThat(climbed).as("the ladder must not loop").doesNotContain(level);
      climbed.add(level);
      var results =
          DecisionTables.ENGINE
              .evaluateDecision(DECISION, vars("handlingLevel", level))
              .getResultList();
      assertThat(results).as(level).hasSize(1);
      assertThat((Integer) results.get(0).get("maxAttempts")).as(level).isPositive();
      level = (String) results.get(0).get("nextLevel");
    }
    assertThat(climbed).containsExactlyElementsOf(Codes.LEVELS);
  }
}
