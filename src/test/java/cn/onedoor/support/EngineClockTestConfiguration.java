package cn.onedoor.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * In process tests the application's clock follows the engine's, so that moving the engine clock to
 * fire a timer also moves what {@code deadlines.now()} answers. (Tests only: ClockUtil is
 * engine-internal API.)
 */
@TestConfiguration(proxyBeanMethods = false)
public class EngineClockTestConfiguration {

  @Bean
  @Primary
  Clock engineClock() {
    return new Clock() {
      private final ZoneId zone = ZoneId.of("Asia/Shanghai");

      @Override
      public ZoneId getZone() {
        return zone;
      }

      @Override
      public Clock withZone(ZoneId other) {
        return Clock.fixed(instant(), other);
      }

      @Override
      public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
      }
    };
  }
}
