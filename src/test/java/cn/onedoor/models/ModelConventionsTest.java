package cn.onedoor.models;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.casefile.ProcessModels;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a process designer must keep true when changing a diagram in Camunda Modeler; `./mvnw
 * verify` names the element that broke a convention. The models are read from the top-level
 * folders, as the designer saved them, and from the simulation's own folders ({@link ModelFiles}).
 */
class ModelConventionsTest {

  private static final Pattern NAMED_ID =
      Pattern.compile(
          "(StartEvent|EndEvent|Task|ServiceTask|BusinessRuleTask|ReceiveTask|CallActivity|Gateway|Flow|BoundaryEvent|MessageEvent"
              + "|TimerEvent|SubProcess)_[A-Z][A-Za-z0-9]+");
  private static final Pattern MODELER_ID = Pattern.compile(".*_[0-9a-z]{7}");

  /** The joint between a flow's source and target in Flow_SourceToTarget; a second one stutters. */
  private static final Pattern TO_JOINT = Pattern.compile("To(?=[A-Z])");

  private static final Map<String, BpmnModelInstance> PROCESSES = new HashMap<>();
  private static final Map<String, JsonNode> FORMS = new HashMap<>();
  private static final Set<String> DECISIONS = new HashSet<>();

  @BeforeAll
  static void readModels() throws IOException {
    for (Path file : ModelFiles.processes()) {
      PROCESSES.put(
          file.getFileName().toString().replace(".bpmn", ""),
          Bpmn.readModelFromFile(file.toFile()));
    }
    for (Path file : ModelFiles.forms()) {
      FORMS.put(
          file.getFileName().toString().replace(".form", ""),
          new ObjectMapper().readTree(file.toFile()));
    }
    for (Path file : ModelFiles.decisions()) {
      Dmn.readModelFromFile(file.toFile())
          .getModelElementsByType(Decision.class)
          .forEach(decision -> DECISIONS.add(decision.getId()));
    }
    assertThat(PROCESSES).containsKey(ProcessModels.DISPUTE_CASE);
  }

  @Test
  void eachFileHoldsTheProcessItIsNamedAfterWithATimeToLive() {
    PROCESSES.forEach(
        (file, model) -> {
          List<Process> processes = new ArrayList<>(model.getModelElementsByType(Process.class));
          assertThat(processes).as(file).hasSize(1);
          assertThat(processes.get(0).getId())
              .as("process id in " + file + ".bpmn")
              .isEqualTo(file);
          assertThat(processes.get(0).isExecutable()).as(file + " executable").isTrue();
          assertThat(processes.get(0).getCamundaHistoryTimeToLiveString())
              .as(file + " historyTimeToLive")
              .isNotBlank();
        });
  }

  @Test
  void idsExplainThemselves() {
    forEachElement(
        FlowElement.class,
        (file, element) -> {
          assertThat(element.getId()).as(file + ": id of " + element.getName()).matches(NAMED_ID);
          assertThat(element.getId()).as(file + ": Modeler-generated id").doesNotMatch(MODELER_ID);
        });
  }

