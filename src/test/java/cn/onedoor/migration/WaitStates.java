package cn.onedoor.migration;

import java.util.List;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * Where a case of a diagram can wait, read off the diagram itself so that a new step is covered
 * without touching the test: user tasks, receive tasks, message and timer catches, event-based
 * gateways, call activities (waiting for the called process) and every step marked {@code
 * asyncBefore} (a job waiting for the job executor).
 */
final class WaitStates {

  private WaitStates() {}

  static List<String> of(BpmnModelInstance model) {
    return model.getModelElementsByType(FlowNode.class).stream()
        .filter(node -> !(node instanceof StartEvent) && !(node instanceof BoundaryEvent))
        .filter(
            node ->
                node instanceof UserTask
                    || node instanceof ReceiveTask
                    || node instanceof IntermediateCatchEvent
                    || node instanceof EventBasedGateway
                    || node instanceof CallActivity
                    || node.isCamundaAsyncBefore())
        .map(FlowNode::getId)
        .sorted()
        .toList();
  }

  /**
   * The first steps of the other branches of the parallel split a step lies behind (none if it lies
   * behind none): a case placed on one branch alone would wait at the join for branches it does not
   * have, so it is started on all of them together, as the split would have left it.
   */
  static List<String> otherBranches(BpmnModelInstance model, String activityId) {
    FlowNode node = model.getModelElementById(activityId);
    java.util.Set<FlowNode> path = new java.util.HashSet<>();
    while (node != null && path.add(node)) {
      if (node.getIncoming().size() != 1) {
        return List.of();
      }
      FlowNode before = node.getIncoming().iterator().next().getSource();
      if (before instanceof ParallelGateway split && split.getOutgoing().size() > 1) {
        FlowNode branch = node;
        return split.getOutgoing().stream()
            .map(SequenceFlow::getTarget)
            .filter(target -> target != branch)
            .map(FlowNode::getId)
            .toList();
      }
      node = before;
    }
    return List.of();
  }
}
