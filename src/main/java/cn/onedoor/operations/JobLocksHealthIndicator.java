package cn.onedoor.operations;

import cn.onedoor.operations.ExpiredJobLocks.HeldJob;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Jobs held by a node that no longer answers ({@link ExpiredJobLocks}): while they are there, this
 * says which node held how many and since when, so that a case that does not move has a reason an
 * operator can see. Shown by Actuator as the {@code jobLocks} health component (details for a
 * logged-in user).
 *
 * <p>Always UP: nothing is lost, the jobs run again by themselves.
 */
@Component
class JobLocksHealthIndicator implements HealthIndicator {

  private final ExpiredJobLocks expiredJobLocks;

  JobLocksHealthIndicator(ExpiredJobLocks expiredJobLocks) {
    this.expiredJobLocks = expiredJobLocks;
  }

  @Override
  public Health health() {
    List<HeldJob> held = expiredJobLocks.now();
    Map<String, Long> heldBy = new LinkedHashMap<>();
    held.forEach(job -> heldBy.merge(job.node(), 1L, Long::sum));
    Health.Builder health = Health.up().withDetail("expiredLocks", held.size());
    if (!held.isEmpty()) {
      Instant oldest =
          held.stream().map(HeldJob::lockExpiredAt).min(Instant::compareTo).orElseThrow();
      health
          .withDetail("heldBy", heldBy)
          .withDetail("oldestExpiredAt", oldest)
          .withDetail(
              "warning", held.size() + " 个作业的锁已过期仍未释放（持有的节点可能已停止），将由其他节点重新执行；若长时间不减少，请检查各节点的作业执行器");
    }
    return health.build();
  }
}
