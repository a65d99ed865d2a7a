package cn.onedoor.operations;

import cn.onedoor.bridge.ExternalSystemsProperties;
import cn.onedoor.bridge.OutboundCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.stereotype.Component;

/**
 * Back within a minute: a job is locked by the node that acquired it for the lock time, so when
 * that node dies its jobs wait out the lock and then until another node next looks for jobs (at
 * most the job executor's max wait). The lock time must outlast the longest job, or a live node's
 * job is run a second time elsewhere (harmless: the first commit wins and the other side drops the
 * repeated Idempotency-Key, but wasted), and lock time plus max wait must stay within a minute.
 * Every job that takes long is an outbound call, bounded by its timeouts; so a node refuses to
 * start with timeouts (e.g. set through the environment in production) that its lock time does not
 * cover.
 */
@Component
class JobLockTime {

  /** After a node dies, every case it held moves again within this. */
  static final Duration RECOVERY = Duration.ofSeconds(60);

  JobLockTime(CamundaBpmProperties camunda, ExternalSystemsProperties systems) {
    List<String> problems =
        problems(
            Duration.ofMillis(camunda.getJobExecution().getLockTimeInMillis()),
            Duration.ofMillis(camunda.getJobExecution().getMaxWait()),
            longestJob(systems));
    if (!problems.isEmpty()) {
      throw new IllegalStateException(String.join("; ", problems));
    }
  }

  /** The longest a job calling another system may run: every request it may send, timed out. */
  static Duration longestJob(ExternalSystemsProperties systems) {
    return systems.longestCall().multipliedBy(OutboundCall.REQUESTS_PER_JOB);
  }

  /** What is wrong with these settings, one sentence each naming the setting; empty when none. */
  static List<String> problems(Duration lockTime, Duration maxWait, Duration longestJob) {
    List<String> problems = new ArrayList<>();
    if (lockTime.compareTo(longestJob) <= 0) {
      problems.add(
          "camunda.bpm.job-execution.lock-time-in-millis ("
              + lockTime.toMillis()
              + ") must be longer than the longest job ("
              + longestJob.toMillis()
              + " ms: "
              + OutboundCall.REQUESTS_PER_JOB
              + " × connect + read timeout of onedoor.external-systems)");
    }
    if (lockTime.plus(maxWait).compareTo(RECOVERY) > 0) {
      problems.add(
          "camunda.bpm.job-execution.lock-time-in-millis + max-wait ("
              + lockTime.plus(maxWait).toMillis()
              + " ms) must be at most "
              + RECOVERY.toMillis()
              + " ms, so that the jobs of a node that died run again within a minute");
    }
    return problems;
  }
}
