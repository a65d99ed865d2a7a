package cn.onedoor.simulation;

import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.DefaultFailedJobParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.FailedJobRetryConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ParseUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * {@code onedoor.simulation.faults.retry-time-cycle} (e.g. {@code R5/PT10S}): every step's retry
 * cycle replaced by this one, so a fault suite sees a failed call retried in seconds rather than
 * the diagrams' minutes and fits in CI. Only with the simulation on and the setting made; the
 * diagrams keep their own cycles everywhere else. A parse listener that runs after the engine's
 * own: it overwrites the retry configuration the engine read from each activity.
 */
@Component
@ConditionalOnExpression(
    "${onedoor.simulation.enabled:false} and '${onedoor.simulation.faults.retry-time-cycle:}' != ''")
class RetryTimeCyclePlugin extends AbstractProcessEnginePlugin {

  private final String cycle;

  RetryTimeCyclePlugin(SimulationProperties simulation) {
    this.cycle = simulation.faults().retryTimeCycle();
    ParseUtil.parseRetryIntervals(cycle); // refuses a malformed cycle at start
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
    if (listeners == null) {
      listeners = new java.util.ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
    listeners.add(
        new AbstractBpmnParseListener() {
          @Override
          public void parseProcess(Element process, ProcessDefinitionEntity definition) {
            replace(definition);
          }
        });
  }

  private void replace(ScopeImpl scope) {
    for (ActivityImpl activity : scope.getActivities()) {
      FailedJobRetryConfiguration own =
          activity.getProperties().get(DefaultFailedJobParseListener.FAILED_JOB_CONFIGURATION);
      if (own != null) {
        activity
            .getProperties()
            .set(
                DefaultFailedJobParseListener.FAILED_JOB_CONFIGURATION,
                ParseUtil.parseRetryIntervals(cycle));
      }
      replace(activity);
    }
  }
}
