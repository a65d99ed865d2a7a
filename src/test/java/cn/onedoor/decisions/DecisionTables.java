package cn.onedoor.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLogicEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * Loads the decision tables of {@code decisions/} from the classpath (as the application deploys
 * them) into the standalone Camunda DMN engine, and records which rules matched so that a test can
 * name the rule it exercises.
 */
final class DecisionTables {

  private static final MatchRecorder RECORDER = new MatchRecorder();

  /**
   * The engine exactly as the application configures it (default FEEL), with a listener that
   * records matches.
   */
  static final DmnEngine PLAIN =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
          .customPostDecisionEvaluationListeners(List.of(RECORDER))
          .buildEngine();

  /**
   * The same engine with FEEL results memoised (see {@link CachingFeelEngine}); all tests use it,
   * so that sweeps over many combinations take seconds. {@code CachingFeelEngineTest} checks that
   * it agrees with {@link #PLAIN}.
   */
  static final DmnEngine ENGINE = memoisedEngine();

  private DecisionTables() {}

  private static DmnEngine memoisedEngine() {
    var realFeel = ((DefaultDmnEngineConfiguration) PLAIN.getConfiguration()).getFeelEngine();
    var memo = new CachingFeelEngine(realFeel);
    var configuration =
        (DefaultDmnEngineConfiguration)
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.setFeelEngineFactory(() -> memo);
    configuration.setCustomPostDecisionEvaluationListeners(List.of(RECORDER));
    return configuration.buildEngine();
  }

  /** The model of {@code decisions/<file>.dmn}, read afresh (callers may change it). */
  static DmnModelInstance model(String file) {
    try (InputStream in = open(file)) {
      return Dmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DmnDecision decision(DmnEngine engine, String file, String decisionKey) {
    return engine.parseDecision(decisionKey, model(file));
  }

  static InputStream open(String file) {
    InputStream in =
        DecisionTables.class.getClassLoader().getResourceAsStream("decisions/" + file + ".dmn");
    return Objects.requireNonNull(in, "decisions/" + file + ".dmn is not on the classpath");
  }

  /** The ids of the rules of one decision table, in table order. */
  static List<String> ruleIds(String file, String decisionKey) {
    return rules(model(file), decisionKey).stream().map(Rule::getId).toList();
  }

  static Collection<Rule> rules(DmnModelInstance model, String decisionKey) {
    Decision decision = model.getModelElementById(decisionKey);
    return ((DecisionTable) decision.getExpression()).getRules();
  }

  /**
   * Evaluates with {@link #ENGINE} and returns the result with the rules each evaluated table
   * matched.
   */
  static Evaluation evaluate(DmnDecision decision, Map<String, Object> variables) {
    DmnDecisionResult result = ENGINE.evaluateDecision(decision, variables);
    return new Evaluation(result, RECORDER.takeLast());
  }

  /**
   * Asserts one row of a per-rule test: the inputs match the named rule (and, for single-hit
   * tables, only that rule), and that rule yields the expected outputs.
   */
  static void assertRule(DmnDecision decision, RuleCase row, boolean singleHit) {
    Evaluation evaluation = evaluate(decision, row.inputs());
    List<DmnEvaluatedDecisionRule> matched = evaluation.matched(decision.getKey());
    List<String> matchedIds = matched.stream().map(DmnEvaluatedDecisionRule::getId).toList();
    if (singleHit) {
      assertThat(matchedIds).as("rules matched by %s", row.inputs()).containsExactly(row.ruleId());
    } else {
      assertThat(matchedIds).as("rules matched by %s", row.inputs()).contains(row.ruleId());
    }
    DmnEvaluatedDecisionRule rule = matched.get(matchedIds.indexOf(row.ruleId()));
    Map<String, Object> outputs = new LinkedHashMap<>();
    rule.getOutputEntries()
        .forEach((name, output) -> outputs.put(name, output.getValue().getValue()));
    assertThat(outputs).as("outputs of %s", row.ruleId()).containsOnlyKeys(row.expected().keySet());
    row.expected()
        .forEach(
            (name, expected) -> {
              if (expected instanceof Containing containing) {
                assertThat((String) outputs.get(name))
                    .as("%s of %s", name, row.ruleId())
                    .contains(containing.texts());
              } else {
                assertThat(outputs.get(name))
                    .as("%s of %s", name, row.ruleId())
                    .isEqualTo(expected);
              }
            });
  }

  /**
   * An expected text output that must contain these texts (for long Chinese texts such as a legal
   * basis).
   */
  record Containing(String... texts) {}

  /**
   * Variables for an evaluation; unlike {@link Map#of}, values may be null (a variable the intake
   * left empty).
   */
  static Map<String, Object> vars(Map<String, Object> base, Object... keysAndValues) {
    Map<String, Object> variables = new HashMap<>(base);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      variables.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return variables;
  }

  static Map<String, Object> vars(Object... keysAndValues) {
    return vars(Map.of(), keysAndValues);
  }

  /** One row of a per-rule test. */
  record RuleCase(String ruleId, Map<String, Object> inputs, Map<String, Object> expected) {
    @Override
    public String toString() {
      return ruleId;
    }
  }

  record Evaluation(
      DmnDecisionResult result, Map<String, List<DmnEvaluatedDecisionRule>> matchedByDecision) {
    List<DmnEvaluatedDecisionRule> matched(String decisionKey) {
      return matchedByDecision.getOrDefault(decisionKey, List.of());
    }
  }

  private static final class MatchRecorder implements DmnDecisionEvaluationListener {
    private final ThreadLocal<Map<String, List<DmnEvaluatedDecisionRule>>> last =
        ThreadLocal.withInitial(Map::of);

    @Override
    public void notify(DmnDecisionEvaluationEvent event) {
      Map<String, List<DmnEvaluatedDecisionRule>> matched = new HashMap<>();
      record(event.getDecisionResult(), matched);
      event.getRequiredDecisionResults().forEach(required -> record(required, matched));
      last.set(matched);
    }

    private static void record(
        DmnDecisionLogicEvaluationEvent event,
        Map<String, List<DmnEvaluatedDecisionRule>> matched) {
      if (event instanceof DmnDecisionTableEvaluationEvent table) {
        matched.put(table.getDecision().getKey(), List.copyOf(table.getMatchingRules()));
      }
    }

    Map<String, List<DmnEvaluatedDecisionRule>> takeLast() {
      Map<String, List<DmnEvaluatedDecisionRule>> matched = last.get();
      last.remove();
      return matched;
    }
  }

  /** Joins values for a readable assertion message. */
  static String describe(Map<String, Object> variables) {
    return variables.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", ", "{", "}"));
  }
}