  @Test
  void everyElementHasItsPlaceInTheDiagram() {
    PROCESSES.forEach(
        (file, model) -> {
          Set<String> shapes = new HashSet<>();
          model
              .getModelElementsByType(BpmnShape.class)
              .forEach(shape -> shapes.add(shape.getBpmnElement().getId()));
          model
              .getModelElementsByType(BpmnEdge.class)
              .forEach(edge -> shapes.add(edge.getBpmnElement().getId()));
          for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
            if (element instanceof FlowNode || element instanceof SequenceFlow) {
              assertThat(shapes)
                  .as(file + ": diagram shape of " + element.getId())
                  .contains(element.getId());
            }
          }
        });
  }

  @Test
  void everyUserTaskHasAGroupAFormThatResolvesAndADueDate() {
    forEachElement(
        UserTask.class,
        (file, task) -> {
          String where = file + ": " + task.getId();
          assertThat(task.getCamundaCandidateGroups()).as(where + " candidate groups").isNotBlank();
          assertThat(task.getCamundaDueDate()).as(where + " due date").isNotBlank();
          assertThat(task.getCamundaFormRef()).as(where + " formRef").isNotBlank();
          assertThat(task.getCamundaFormRefBinding())
              .as(where + " formRefBinding")
              .isEqualTo("deployment");
          assertThat(FORMS)
              .as(where + " form forms/" + task.getCamundaFormRef() + ".form")
              .containsKey(task.getCamundaFormRef());
          assertThat(FORMS.get(task.getCamundaFormRef()).path("id").asText())
              .as(where + " form id")
              .isEqualTo(task.getCamundaFormRef());
        });
    forEachElement(
        StartEvent.class,
        (file, start) -> {
          if (start.getCamundaFormRef() != null) {
            assertThat(FORMS).as(file + ": start form").containsKey(start.getCamundaFormRef());
          }
        });
  }

  /** The ids code derives from a task's ({@link ProcessModels}) are the ids the diagrams use. */
  @Test
  void aClockedTasksTimerLadderAndItsEndAreNamedAfterTheTask() {
    Pattern escalation = Pattern.compile("CallActivity_([A-Za-z0-9]+)Escalation");
    forEachElement(
        CallActivity.class,
        (file, call) -> {
          Matcher named = escalation.matcher(call.getId());
          if (!named.matches()) {
            return;
          }
          String taskKey = "Task_" + named.group(1);
          BpmnModelInstance model = PROCESSES.get(file);
          assertThat(ProcessModels.escalationOf(taskKey)).isEqualTo(call.getId());
          assertThat((Object) model.getModelElementById(ProcessModels.overdueTimerOf(taskKey)))
              .as(file + ": overdue timer of " + taskKey)
              .isNotNull();
          assertThat((Object) model.getModelElementById(ProcessModels.escalationDoneOf(taskKey)))
              .as(file + ": end of the escalation of " + taskKey)
              .isNotNull();
        });
  }

  @Test
  void everyCallToAnotherSystemIsAsyncWithARetryCycle() {
    forEachElement(
        ServiceTask.class,
        (file, task) -> {
          if (task.getCamundaDelegateExpression() == null) {
            return; // an expression that only sets a variable calls nobody
          }
          assertThat(task.isCamundaAsyncBefore())
              .as(file + ": " + task.getId() + " asyncBefore")
              .isTrue();
          assertThat(
                  task.getExtensionElements()
                      .getElementsQuery()
                      .filterByType(CamundaFailedJobRetryTimeCycle.class)
                      .count())
              .as(file + ": " + task.getId() + " retry cycle")
              .isEqualTo(1);
        });
  }

  @Test
  void calledProcessesAndDecisionsExistAndTheCaseCodeIsPassedOn() {
    forEachElement(
        CallActivity.class,
        (file, call) -> {
          assertThat(PROCESSES)
              .as(file + ": " + call.getId() + " calls")
              .containsKey(call.getCalledElement());
          assertThat(call.getCamundaCalledElementBinding())
              .as(file + ": " + call.getId())
              .isEqualTo("deployment");
          boolean passesBusinessKey =
              call
                  .getExtensionElements()
                  .getElementsQuery()
                  .filterByType(CamundaIn.class)
                  .list()
                  .stream()
                  .anyMatch(in -> in.getCamundaBusinessKey() != null);
          assertThat(passesBusinessKey)
              .as(file + ": " + call.getId() + " passes the business key (case code)")
              .isTrue();
        });
    forEachElement(
        BusinessRuleTask.class,
        (file, task) ->
            assertThat(DECISIONS)
                .as(file + ": " + task.getId() + " decision")
                .contains(task.getCamundaDecisionRef()));
  }

  @Test
  void flowIdsNameTheirWayOnce() {
    forEachElement(
        SequenceFlow.class,
        (file, flow) -> {
          long joints = TO_JOINT.matcher(flow.getId()).results().count();
          assertThat(joints)
              .as(
                  file
                      + ": "
                      + flow.getId()
                      + " stutters (ToTo, or X To Y To Z): name the way by its meaning, e.g. Flow_CloseTheCase")
              .isLessThanOrEqualTo(1);
        });
  }

  /**
   * A call activity is a contract: the variables the called process (its forms, decisions,
   * delegates and the processes it calls) reads go in by name, the ones the caller reads back come
   * out by name.
   */
  @Test
  void callActivitiesPassTheirVariablesByName() {
    forEachElement(
        CallActivity.class,
        (file, call) -> {
          call.getExtensionElements()
              .getElementsQuery()
              .filterByType(CamundaIn.class)
              .list()
              .forEach(
                  in ->
                      assertThat(in.getCamundaVariables())
                          .as(file + ": " + call.getId() + " camunda:in variables=\"all\"")
                          .isNull());
          call.getExtensionElements()
              .getElementsQuery()
              .filterByType(CamundaOut.class)
              .list()
              .forEach(
                  out ->
                      assertThat(out.getCamundaVariables())
                          .as(file + ": " + call.getId() + " camunda:out variables=\"all\"")
                          .isNull());
        });
  }

  /**
   * Outcomes and counters are set by the bean that owns them (${bean.method(execution)}), not by
   * the diagram.
   */
  @Test
  void diagramsSetNoVariablesInExpressions() throws IOException {
    for (Path file : ModelFiles.processes()) {
      assertThat(Files.readString(file))
          .as(file + ": execution.setVariable( in an expression")
          .doesNotContain("execution.setVariable(");
    }
  }

  @Test
  void everyFieldAGatewayReadsIsRequiredOnTheFormThatSetsIt() {
    Pattern identifier = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    forEachElement(
        UserTask.class,
        (file, task) -> {
          JsonNode form = FORMS.get(task.getCamundaFormRef());
          if (form == null) {
            return;
          }
          Map<String, Boolean> fields = new HashMap<>();
          collectFields(form, fields);
          for (SequenceFlow out : task.getOutgoing()) {
            if (!(out.getTarget() instanceof ExclusiveGateway gateway)) {
              continue;
            }
            for (SequenceFlow branch : gateway.getOutgoing()) {
              if (branch.getConditionExpression() == null) {
                continue;
              }
              Matcher words = identifier.matcher(branch.getConditionExpression().getTextContent());
              while (words.find()) {
                String word = words.group();
                if (fields.containsKey(word)) {
                  assertThat(fields.get(word))
                      .as(
                          file
                              + ": "
                              + gateway.getId()
                              + " reads '"
                              + word
                              + "', which form "
                              + task.getCamundaFormRef()
                              + " must require")
                      .isTrue();
                }
              }
            }
          }
        });
  }

  private static void collectFields(JsonNode node, Map<String, Boolean> fields) {
    if (node.has("key")) {
      fields.put(node.get("key").asText(), node.path("validate").path("required").asBoolean(false));
    }
    node.path("components").forEach(child -> collectFields(child, fields));
  }

  private static <T extends BaseElement> void forEachElement(
      Class<T> type, java.util.function.BiConsumer<String, T> check) {
    PROCESSES.forEach(
        (file, model) ->
            model.getModelElementsByType(type).forEach(element -> check.accept(file, element)));
  }
}
