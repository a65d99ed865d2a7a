package cn.onedoor.designer;

import cn.onedoor.identity.SystemUser;
import cn.onedoor.supervision.SupervisionNames;
import cn.onedoor.web.InvalidParam;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InformationRequirement;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * What a changed decision table would have decided for the cases already routed: the uploaded DMN
 * is parsed and evaluated by a standalone DMN engine (nothing is deployed, nothing is written),
 * once for each past evaluation of the same decision recorded in history (history level {@code
 * full} keeps every decision instance with its inputs and outputs), and its outputs are compared
 * with the ones the deployed table gave then.
 *
 * <p>The inputs of a past evaluation are read back by variable name: each recorded input clause is
 * looked up in the model that was deployed then, and when its input expression is a plain variable
 * name ({@code disputeType}) that is the variable the new table gets. Inputs of required decisions
 * (channel-routing requires joint-handling and handling-level) are recorded as decision instances
 * of their own under the same root and are merged in. A new table that reads a variable no past
 * evaluation recorded cannot be answered honestly and is refused, naming the variable.
 *
 * <p>Designers read no case data (docs/who-sees-what.md): the answer names each case by its code
 * and shows only the table's outputs (channel, level, periods …), which are routing data; the
 * inputs (dispute type, amounts, parties' flags) are read to evaluate and never returned.
 */
@Service
public class DecisionWhatIf {

  static final int DEFAULT_LIMIT = 5_000;
  static final int MAX_LIMIT = 20_000;

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final String CHANNEL = "channel";

  /** One past evaluation whose outcome would change. */
  public record Change(
      String caseCode,
      Instant evaluatedAt,
      List<Map<String, Object>> before,
      List<Map<String, Object>> after,
      List<String> changedOutputs,
      String channelBefore,
      String channelAfter) {}

  /**
   * A past evaluation the new table could not evaluate (e.g. two rules of a UNIQUE table match).
   */
  public record Failure(String caseCode, Instant evaluatedAt, String reason) {}

  /** Per channel: how many evaluations were routed there, would be, and how many move. */
  public record ChannelCount(
      String channel, String name, int before, int after, int movedIn, int movedOut) {}

  public record Answer(
      String decision,
      String decisionName,
      int evaluations,
      int cases,
      int changedEvaluations,
      int changedCases,
      boolean truncated,
      List<Change> changes,
      List<ChannelCount> byChannel,
      List<Failure> failures) {}

  private final HistoryService historyService;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;

  /**
   * A DMN engine of its own, configured like the process engine's (defaults: FEEL) but without its
   * history listeners, so evaluating here records nothing.
   */
  private final DmnEngine dmnEngine =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  /** Input clause id → variable name, per deployed decision definition (they never change). */
  private final Map<String, Map<String, String>> deployedInputNames = new ConcurrentHashMap<>();

  DecisionWhatIf(
      HistoryService historyService,
      RepositoryService repositoryService,
      IdentityService identityService) {
    this.historyService = historyService;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
  }

  public Answer evaluate(byte[] dmn, String decisionKey, int limit) {
    DmnModelInstance model = parse(dmn);
    Decision decision = chosen(model, decisionKey);
    Collection<Decision> closure = withRequired(decision);
    checkEntries(closure);
    DmnDecision parsed = executable(model, decision.getId());
    return SystemUser.call(identityService, () -> replay(decision, closure, parsed, limit));
  }

  // ---- the uploaded file ----

  private DmnModelInstance parse(byte[] dmn) {
    if (dmn == null || dmn.length == 0) {
      throw WhatIfProblem.badFile("未上传决策表", "请求体为空，应为 DMN 文件（XML）", "file");
    }
    try {
      return Dmn.readModelFromStream(new ByteArrayInputStream(dmn));
    } catch (RuntimeException e) {
      throw WhatIfProblem.badFile("决策表无法解析", "DMN 文件无法解析：" + causes(e), "file");
    }
  }

  private DmnDecision executable(DmnModelInstance model, String id) {
    try {
      return dmnEngine.parseDecision(id, model);
    } catch (RuntimeException e) {
      throw WhatIfProblem.badFile("决策表无法解析", "决策 " + id + " 无法解析：" + causes(e), "file");
    }
  }

  private static Decision chosen(DmnModelInstance model, String decisionKey) {
    Collection<Decision> decisions = model.getModelElementsByType(Decision.class);
    if (decisionKey != null && !decisionKey.isBlank()) {
      return decisions.stream()
          .filter(d -> decisionKey.equals(d.getId()))
          .findFirst()
          .orElseThrow(
              () ->
                  new WhatIfProblem(
                      HttpStatus.BAD_REQUEST,
                      "文件中没有该决策",
                      "上传的文件中没有 id 为 " + decisionKey + " 的决策",
                      List.of(new InvalidParam("decision", "文件中没有决策 " + decisionKey))));
    }
    Set<String> required = new HashSet<>();
    for (Decision d : decisions) {
      for (InformationRequirement requirement : d.getInformationRequirements()) {
        if (requirement.getRequiredDecision() != null) {
          required.add(requirement.getRequiredDecision().getId());
        }
      }
    }
    List<Decision> roots = decisions.stream().filter(d -> !required.contains(d.getId())).toList();
    if (roots.size() == 1) {
      return roots.get(0);
    }
    String ids = String.join("、", roots.stream().map(Decision::getId).toList());
    throw new WhatIfProblem(
        HttpStatus.BAD_REQUEST,
        "请指定要推演的决策",
        roots.isEmpty() ? "文件中没有决策" : "文件中有多个决策（" + ids + "），请用 decision 参数指定一个",
        List.of(new InvalidParam("decision", roots.isEmpty() ? "文件中没有决策" : "可选：" + ids)));
  }

  /** The decision and every decision it requires, in the order the engine evaluates them. */
  private static Collection<Decision> withRequired(Decision decision) {
    Map<String, Decision> found = new LinkedHashMap<>();
    collect(decision, found);
    return found.values();
  }

  private static void collect(Decision decision, Map<String, Decision> found) {
    for (InformationRequirement requirement : decision.getInformationRequirements()) {
      Decision required = requirement.getRequiredDecision();
      if (required != null && !found.containsKey(required.getId())) {
        collect(required, found);
      }
    }
    found.putIfAbsent(decision.getId(), decision);
  }

  /**
   * Every rule's cells, compiled once before any case: a cell that is not valid FEEL is named by
   * its decision, rule and column, which the engine's own message (it fails only when it reaches
   * the cell) does not do.
   */
  private void checkEntries(Collection<Decision> decisions) {
    var configuration = (DefaultDmnEngineConfiguration) dmnEngine.getConfiguration();
    FeelEngine feel = configuration.getFeelEngine();
    boolean outputsInFeel = isFeel(configuration.getDefaultOutputEntryExpressionLanguage());
    for (Decision decision : decisions) {
      if (!(decision.getExpression() instanceof DecisionTable table)) {
        continue;
      }
      List<Input> inputs = new ArrayList<>(table.getInputs());
      List<Output> outputs = new ArrayList<>(table.getOutputs());
      int number = 0;
      for (Rule rule : table.getRules()) {
        number++;
        int column = 0;
        for (InputEntry entry : rule.getInputEntries()) {
          String text = text(entry.getText());
          String label =
              column < inputs.size() ? label(inputs.get(column)) : "第" + (column + 1) + "列";
          column++;
          if (text.isBlank() || text.equals("-") || !isFeel(entry.getExpressionLanguage())) {
            continue;
          }
          VariableMap context = Variables.createVariables().putValue("cellInput", null);
          try {
            feel.evaluateSimpleUnaryTests(text, "cellInput", context.asVariableContext());
          } catch (FeelException e) {
            if (unparsable(e)) {
              throw badRule(decision, rule, number, "条件“" + label + "”", text, e);
            }
          }
        }
        column = 0;
        for (OutputEntry entry : rule.getOutputEntries()) {
          String text = text(entry.getText());
          String label =
              column < outputs.size() ? label(outputs.get(column)) : "第" + (column + 1) + "列";
          column++;
          String language = entry.getExpressionLanguage();
          if (text.isBlank() || !(language == null ? outputsInFeel : isFeel(language))) {
            continue;
          }
          try {
            feel.evaluateSimpleExpression(text, Variables.createVariables().asVariableContext());
          } catch (FeelException e) {
            if (unparsable(e)) {
              throw badRule(decision, rule, number, "结果“" + label + "”", text, e);
            }
          }
        }
      }
    }
  }

  private static WhatIfProblem badRule(
      Decision decision, Rule rule, int number, String cell, String text, Exception e) {
    String where = decision.getId() + "/" + rule.getId();
    String reason =
        "决策“"
            + (decision.getName() == null ? decision.getId() : decision.getName())
            + "”第 "
            + number
            + " 条规则（"
            + rule.getId()
            + "）的"
            + cell
            + "不是有效的 FEEL：“"
            + text
            + "”（"
            + e.getMessage()
            + "）";
    return new WhatIfProblem(
        HttpStatus.BAD_REQUEST,
        "决策表规则有误：" + rule.getId(),
        reason,
        List.of(new InvalidParam(where, reason)));
  }

  private static boolean unparsable(FeelException e) {
    String message = String.valueOf(e.getMessage());
    return message.contains("failed to parse") || message.contains("Failed to parse");
  }

  private static boolean isFeel(String language) {
    return language == null || language.toLowerCase().contains("feel");
  }

  // ---- the past ----

  private Answer replay(
      Decision decision, Collection<Decision> closure, DmnDecision parsed, int limit) {
    List<HistoricDecisionInstance> roots =
        historyService
            .createHistoricDecisionInstanceQuery()
            .decisionDefinitionKey(decision.getId())
            .includeInputs()
            .includeOutputs()
            .orderByEvaluationTime()
            .desc()
            .listPage(0, limit + 1);
    boolean truncated = roots.size() > limit;
    List<HistoricDecisionInstance> pastCases =
        roots.stream()
            .limit(limit)
            .filter(
                root ->
                    root.getRootDecisionInstanceId() == null
                        || root.getRootDecisionInstanceId().equals(root.getId()))
            .filter(root -> root.getProcessInstanceId() != null)
            .toList();
    if (pastCases.isEmpty()) {
      throw new WhatIfProblem(
          HttpStatus.UNPROCESSABLE_ENTITY,
          "没有可推演的历史案件",
          "历史记录中没有案件评估过决策 " + decision.getId() + "，无法推演；请确认决策 id 与已部署的一致",
          List.of(new InvalidParam("decision", "历史中没有决策 " + decision.getId() + " 的评估记录")));
    }
    Map<String, Map<String, Object>> variables = variablesOf(pastCases);
    checkInputsRecorded(closure, variables.values());
    Map<String, String> caseCodes = caseCodes(pastCases);

    List<Change> changes = new ArrayList<>();
    List<Failure> failures = new ArrayList<>();
    Map<String, int[]> channels = new TreeMap<>();
    Set<String> cases = new HashSet<>();
    Set<String> changedCases = new HashSet<>();
    for (HistoricDecisionInstance past : pastCases) {
      String caseCode = caseCodes.get(past.getProcessInstanceId());
      cases.add(caseCode);
      Instant at = instant(past.getEvaluationTime());
      Map<String, Object> inputs = variables.get(past.getId());
      List<Map<String, Object>> before = outputsOf(past);
      List<Map<String, Object>> after;
      try {
        after =
            dmnEngine.evaluateDecision(parsed, Variables.fromMap(inputs)).getResultList().stream()
                .map(DecisionWhatIf::plain)
                .toList();
      } catch (FeelException e) {
        if (unparsable(e)) {
          // an input expression (a column's header), which the cell check does not compile
          throw WhatIfProblem.badFile(
              "决策表无法求值", "决策 " + decision.getId() + " 的表达式不是有效的 FEEL：" + causes(e), "file");
        }
        failures.add(new Failure(caseCode, at, causes(e)));
        changedCases.add(caseCode);
        continue;
      } catch (DmnEngineException e) {
        failures.add(new Failure(caseCode, at, causes(e)));
        changedCases.add(caseCode);
        continue;
      }
      String channelBefore = channel(before, inputs);
      String channelAfter = channel(after, inputs);
      count(channels, channelBefore, 0);
      count(channels, channelAfter, 1);
      List<String> changed = changedOutputs(before, after);
      if (!changed.isEmpty()) {
        changedCases.add(caseCode);
        changes.add(new Change(caseCode, at, before, after, changed, channelBefore, channelAfter));
        if (!Objects.equals(channelBefore, channelAfter)) {
          count(channels, channelAfter, 2);
          count(channels, channelBefore, 3);
        }
      }
    }
    List<ChannelCount> byChannel =
        channels.entrySet().stream()
            .filter(e -> e.getKey() != null && !e.getKey().isEmpty())
            .map(
                e ->
                    new ChannelCount(
                        e.getKey(),
                        SupervisionNames.channelName(e.getKey()),
                        e.getValue()[0],
                        e.getValue()[1],
                        e.getValue()[2],
                        e.getValue()[3]))
            .sorted(Comparator.comparingInt(ChannelCount::before).reversed())
            .toList();
    return new Answer(
        decision.getId(),
        decision.getName(),
        pastCases.size(),
        cases.size(),
        changes.size() + failures.size(),
        changedCases.size(),
        truncated,
        changes,
        byChannel,
        failures);
  }

  /**
   * Each past evaluation's variables: its own inputs and those of the decisions it required (same
   * root, recorded at the same moment), by variable name.
   */
  private Map<String, Map<String, Object>> variablesOf(List<HistoricDecisionInstance> roots) {
    Map<String, Map<String, Object>> byRoot = new HashMap<>();
    Map<String, String> requirementsKeys = new HashMap<>();
    for (HistoricDecisionInstance root : roots) {
      byRoot.put(root.getId(), new HashMap<>());
      if (root.getDecisionRequirementsDefinitionKey() != null) {
        requirementsKeys.put(root.getId(), root.getDecisionRequirementsDefinitionKey());
      }
    }
    for (String requirementsKey : new HashSet<>(requirementsKeys.values())) {
      Date oldest = null;
      Date newest = null;
      for (HistoricDecisionInstance root : roots) {
        if (requirementsKey.equals(requirementsKeys.get(root.getId()))) {
          Date at = root.getEvaluationTime();
          oldest = oldest == null || at.before(oldest) ? at : oldest;
          newest = newest == null || at.after(newest) ? at : newest;
        }
      }
      List<HistoricDecisionInstance> required =
          historyService
              .createHistoricDecisionInstanceQuery()
              .decisionRequirementsDefinitionKey(requirementsKey)
              .evaluatedAfter(new Date(oldest.getTime() - 1_000))
              .evaluatedBefore(new Date(newest.getTime() + 1_000))
              .includeInputs()
              .includeOutputs()
              .list();
      for (HistoricDecisionInstance instance : required) {
        Map<String, Object> into = byRoot.get(instance.getRootDecisionInstanceId());
        if (into != null && !byRoot.containsKey(instance.getId())) {
          addInputs(instance, into);
          for (HistoricDecisionOutputInstance output : instance.getOutputs()) {
            if (output.getVariableName() != null) {
              into.putIfAbsent(output.getVariableName(), output.getValue());
            }
          }
        }
      }
    }
    // the root's own inputs last, so they win over a required decision's output of the same name
    for (HistoricDecisionInstance root : roots) {
      addInputs(root, byRoot.get(root.getId()));
    }
    return byRoot;
  }

  private void addInputs(HistoricDecisionInstance instance, Map<String, Object> into) {
    Map<String, String> names =
        deployedInputNames.computeIfAbsent(
            instance.getDecisionDefinitionId(), this::inputNamesOfDeployed);
    for (HistoricDecisionInputInstance input : instance.getInputs()) {
      String name = names.get(input.getClauseId());
      if (name != null) {
        into.put(name, input.getValue());
      }
    }
  }

  private Map<String, String> inputNamesOfDeployed(String decisionDefinitionId) {
    Map<String, String> names = new HashMap<>();
    try (InputStream resource = repositoryService.getDecisionModel(decisionDefinitionId)) {
      DmnModelInstance deployed = Dmn.readModelFromStream(resource);
      for (Input input : deployed.getModelElementsByType(Input.class)) {
        String name = variableName(input);
        if (name != null) {
          names.put(input.getId(), name);
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return names;
  }

  /** The variable an input reads, when its expression is just a name; null otherwise. */
  private static String variableName(Input input) {
    if (input.getInputExpression() == null) {
      return null;
    }
    String text = text(input.getInputExpression().getText());
    return NAME.matcher(text).matches() ? text : null;
  }

  /**
   * Refuses a table that reads a variable no past evaluation recorded: its answer would be made up.
   * A variable produced by a required decision of the new file is not needed from history.
   */
  private static void checkInputsRecorded(
      Collection<Decision> closure, Collection<Map<String, Object>> recorded) {
    Set<String> produced = new HashSet<>();
    for (Decision decision : closure) {
      if (decision.getExpression() instanceof DecisionTable table) {
        table.getOutputs().forEach(output -> produced.add(output.getName()));
      } else if (decision.getExpression() instanceof LiteralExpression) {
        if (decision.getVariable() != null) {
          produced.add(decision.getVariable().getName());
        }
      }
    }
    Set<String> known = new HashSet<>();
    recorded.forEach(variables -> known.addAll(variables.keySet()));
    Map<String, String> missing = new LinkedHashMap<>();
    for (Decision decision : closure) {
      if (decision.getExpression() instanceof DecisionTable table) {
        for (Input input : table.getInputs()) {
          String name = variableName(input);
          if (name != null && !produced.contains(name) && !known.contains(name)) {
            missing.putIfAbsent(name, label(input));
          }
        }
      }
    }
    if (!missing.isEmpty()) {
      List<InvalidParam> params =
          missing.entrySet().stream()
              .map(
                  e ->
                      new InvalidParam(
                          "input:" + e.getKey(),
                          "历史记录中没有输入 " + e.getKey() + "（" + e.getValue() + "），过去的案件无法按新表推演"))
              .toList();
      throw new WhatIfProblem(
          HttpStatus.UNPROCESSABLE_ENTITY,
          "历史记录缺少新决策表的输入",
          "过去的评估记录中没有这些输入：" + String.join("、", missing.keySet()),
          params);
    }
  }

  private Map<String, String> caseCodes(List<HistoricDecisionInstance> pastCases) {
    List<String> ids =
        pastCases.stream().map(HistoricDecisionInstance::getProcessInstanceId).distinct().toList();
    Map<String, String> codes = new HashMap<>();
    for (int from = 0; from < ids.size(); from += 500) {
      Set<String> chunk = new LinkedHashSet<>(ids.subList(from, Math.min(ids.size(), from + 500)));
      for (HistoricProcessInstance instance :
          historyService.createHistoricProcessInstanceQuery().processInstanceIds(chunk).list()) {
        codes.put(instance.getId(), instance.getBusinessKey());
      }
    }
    return codes;
  }

  // ---- comparing ----

  /** The outputs a past evaluation recorded, one map per matched rule in rule order. */
  private static List<Map<String, Object>> outputsOf(HistoricDecisionInstance past) {
    Map<Integer, Map<String, Object>> byRule = new TreeMap<>();
    for (HistoricDecisionOutputInstance output : past.getOutputs()) {
      int order = output.getRuleOrder() == null ? 0 : output.getRuleOrder();
      byRule
          .computeIfAbsent(order, o -> new LinkedHashMap<>())
          .put(
              output.getVariableName() == null ? output.getClauseId() : output.getVariableName(),
              output.getValue());
    }
    return new ArrayList<>(byRule.values());
  }

  private static Map<String, Object> plain(Map<String, Object> entries) {
    return new LinkedHashMap<>(entries);
  }

  /**
   * The outputs whose value differs (by name), or {@code result} when the matches differ in number.
   */
  private static List<String> changedOutputs(
      List<Map<String, Object>> before, List<Map<String, Object>> after) {
    if (before.size() != after.size()) {
      return List.of("result");
    }
    Set<String> changed = new LinkedHashSet<>();
    for (int i = 0; i < before.size(); i++) {
      Set<String> names = new LinkedHashSet<>(before.get(i).keySet());
      names.addAll(after.get(i).keySet());
      for (String name : names) {
        if (!same(before.get(i).get(name), after.get(i).get(name))) {
          changed.add(name);
        }
      }
    }
    return new ArrayList<>(changed);
  }

  /** Equal as a table would mean them: 30 (Integer) and 30 (Long) are the same number. */
  private static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
    }
    return Objects.equals(a, b);
  }

  private static String channel(List<Map<String, Object>> results, Map<String, Object> inputs) {
    if (!results.isEmpty() && results.get(0).get(CHANNEL) != null) {
      return results.get(0).get(CHANNEL).toString();
    }
    Object input = inputs.get(CHANNEL);
    return input == null ? null : input.toString();
  }

  private static void count(Map<String, int[]> channels, String channel, int column) {
    if (channel != null) {
      channels.computeIfAbsent(channel, c -> new int[4])[column]++;
    }
  }

  // ---- small things ----

  private static String text(org.camunda.bpm.model.dmn.instance.Text text) {
    return text == null || text.getTextContent() == null ? "" : text.getTextContent().trim();
  }

  private static String label(Input input) {
    return input.getLabel() != null ? input.getLabel() : input.getId();
  }

  private static String label(Output output) {
    return output.getLabel() != null ? output.getLabel() : output.getName();
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  /**
   * The messages of an exception and its causes, each once: the XML parser's names line and column.
   */
  static String causes(Throwable e) {
    Set<String> messages = new LinkedHashSet<>();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        messages.add(t.getMessage().trim());
      }
    }
    return String.join("；", messages);
  }
}
