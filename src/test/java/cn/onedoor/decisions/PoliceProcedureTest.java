package cn.onedoor.decisions;

import static cn.onedoor.decisions.DecisionTables.vars;
import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.decisions.DecisionTables.RuleCase;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * police-procedure.dmn: UNIQUE over 人民调解法 art 25 (transfer), 刑诉法 arts 288–290 (no mediation of a
 * public-prosecution crime) and the exclusions of 治安调解 (治安管理处罚法, 2025 修订).
 */
class PoliceProcedureTest {

  private static final String FILE = "police-procedure";
  private static final DmnDecision DECISION =
      DecisionTables.decision(DecisionTables.ENGINE, FILE, FILE);
  private static final String[] FLAGS = {
    "crimeSuspected", "violence", "hiredViolence", "gangFight", "provocation", "repeatOffence"
  };

  static Stream<RuleCase> rules() {
    return Stream.of(
        transfer("Rule_PP_MinorCrime", "MINOR_CRIME", null, "MINOR_CRIME"),
        transfer("Rule_PP_CrimeSuspected", "NEIGHBOUR", "crimeSuspected", "SUSPECTED_CRIME"),
        transfer("Rule_PP_Violence", "PUBLIC_SECURITY", "violence", "VIOLENCE"),
        transfer(
            "Rule_PP_HiredViolence", "PUBLIC_SECURITY", "hiredViolence", "EXCLUDED_PUBLIC_ORDER"),
        transfer("Rule_PP_GangFight", "PUBLIC_SECURITY", "gangFight", "EXCLUDED_PUBLIC_ORDER"),
        transfer("Rule_PP_Provocation", "PUBLIC_SECURITY", "provocation", "EXCLUDED_PUBLIC_ORDER"),
        transfer(
            "Rule_PP_RepeatOffence", "PUBLIC_SECURITY", "repeatOffence", "EXCLUDED_PUBLIC_ORDER"),
        new RuleCase(
            "Rule_PP_PublicSecurityMediation",
            facts("PUBLIC_SECURITY", null),
            Map.of(
                "procedure",
                "PUBLIC_SECURITY_MEDIATION",
                "transferReason",
                "",
                "secondSessionPeriod",
                "P7D",
                "secondSessionUnit",
                "WORKING")));
  }

  private static RuleCase transfer(String ruleId, String disputeType, String flag, String reason) {
    return new RuleCase(
        ruleId,
        facts(disputeType, flag),
        Map.of(
            "procedure",
            "TRANSFER",
            "transferReason",
            reason,
            "secondSessionPeriod",
            "",
            "secondSessionUnit",
            ""));
  }

  /** A dispute of this type with only this flag set (none: null). */
  private static Map<String, Object> facts(String disputeType, String flag) {
    Map<String, Object> facts = vars("disputeType", disputeType);
    for (String name : FLAGS) {
      facts.put(name, name.equals(flag));
    }
    return facts;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void eachRuleSendsTheCaseToItsProcedure(RuleCase row) {
    DecisionTables.assertRule(DECISION, row, true);
  }

  @Test
  void everyRuleHasARow() {
    assertThat(rules().map(RuleCase::ruleId))
        .containsExactlyInAnyOrderElementsOf(DecisionTables.ruleIds(FILE, FILE));
  }

  /**
   * Every combination of the flags, for every dispute type, matches exactly one rule; a minor
   * crime, a suspected crime, violence or one of the four exclusions is never mediated by the
   * police.
   */
  @Test
  void everyCombinationMatchesOneRuleAndOnlyACleanPublicOrderCaseIsMediated() {
    for (String type : Codes.DISPUTE_TYPES) {
      for (int bits = 0; bits < (1 << FLAGS.length); bits++) {
        Map<String, Object> facts = vars("disputeType", type);
        for (int i = 0; i < FLAGS.length; i++) {
          facts.put(FLAGS[i], (bits & (1 << i)) != 0);
        }
        var evaluation = DecisionTables.evaluate(DECISION, facts);
        assertThat(evaluation.matched(FILE)).as("%s", facts).hasSize(1);
        String procedure = evaluation.result().getSingleResult().getEntry("procedure");
        boolean mediable = bits == 0 && !"MINOR_CRIME".equals(type);
        assertThat(procedure)
            .as("%s", facts)
            .isEqualTo(mediable ? "PUBLIC_SECURITY_MEDIATION" : "TRANSFER");
      }
    }
  }
}
