package cn.onedoor.migration;

import java.util.ArrayList;
import java.util.Comparator;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * The changes a designer makes, applied to any diagram with the BPMN model API so that one test
 * covers every process: every user task renamed, a step added before the process's first end event
 * (a user task 新增步骤：归档前核对), and the first exclusive gateway changed (a new branch, never taken, to
 * the same step as its first way out). Activity ids of the old version stay, so the engine's {@code
 * mapEqualActivities()} maps every one of them.
 */
final class ChangedVersion {

  static final String ADDED_STEP = "Task_CheckBeforeArchiving";

  private ChangedVersion() {}

  static BpmnModelInstance of(BpmnModelInstance original) {
    BpmnModelInstance model =
        Bpmn.readModelFromStream(
            new java.io.ByteArrayInputStream(
                Bpmn.convertToString(original).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      task.setName(task.getName() + "（新版）");
    }
    Process process =
        model.getModelElementsByType(Process.class).stream()
            .filter(Process::isExecutable)
            .findFirst()
            .orElseThrow();
    process.getChildElementsByType(EndEvent.class).stream()
        .filter(end -> !end.getIncoming().isEmpty())
        .min(Comparator.comparing(EndEvent::getId))
        .ifPresent(end -> addStepBefore(model, process, end));
    model.getModelElementsByType(ExclusiveGateway.class).stream()
        .filter(g -> !g.getOutgoing().isEmpty())
        .min(Comparator.comparing(ExclusiveGateway::getId))
        .ifPresent(gateway -> addUnusedBranch(model, gateway));
    return model;
  }

  private static void addStepBefore(BpmnModelInstance model, Process process, EndEvent end) {
    UserTask step = model.newInstance(UserTask.class);
    step.setId(ADDED_STEP);
    step.setName("新增步骤：归档前核对");
    step.setCamundaCandidateGroups("mediator:county:511725");
    process.addChildElement(step);
    for (SequenceFlow incoming : new ArrayList<>(end.getIncoming())) {
      incoming.setTarget(step);
      step.getIncoming().add(incoming);
      end.getIncoming().remove(incoming);
    }
    SequenceFlow toEnd = model.newInstance(SequenceFlow.class);
    toEnd.setId("Flow_CheckedThenEnd");
    process.addChildElement(toEnd);
    toEnd.setSource(step);
    toEnd.setTarget(end);
    step.getOutgoing().add(toEnd);
    end.getIncoming().add(toEnd);
  }

  private static void addUnusedBranch(BpmnModelInstance model, ExclusiveGateway gateway) {
    SequenceFlow first = gateway.getOutgoing().iterator().next();
    SequenceFlow branch = model.newInstance(SequenceFlow.class);
    branch.setId("Flow_NeverTakenInTheNewVersion");
    gateway.getParentElement().addChildElement(branch);
    branch.setSource(gateway);
    branch.setTarget(first.getTarget());
    ConditionExpression never = model.newInstance(ConditionExpression.class);
    never.setTextContent("${false}");
    branch.setConditionExpression(never);
    gateway.getOutgoing().add(branch);
    first.getTarget().getIncoming().add(branch);
    gateway.setName((gateway.getName() == null ? "" : gateway.getName()) + "（新版）");
  }
}
