package cn.onedoor.province;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due stage reports every few seconds on every node that runs jobs (a node without the job
 * executor, like the tests, sends nothing by itself). Each node takes only rows no other node
 * holds, so running it everywhere is safe.
 */
@Component
@ConditionalOnProperty(
    name = "camunda.bpm.job-execution.enabled",
    havingValue = "true",
    matchIfMissing = true)
class StageReportPoller {

  private static final Logger LOG = LoggerFactory.getLogger(StageReportPoller.class);

  private final StageReports reports;

  StageReportPoller(StageReports reports) {
    this.reports = reports;
  }

  @Scheduled(
      fixedDelayString = "${onedoor.stage-reports.poll-interval:PT5S}",
      initialDelayString = "${onedoor.stage-reports.poll-interval:PT5S}")
  void poll() {
    try {
      reports.deliverDue();
    } catch (RuntimeException databaseTrouble) {
      // Rows stay as they were; the next poll tries again.
      LOG.warn("stage reports not sent this time: {}", databaseTrouble.toString());
    }
  }
}
