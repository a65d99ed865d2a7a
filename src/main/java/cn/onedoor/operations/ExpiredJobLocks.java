package cn.onedoor.operations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Jobs still locked past their lock time: a live node finishes a job (or gives it up) within the
 * lock time ({@link JobLockTime}), so these are held by a node that no longer answers, and another
 * node runs them at its next look for jobs. The one rule behind {@code /actuator/health}'s {@code
 * jobLocks} ({@link JobLocksHealthIndicator}) and the supervisors' page's notice (督办页面). Reads the
 * engine's job table directly, as the engine's public job query cannot filter by lock; the case is
 * the business key of the job's process instance (every call activity passes it down).
 */
@Component
public class ExpiredJobLocks {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  ExpiredJobLocks(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * One job held past its lock.
   *
   * @param node the lock owner, a {@link NodeName}
   * @param lockExpiredAt when the lock ran out
   * @param caseCode the case the job works on, null for a job of no case
   */
  public record HeldJob(String jobId, String node, Instant lockExpiredAt, String caseCode) {}

  /** Every job whose lock ran out before now, by node and then by lock expiry. */
  public List<HeldJob> now() {
    return jdbc.query(
        """
        select j.ID_, j.LOCK_OWNER_, j.LOCK_EXP_TIME_, e.BUSINESS_KEY_ from ACT_RU_JOB j
        left join ACT_RU_EXECUTION e on e.ID_ = j.PROCESS_INSTANCE_ID_
        where j.LOCK_OWNER_ is not null and j.LOCK_EXP_TIME_ < ?
        order by j.LOCK_OWNER_, j.LOCK_EXP_TIME_, j.ID_""",
        (rs, row) ->
            new HeldJob(
                rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4)),
        Timestamp.from(clock.instant()));
  }
}
