package cn.onedoor.audit;

import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.FORM_PROPERTY_UPDATE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.JOB_CREATE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.JOB_DELETE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.JOB_FAIL;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.JOB_SUCCESS;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricJobLogEventEntity;
import org.springframework.stereotype.Component;

/**
 * What the engine's history keeps of a case (issue #15, docs/benchmarks.md "History kept per
 * case"). The history level stays {@code full}; the engine's database writer is replaced by {@link
 * Writer}, which writes everything except the {@link #DROPPED} event types, the rows nothing reads.
 *
 * <p>Kept, because somebody reads them: who did what and when (the user operation log, read by
 * {@link AuditTrail}; task instances and identity links: who claimed and completed which task),
 * process and activity instances (case codes for the audit trail and the callbacks, the coverage
 * gate, {@code hasPassed}, the bridge's outbound requests), variable instances (the last value of
 * each variable: litigation's lookups, the tests that check what a case recorded), decision
 * instances with their inputs and outputs (the designers' what-if replays them), incidents, and the
 * job log's failures and successes (Cockpit's failed jobs; the fault suite checks each job
 * succeeded exactly once).
 *
 * <p>Dropped, because nothing reads them:
 *
 * <ul>
 *   <li>{@code VARIABLE_INSTANCE_UPDATE_DETAIL}: one {@code act_hi_detail} row per variable write,
 *       every earlier value of every variable (≈ 150 rows per agreement case, plus a byte array for
 *       each JSON value). The value a case ended with stays in {@code act_hi_varinst}; who changed
 *       a case and when is in the task history and the operation log; the case's own record of what
 *       happened is its journal ({@code case_event}).
 *   <li>{@code FORM_PROPERTY_UPDATE}: generated task forms' fields, also {@code act_hi_detail} (our
 *       forms are Camunda Forms; their values are variables).
 *   <li>{@code JOB_CREATE} and {@code JOB_DELETE}: a job log row when an async step or a timer is
 *       created, and when a timer is cancelled (a task done before its clock ran out). Only a job's
 *       failures and its success tell an operator anything; the creation is in the success row.
 * </ul>
 *
 * <p>Why a handler and not a custom history level: a level is stored in {@code act_ge_property} and
 * the engine refuses to start on a database that holds another one (every existing database holds
 * 3, {@code full}). The handler changes what is written from now on and nothing else. It extends
 * the engine's own {@link DbHistoryEventHandler} (engine-internal, {@code impl}): one event writes
 * both a variable instance and its detail row, so only the writer can keep the first and drop the
 * second.
 */
@Component
class CaseHistory extends AbstractProcessEnginePlugin {

  /** The event types whose rows are not written. Changing this set is a decision for the docs. */
  static final Set<HistoryEventTypes> DROPPED =
      EnumSet.of(VARIABLE_INSTANCE_UPDATE_DETAIL, FORM_PROPERTY_UPDATE, JOB_CREATE, JOB_DELETE);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // The default writer off, ours first; others (the starter's Spring event publisher) still see
    // every event.
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    List<HistoryEventHandler> handlers = new ArrayList<>();
    handlers.add(new Writer());
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  /** Whether the event's row is written. */
  static boolean written(HistoryEvent event) {
    if (event instanceof HistoricJobLogEventEntity job) {
      return !DROPPED.contains(jobEventType(job.getState()));
    }
    if (event instanceof HistoricFormPropertyEventEntity) {
      return !DROPPED.contains(FORM_PROPERTY_UPDATE);
    }
    return true;
  }

  /** Whether a variable's write leaves a detail row beside its variable instance. */
  static boolean detailWritten() {
    return !DROPPED.contains(VARIABLE_INSTANCE_UPDATE_DETAIL);
  }

  /**
   * A job log event's type: the engine gives job log events no event name, only the job's state (0
   * created, 1 failed, 2 succeeded, 3 deleted: {@code JOB_STATE_} of {@code act_hi_job_log}).
   */
  static HistoryEventTypes jobEventType(int state) {
    if (state == JobState.CREATED.getStateCode()) {
      return JOB_CREATE;
    }
    if (state == JobState.FAILED.getStateCode()) {
      return JOB_FAIL;
    }
    if (state == JobState.SUCCESSFUL.getStateCode()) {
      return JOB_SUCCESS;
    }
    if (state == JobState.DELETED.getStateCode()) {
      return JOB_DELETE;
    }
    return null; // a state new to the engine: written, as everything not decided otherwise
  }

  /** The engine's database writer, without the rows of {@link #DROPPED}. */
  static final class Writer extends DbHistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (written(event)) {
        super.handleEvent(event);
      }
    }

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
      return detailWritten() && super.shouldWriteHistoricDetail(event);
    }
  }
}
