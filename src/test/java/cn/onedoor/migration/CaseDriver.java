package cn.onedoor.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * The shared helper of the migration test: puts a case at a wait state of a process (with the
 * variables of a real registered case, so every expression, form and delegate finds what it reads)
 * and drives every case to its end the way people and systems would: open tasks done with what
 * their form offers first, due jobs run, messages delivered, then the clock moved to the next
 * timer.
 */
final class CaseDriver {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProcessMigrationTest test;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;

  CaseDriver(
      ProcessMigrationTest test,
      RuntimeService runtimeService,
      TaskService taskService,
      ManagementService managementService) {
    this.test = test;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
  }

  /**
   * A case of {@code definition} waiting before {@code activityId}, with the variables a real case
   * had there ({@code seen}) under the code of a newly registered case, whose own instance goes.
   */
  String startAt(
      ProcessDefinition definition, String activityId, String caseCode, Map<String, Object> seen) {
    ProcessInstance registered =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(caseCode)
            .processDefinitionKey("dispute-case")
            .singleResult();
    runtimeService.deleteProcessInstance(
        registered.getId(), "moved to the migration test", true, true);
    Map<String, Object> variables = new HashMap<>(seen);
    variables.put("caseCode", caseCode);
    var instantiation =
        runtimeService
            .createProcessInstanceById(definition.getId())
            .businessKey(caseCode)
            .setVariables(variables)
            .startBeforeActivity(loopBody(definition, activityId));
    // inside a parallel split: its other branches too, or the case would wait at the join forever
    for (String branch :
        WaitStates.otherBranches(
            test.repositoryService.getBpmnModelInstance(definition.getId()), activityId)) {
      instantiation.startBeforeActivity(loopBody(definition, branch));
    }
    return instantiation.execute().getId();
  }

  /**
   * A step that repeats (multi-instance) is started as its whole loop, as the engine reaches it: an
   * inner instance started alone would lack the loop's own variables (escalation-ladder's {@code
   * rung}).
   */
  private String loopBody(ProcessDefinition definition, String activityId) {
    Object element =
        test.repositoryService
            .getBpmnModelInstance(definition.getId())
            .getModelElementById(activityId);
    return element instanceof org.camunda.bpm.model.bpmn.instance.Activity activity
            && activity.getLoopCharacteristics() != null
        ? activityId + "#multiInstanceBody"
        : activityId;
  }

  /**
   * Every running case to its end, each choice on a form taken as its {@code choice}-th option
   * (modulo their number); {@code watcher} sees the cases after every step. Fails naming where a
   * case is stuck.
   */
  void driveAllToTheirEnd(int choice, int maxSteps, Runnable watcher) {
    driveAllToTheirEnd(choice, maxSteps, watcher, false);
  }

  /**
   * As above; {@code lateWorkers}: every third step the clock first moves to the next timer, as if
   * nobody had worked the tasks in time (the overdue clocks, chase-ups and escalations).
   */
  void driveAllToTheirEnd(int choice, int maxSteps, Runnable watcher, boolean lateWorkers) {
    for (int step = 0; step < maxSteps; step++) {
      watcher.run();
      test.runDueJobs();
      watcher.run();
      if (runtimeService.createProcessInstanceQuery().count() == 0) {
        return;
      }
      if (lateWorkers && step % 3 == 2) {
        List<Job> next =
            managementService.createJobQuery().timers().orderByJobDuedate().asc().list();
        if (!next.isEmpty() && next.get(0).getDuedate() != null) {
          test.moveClock(
              next.get(0).getDuedate().toInstant().plusSeconds(60).atOffset(ZoneOffset.UTC));
          continue;
        }
      }
      List<Task> tasks = taskService.createTaskQuery().orderByTaskCreateTime().asc().list();
      if (!tasks.isEmpty()) {
        Task task = tasks.get(0);
        taskService.complete(task.getId(), formAnswers(task, choice));
        continue;
      }
      List<EventSubscription> messages =
          runtimeService.createEventSubscriptionQuery().eventType("message").list();
      if (!messages.isEmpty()) {
        EventSubscription message =
            messages.stream()
                .min(
                    java.util.Comparator.comparingInt(m -> CourtAndLegalAid.rank(m.getEventName())))
                .orElseThrow();
        runtimeService.messageEventReceived(
            message.getEventName(),
            message.getExecutionId(),
            CourtAndLegalAid.answer(message.getEventName(), test.countyToday()));
        continue;
      }
      List<EventSubscription> signals =
          runtimeService.createEventSubscriptionQuery().eventType("signal").list();
      if (!signals.isEmpty()) {
        runtimeService.signalEventReceived(
            signals.get(0).getEventName(), signals.get(0).getExecutionId());
        continue;
      }
      List<Job> timers =
          managementService.createJobQuery().timers().orderByJobDuedate().asc().list();
      if (!timers.isEmpty() && timers.get(0).getDuedate() != null) {
        test.moveClock(
            timers.get(0).getDuedate().toInstant().plusSeconds(60).atOffset(ZoneOffset.UTC));
        continue;
      }
      throw new AssertionError("cases stuck: " + where());
    }
    throw new AssertionError(
        "cases do not end within " + maxSteps + " steps (a loop taken every time?): " + where());
  }

