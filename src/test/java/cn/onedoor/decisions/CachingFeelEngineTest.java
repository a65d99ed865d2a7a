package cn.onedoor.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.decisions.DecisionTables.RuleCase;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/** The memo the decision tests run on must not change a single result. */
class CachingFeelEngineTest {

  @Test
  void aCellIsRememberedPerValueOfEveryNameItMentions() {
    var feel =
        new CachingFeelEngine(
            ((DefaultDmnEngineConfiguration) DecisionTables.PLAIN.getConfiguration())
                .getFeelEngine());
    var poor =
        Variables.createVariables()
            .putValue("cellInput", 1_000.0)
            .putValue("hardshipLine", 1_500.0);
    var richer =
        Variables.createVariables().putValue("cellInput", 1_000.0).putValue("hardshipLine", 900.0);
    assertThat(
            feel.evaluateSimpleUnaryTests("<= hardshipLine", "cellInput", poor.asVariableContext()))
        .isTrue();
    assertThat(
            feel.evaluateSimpleUnaryTests(
                "<= hardshipLine", "cellInput", richer.asVariableContext()))
        .isFalse();
    assertThat(
            feel.evaluateSimpleUnaryTests("<= hardshipLine", "cellInput", poor.asVariableContext()))
        .isTrue();

    var joint = Variables.createVariables().putValue("jointHandling", true);
    var alone = Variables.createVariables().putValue("jointHandling", false);
    assertThat((Object) feel.evaluateSimpleExpression("jointHandling", joint.asVariableContext()))
        .isEqualTo(true);
    assertThat((Object) feel.evaluateSimpleExpression("jointHandling", alone.asVariableContext()))
        .isEqualTo(false);
    assertThat(
            (Object)
                feel.evaluateSimpleExpression("\"not jointHandling\"", alone.asVariableContext()))
        .isEqualTo("not jointHandling");
  }

  @Test
  void theMemoisedEngineAgreesWithThePlainEngine() {
    check("legal-aid-eligibility", "legal-aid-eligibility", LegalAidEligibilityTest.rules());
    check("channel-routing", "channel-routing", ChannelRoutingTest.routingRules().filter(every(6)));
  }

  private static void check(String file, String key, Stream<RuleCase> rows) {
    DmnDecision plain = DecisionTables.decision(DecisionTables.PLAIN, file, key);
    DmnDecision memoised = DecisionTables.decision(DecisionTables.ENGINE, file, key);
    rows.forEach(
        row -> {
          List<?> expected =
              DecisionTables.PLAIN.evaluateDecision(plain, row.inputs()).getResultList();
          List<?> actual =
              DecisionTables.ENGINE.evaluateDecision(memoised, row.inputs()).getResultList();
          assertThat(actual).as(row.ruleId()).isEqualTo(expected);
        });
  }

  private static Predicate<RuleCase> every(int n) {
    int[] i = {0};
    return row -> i[0]++ % n == 0;
  }
}
