package cn.onedoor.migration;

import java.util.List;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
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
}