  private List<String> where() {
    return runtimeService.createProcessInstanceQuery().list().stream()
        .map(p -> p.getProcessDefinitionId() + "@" + runtimeService.getActiveActivityIds(p.getId()))
        .toList();
  }

  /** What a person would enter: each field's default, else its first option, else a plain value. */
  private Map<String, Object> formAnswers(Task task, int choice) {
    Map<String, Object> answers = new HashMap<>();
    UserTask element =
        test.repositoryService
            .getBpmnModelInstance(task.getProcessDefinitionId())
            .getModelElementById(task.getTaskDefinitionKey());
    String formRef = element.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
    if (formRef == null) {
      return answers;
    }
    Path form = Path.of("forms", formRef + ".form");
    if (!Files.exists(form)) {
      return answers;
    }
    try {
      fill(JSON.readTree(form.toFile()).path("components"), answers, choice);
    } catch (IOException unreadable) {
      throw new AssertionError("form " + form + " unreadable", unreadable);
    }
    return answers;
  }

  private static void fill(JsonNode components, Map<String, Object> answers, int choice) {
    for (JsonNode c : components) {
      fill(c.path("components"), answers, choice);
      String key = c.path("key").asText(null);
      if (key == null
          || c.path("disabled").asBoolean(false)
          || c.path("readonly").asBoolean(false)) {
        continue;
      }
      String type = c.path("type").asText();
      JsonNode values = c.has("valuesExpression") ? optionsOf(c) : c.path("values");
      int options = values.size();
      JsonNode firstValue = values.path(options == 0 ? 0 : choice % options).path("value");
      Object value =
          switch (type) {
            case "select", "radio" ->
                c.has("defaultValue")
                    ? typed(c.get("defaultValue"))
                    : firstValue.isMissingNode() ? null : typed(firstValue);
            case "checkbox" -> c.has("defaultValue") ? c.get("defaultValue").asBoolean() : true;
            case "checklist", "taglist" ->
                firstValue.isMissingNode() ? List.of() : List.of(firstValue.asText());
            case "number" -> c.has("defaultValue") ? c.get("defaultValue").asLong() : 1L;
            case "datetime" -> "2026-03-10";
            case "textfield", "textarea" ->
                c.has("defaultValue") ? c.get("defaultValue").asText() : "迁移测试";
            default -> null;
          };
      if (value != null) {
        answers.put(key, value);
      }
    }
  }

  /**
   * An option's value as the form submits it: a boolean or number stays one (gateways read it so).
   */
  private static Object typed(JsonNode value) {
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    if (value.isIntegralNumber()) {
      return value.asLong();
    }
    return value.asText();
  }

  private static final java.util.regex.Pattern FEEL_OPTION =
      java.util.regex.Pattern.compile("value: \"([^\"]*)\"");

  /**
   * The options of a field whose list a FEEL expression gives ({@code valuesExpression}, e.g.
   * inform-routes: labour cases see other routes): every value it names, once, in order.
   */
  private static JsonNode optionsOf(JsonNode component) {
    var options = JSON.createArrayNode();
    java.util.Set<String> named = new java.util.LinkedHashSet<>();
    var found = FEEL_OPTION.matcher(component.path("valuesExpression").asText());
    while (found.find()) {
      named.add(found.group(1));
    }
    named.forEach(value -> options.addObject().put("value", value));
    return options;
  }
}
