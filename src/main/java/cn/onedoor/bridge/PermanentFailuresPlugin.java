package cn.onedoor.bridge;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * A request another system refused for good (a 4xx retrying cannot fix) becomes an incident at
 * once, with the system's message, instead of being sent four more times over 20 minutes.
 *
 * <p>Why an engine plugin: Camunda 7 has no public API to fail a job without retries from inside a
 * Java delegate. {@code managementService.setJobRetries(jobId, 0)} in the delegate is rolled back
 * with the failing transaction, and run after the rollback it races the engine's own retry command
 * (which runs next, re-initialises the retries from the cycle and decrements them). {@code
 * execution.createIncident(...)} makes a custom incident but the step would carry on as if it had
 * succeeded, and Cockpit's "retry" would not run the step again. The failed-job command is the
 * engine's documented extension point for exactly this decision, so we replace it: for a {@link
 * ExternalSystemRejectedException} anywhere in the cause chain the job's retries go to 0 (which
 * creates the ordinary {@code failedJob} incident with the exception's message); every other
 * failure keeps the default strategy ({@code failedJobRetryTimeCycle}). A retried incident (retries
 * set back above 0) runs the step again as usual. This touches engine-internal classes (impl.cfg,
 * impl.cmd): on a move to a fork it is one file to rename.
 */
@Component
class PermanentFailuresPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setFailedJobCommandFactory(FailWithoutRetriesWhenRejected::new);
  }

  static boolean isPermanent(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ExternalSystemRejectedException) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  static final class FailWithoutRetriesWhenRejected extends DefaultJobRetryCmd {

    FailWithoutRetriesWhenRejected(String jobId, Throwable exception) {
      super(jobId, exception);
    }

    @Override
    public Object execute(CommandContext commandContext) {
      if (!isPermanent(exception)) {
        return super.execute(commandContext);
      }
      JobEntity job = getJob();
      if (job != null) {
        job.unlock();
        // The message first: the incident created by setRetries(0) takes it from the job.
        logException(job);
        job.setRetries(0);
        notifyAcquisition(commandContext);
      }
      return null;
    }
  }
}
