package cn.onedoor.operations;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Jobs still locked past their lock time: a live node finishes a job (or gives it up) within the
 * lock time ({@link JobLockTime}), so these are held by a node that no longer answers. Another node
 * runs them at its next look for jobs; while they are there, this says which node held how many and
 * since when, so that a case that does not move has a reason an operator can see. Shown by Actuator
 * as the {@code jobLocks} health component (details for a logged-in user).
 *
 * <p>Always UP: nothing is lost, the jobs run again by themselves. It reads the engine's job table
 * directly, as the engine's public job query cannot filter by lock.
 */
@Component
class JobLocksHealthIndicator implements HealthIndicator {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  JobLocksHealthIndicator(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public Health health() {
    Map<String, Long> heldBy = new LinkedHashMap<>();
    Timestamp[] oldest = {null};
    jdbc.query(
        """
        select LOCK_OWNER_, count(*), min(LOCK_EXP_TIME_) from ACT_RU_JOB
        where LOCK_OWNER_ is not null and LOCK_EXP_TIME_ < ? group by LOCK_OWNER_ order by LOCK_OWNER_""",
        rs -> {
          heldBy.put(rs.getString(1), rs.getLong(2));
          Timestamp expired = rs.getTimestamp(3);
          if (oldest[0] == null || expired.before(oldest[0])) {
            oldest[0] = expired;
          }
        },
        Timestamp.from(clock.instant()));
    long expired = heldBy.values().stream().mapToLong(Long::longValue).sum();
    Health.Builder health = Health.up().withDetail("expiredLocks", expired);
    if (expired > 0) {
      health
          .withDetail("heldBy", heldBy)
          .withDetail("oldestExpiredAt", oldest[0].toInstant())
          .withDetail(
              "warning", expired + " 个作业的锁已过期仍未释放（持有的节点可能已停止），将由其他节点重新执行；若长时间不减少，请检查各节点的作业执行器");
    }
    return health.build();
  }
}
