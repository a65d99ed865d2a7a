package cn.onedoor.audit;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A closed case's engine history is kept at least five years after its closure (docs/domain.md
 * §4.7: the labour files' archive period, the shortest one). Removal times are set as history is
 * written (application.yaml, {@code historyRemovalTimeStrategy: start}): the case's registration +
 * the time-to-live of {@code dispute-case}, five years and 90 days, so a case closed within 90 days
 * of its registration (every mediation: 30 days by law, 60 with an extension) already keeps its
 * history long enough and costs no row more. A longer case (litigation, enforcement, a long
 * performance) would lose its history early: at its closure its removal time is moved to closure +
 * five years by the engine's removal-time batch over the case's whole hierarchy, so only such a
 * case pays the update of every history row that the engine's default "end" strategy made every
 * case pay.
 */
@Component
class LongCaseRetention {

  static final String CASE_PROCESS = "dispute-case";
  static final Duration KEPT_AFTER_CLOSURE = Duration.ofDays(1826);

  @EventListener
  public void onExecutionEvent(DelegateExecution execution) {
    boolean rootEnded =
        ExecutionListener.EVENTNAME_END.equals(execution.getEventName())
            && execution.getId().equals(execution.getProcessInstanceId())
            && execution.getProcessInstanceId().equals(execution.getActivityInstanceId())
            && execution.getSuperExecution() == null;
    if (!rootEnded || !isCase(execution)) {
      return;
    }
    // The system's own bookkeeping, not the closing mediator's: they may neither read every
    // instance of the case's history nor start a batch, and must not need to.
    Context.getCommandContext()
        .runWithoutAuthorization(
            () -> {
              keepFiveYearsAfterClosure(
                  execution.getProcessEngineServices().getHistoryService(),
                  execution.getProcessInstanceId());
              return null;
            });
  }

  private static void keepFiveYearsAfterClosure(HistoryService history, String caseInstanceId) {
    HistoricProcessInstance root =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceId(caseInstanceId)
            .singleResult();
    Date keptUntil = Date.from(ClockUtil.getCurrentTime().toInstant().plus(KEPT_AFTER_CLOSURE));
    if (root == null || root.getRemovalTime() == null || !root.getRemovalTime().before(keptUntil)) {
      return;
    }
    history
        .setRemovalTimeToHistoricProcessInstances()
        .absoluteRemovalTime(keptUntil)
        .byIds(root.getId())
        .hierarchical()
        .executeAsync();
  }

  private static boolean isCase(DelegateExecution execution) {
    return CASE_PROCESS.equals(((ExecutionEntity) execution).getProcessDefinition().getKey());
  }
}
