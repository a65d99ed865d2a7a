package cn.onedoor.province;

import cn.onedoor.bridge.ExternalSystem;
import cn.onedoor.bridge.ExternalSystemRejectedException;
import cn.onedoor.bridge.OutboundRequests.Key;
import cn.onedoor.casefile.CaseStageEntered;
import cn.onedoor.deadline.DeadlineService;
import cn.onedoor.grid.GridStatusReports;
import cn.onedoor.notification.StageChangeSms;
import cn.onedoor.province.ProvincialPlatformClient.CaseReport;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every stage a case enters is reported to the provincial platform, to the parties by SMS on a
 * hand-over, and to the grid system for a grid worker's report, from an outbox table ({@code
 * stage_report}, V61) rather than a process instance per stage: the rows are written in the
 * transaction that entered the stage (so they exist exactly when the stage change does), and {@link
 * #deliverDue()} sends them, each through its system's client with its idempotency key ({@code
 * <case>:REPORT_STAGE_<stage>:<visit>}, the keys the former {@code case-status-report} process
 * sent), and deletes it in the same transaction. A node that dies between send and delete leaves
 * the row, which is sent again with the same key, and the other side drops the repeat. Several
 * nodes share the table: each takes its rows with {@code FOR UPDATE SKIP LOCKED}.
 *
 * <p>The retries are the process steps' ({@code R5/PT5M}): 5 tries, 5 minutes apart ({@code
 * onedoor.stage-reports.retry-time-cycle}, shortened by the fault suite as it shortens the steps');
 * a system that refuses (4xx) is not tried again. A delivery that ran out of tries stays as a
 * failed row naming case, system and error, shown by the {@code stageReports} health component and
 * the {@code onedoor.stage.reports.failed} gauge; {@link #sendAgain(long)} puts it back after the
 * cause is fixed. A failing report never holds up the case, and the three deliveries of a stage no
 * longer wait for each other.
 */
@Component
public class StageReports {

  private static final Pattern CYCLE = Pattern.compile("R(\\d+)/(P\\S+)");

  /**
   * Stages the parties are told about by SMS: the hand-overs. Registration has its own SMS
   * (CASE_REGISTERED), routing is internal, and closure has CASE_CLOSED.
   */
  private static final Set<String> NO_SMS = Set.of("INTAKE", "ROUTING", "CLOSED");

  /** A case a grid worker reported (the registration's source) hears back in the grid system. */
  private static final String GRID_SOURCE = "GRID";

  private static final Logger LOG = LoggerFactory.getLogger(StageReports.class);

  /** A delivery still to make, or one that failed for good. */
  public record StageReport(
      long id,
      String caseCode,
      String stage,
      ExternalSystem system,
      String step,
      String idempotencyKey,
      Instant enteredAt,
      int attempts,
      Instant failedAt,
      String lastError) {}

  private final JdbcTemplate jdbc;
  private final TransactionTemplate perDelivery;
  private final Clock clock;
  private final ProvincialPlatformClient platform;
  private final StageChangeSms sms;
  private final GridStatusReports grid;
  private final String countyCode;
  private final int tries;
  private final Duration betweenTries;

  StageReports(
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      Clock clock,
      ProvincialPlatformClient platform,
      StageChangeSms sms,
      GridStatusReports grid,
      @Value("${onedoor.county.code}") String countyCode,
      @Value("${onedoor.stage-reports.retry-time-cycle:R5/PT5M}") String retryTimeCycle) {
    Matcher cycle = CYCLE.matcher(retryTimeCycle);
    if (!cycle.matches()) {
      throw new IllegalArgumentException(
          "onedoor.stage-reports.retry-time-cycle must read like R5/PT5M: " + retryTimeCycle);
    }
    this.tries = Integer.parseInt(cycle.group(1));
    this.betweenTries = Duration.parse(cycle.group(2));
    this.jdbc = jdbc;
    this.perDelivery = new TransactionTemplate(transactions);
    this.clock = clock;
    this.platform = platform;
    this.sms = sms;
    this.grid = grid;
    this.countyCode = countyCode;
  }

  /** In the engine's transaction: the deliveries this stage change owes, due at once. */
  @EventListener
  void stageEntered(CaseStageEntered entered) {
    String stage = entered.stage().name();
    Instant now = clock.instant();
    owe(entered, ExternalSystem.PROVINCIAL_PLATFORM, "REPORT_STAGE_", now);
    if (!NO_SMS.contains(stage)) {
      owe(entered, ExternalSystem.SMS, "SMS_STAGE_", now);
    }
    if (GRID_SOURCE.equals(entered.source())) {
      owe(entered, ExternalSystem.GRID, "GRID_STATUS_", now);
    }
  }

  private void owe(
      CaseStageEntered entered, ExternalSystem system, String stepPrefix, Instant now) {
    String step = stepPrefix + entered.stage().name();
    jdbc.update(
        "insert into stage_report (case_code, stage, system_name, step, idempotency_key,"
            + " entered_at, due_at) values (?, ?, ?, ?, ?, ?, ?)",
        entered.caseCode(),
        entered.stage().name(),
        system.name(),
        step,
        entered.caseCode() + ":" + step + ":" + entered.visit(),
        Timestamp.from(now),
        Timestamp.from(now));
  }

  /**
   * Sends every delivery due now, one transaction each, until none is left that another node does
   * not hold; answers how many it tried. Called by the poller ({@link StageReportPoller}) and, with
   * the job executor off, by tests where they run due jobs.
   */
  public int deliverDue() {
    int tried = 0;
    while (Boolean.TRUE.equals(perDelivery.execute(status -> deliverOne()))) {
      tried++;
    }
    return tried;
  }

  private boolean deliverOne() {
    Instant now = clock.instant();
    List<StageReport> next =
        jdbc.query(
            "select * from stage_report where failed_at is null and due_at <= ? order by id"
                + " fetch first 1 rows only for update skip locked",
            (rs, row) -> row(rs),
            Timestamp.from(now));
    if (next.isEmpty()) {
      return false;
    }
    StageReport report = next.get(0);
    try {
      send(report);
      jdbc.update("delete from stage_report where id = ?", report.id());
    } catch (RuntimeException failure) {
      int attempts = report.attempts() + 1;
      boolean forGood = failure instanceof ExternalSystemRejectedException || attempts >= tries;
      String error = clip(String.valueOf(failure.getMessage()));
      jdbc.update(
          "update stage_report set attempts = ?, due_at = ?, failed_at = ?, last_error = ?"
              + " where id = ?",
          attempts,
          Timestamp.from(now.plus(betweenTries)),
          forGood ? Timestamp.from(now) : null,
          error,
          report.id());
      if (forGood) {
        LOG.warn(
            "stage report {} of case {} to {} failed for good after {} tries: {}",
            report.step(),
            report.caseCode(),
            report.system(),
            attempts,
            error);
      } else {
        LOG.info(
            "stage report {} of case {} to {} failed (try {} of {}), again in {}: {}",
            report.step(),
            report.caseCode(),
            report.system(),
            attempts,
            tries,
            betweenTries,
            error);
      }
    }
    return true;
  }

  private void send(StageReport report) {
    Key key = new Key(report.caseCode(), report.step(), report.idempotencyKey());
    switch (report.system()) {
      case PROVINCIAL_PLATFORM ->
          platform.report(
              key,
              new CaseReport(
                  report.caseCode(),
                  countyCode,
                  "STAGE",
                  report.stage(),
                  OffsetDateTime.ofInstant(report.enteredAt(), DeadlineService.ZONE).toString()));
      case SMS -> sms.send(key, report.caseCode(), report.stage());
      case GRID -> grid.stageEntered(key, report.caseCode(), report.stage());
      default -> throw new IllegalStateException("no stage report goes to " + report.system());
    }
  }

  /** Deliveries that ran out of tries or were refused, oldest first: what an operator must see. */
  public List<StageReport> failed() {
    return jdbc.query(
        "select * from stage_report where failed_at is not null order by failed_at, id",
        (rs, row) -> row(rs));
  }

  /** A case's deliveries not yet made (pending or failed). */
  public List<StageReport> ofCase(String caseCode) {
    return jdbc.query(
        "select * from stage_report where case_code = ? order by id",
        (rs, row) -> row(rs),
        caseCode);
  }

  /**
   * After the cause is fixed: the failed delivery gets 5 new tries, the first at once. Answers
   * whether there was such a failed delivery.
   */
  public boolean sendAgain(long id) {
    return jdbc.update(
            "update stage_report set attempts = 0, failed_at = null, due_at = ? where id = ?"
                + " and failed_at is not null",
            Timestamp.from(clock.instant()),
            id)
        == 1;
  }

  /** How many deliveries are waiting now, and how many of them failed for good. */
  public Optional<long[]> counts() {
    return Optional.ofNullable(
        jdbc.queryForObject(
            "select count(*), count(failed_at) from stage_report",
            (rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}));
  }

  private static StageReport row(java.sql.ResultSet rs) throws java.sql.SQLException {
    Timestamp failedAt = rs.getTimestamp("failed_at");
    return new StageReport(
        rs.getLong("id"),
        rs.getString("case_code"),
        rs.getString("stage"),
        ExternalSystem.valueOf(rs.getString("system_name")),
        rs.getString("step"),
        rs.getString("idempotency_key"),
        rs.getTimestamp("entered_at").toInstant(),
        rs.getInt("attempts"),
        failedAt == null ? null : failedAt.toInstant(),
        rs.getString("last_error"));
  }

  private static String clip(String text) {
    return text.length() <= 2000 ? text : text.substring(0, 2000);
  }
}
