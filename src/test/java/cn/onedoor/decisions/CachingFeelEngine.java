package cn.onedoor.decisions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Test-only memo around the engine's own FEEL engine, so that the exhaustive tests can evaluate
 * every combination in seconds.
 *
 * <p>Camunda's Scala FEEL integration parses each cell on every evaluation (about a millisecond per
 * cell here, and channel-routing has hundreds), which would make a sweep over tens of thousands of
 * combinations take minutes. A FEEL expression is a pure function of its text and of the values of
 * the names it mentions, so the result is memoised under exactly that key: the text, the cell's
 * input value (for unary tests) and the value of every identifier in the text. Every first
 * occurrence is still evaluated by the real FEEL engine, and input expressions, rule matching and
 * hit policies are the DMN engine's own.
 */
final class CachingFeelEngine implements FeelEngine {

  private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final List<String> KEYWORDS = List.of("not", "null", "true", "false");

  private final FeelEngine delegate;
  private final Map<List<Object>, Optional<Object>> results = new ConcurrentHashMap<>();
  private final Map<String, List<String>> namesByExpression = new ConcurrentHashMap<>();

  CachingFeelEngine(FeelEngine delegate) {
    this.delegate = delegate;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T evaluateSimpleExpression(String expression, VariableContext context) {
    List<Object> key = key("expression", expression, null, context);
    return (T)
        results
            .computeIfAbsent(
                key,
                k -> Optional.ofNullable(delegate.evaluateSimpleExpression(expression, context)))
            .orElse(null);
  }

  @Override
  public boolean evaluateSimpleUnaryTests(
      String expression, String inputVariable, VariableContext context) {
    List<Object> key = key("unaryTests", expression, inputVariable, context);
    return (Boolean)
        results
            .computeIfAbsent(
                key,
                k ->
                    Optional.of(
                        delegate.evaluateSimpleUnaryTests(expression, inputVariable, context)))
            .orElseThrow();
  }

  private List<Object> key(
      String kind, String expression, String inputVariable, VariableContext context) {
    List<Object> key = new ArrayList<>();
    key.add(kind);
    key.add(expression);
    if (inputVariable != null) {
      addValue(key, context, inputVariable);
    }
    for (String name : namesByExpression.computeIfAbsent(expression, CachingFeelEngine::namesIn)) {
      addValue(key, context, name);
    }
    return key;
  }

  private static void addValue(List<Object> key, VariableContext context, String name) {
    TypedValue typed = context.containsVariable(name) ? context.resolve(name) : null;
    Object value = typed == null ? null : typed.getValue();
    key.add(name);
    key.add(value == null ? "<null>" : value.getClass());
    key.add(value == null ? "<null>" : value);
  }

  /**
   * Every identifier the expression mentions outside string literals: over-approximating is safe.
   */
  private static List<String> namesIn(String expression) {
    String withoutStrings = STRING_LITERAL.matcher(expression).replaceAll("\"\"");
    List<String> names = new ArrayList<>();
    Matcher matcher = IDENTIFIER.matcher(withoutStrings);
    while (matcher.find()) {
      String name = matcher.group();
      if (!KEYWORDS.contains(name) && !names.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }
}
