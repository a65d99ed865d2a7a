package cn.onedoor.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.onedoor.bridge.ExternalSystemsProperties;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Back within a minute, read off the settings each profile ships with: the job lock time outlasts
 * the longest outbound call (its connect and read timeouts, twice, as a dropped connection is sent
 * again at once), and lock time plus the idle poll stay within 60 s. A timeout raised without the
 * lock time is named.
 */
class JobLockTimeTest {

  @ParameterizedTest
  @ValueSource(strings = {"default", "postgres"})
  void theLockTimeOutlastsTheLongestCallAndTheJobsOfADeadNodeRunAgainWithinAMinute(String profile)
      throws IOException {
    Binder settings = Binder.get(environment(profile, Map.of()));
    Duration lockTime = lockTime(settings);
    Duration maxWait =
        Duration.ofMillis(settings.bind("camunda.bpm.job-execution.max-wait", Long.class).get());
    ExternalSystemsProperties systems = systems(settings);

    assertThat(systems.longestCall()).isEqualTo(Duration.ofSeconds(12));
    assertThat(lockTime).isGreaterThan(systems.longestCall().multipliedBy(2));
    assertThat(lockTime.plus(maxWait)).isLessThanOrEqualTo(Duration.ofSeconds(60));
    assertThat(JobLockTime.problems(lockTime, maxWait, JobLockTime.longestJob(systems))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"default", "postgres"})
  void aSlowerSystemWithoutALongerLockTimeIsRefusedNamingTheSetting(String profile)
      throws IOException {
    Binder settings =
        Binder.get(
            environment(profile, Map.of("onedoor.external-systems.court.read-timeout", "PT30S")));
    Duration maxWait =
        Duration.ofMillis(settings.bind("camunda.bpm.job-execution.max-wait", Long.class).get());

    List<String> problems =
        JobLockTime.problems(
            lockTime(settings), maxWait, JobLockTime.longestJob(systems(settings)));

    assertThat(problems)
        .singleElement()
        .asString()
        .contains("lock-time-in-millis (30000)", "longest job (64000 ms");
    // The node refuses to start with these settings, naming them.
    CamundaBpmProperties camunda = new CamundaBpmProperties();
    camunda.getJobExecution().setLockTimeInMillis((int) lockTime(settings).toMillis());
    camunda.getJobExecution().setMaxWait(maxWait.toMillis());
    assertThatThrownBy(() -> new JobLockTime(camunda, systems(settings)))
        .hasMessageContaining("camunda.bpm.job-execution.lock-time-in-millis");
    assertThat(JobLockTime.problems(Duration.ofSeconds(65), maxWait, Duration.ofSeconds(64)))
        .singleElement()
        .asString()
        .contains("at most 60000 ms");
  }

  private static Duration lockTime(Binder settings) {
    return Duration.ofMillis(
        settings.bind("camunda.bpm.job-execution.lock-time-in-millis", Long.class).get());
  }

  private static ExternalSystemsProperties systems(Binder settings) {
    return settings.bind("onedoor.external-systems", ExternalSystemsProperties.class).get();
  }

  /**
   * application.yaml, then the profile's file over it, then the overrides: as Spring Boot reads
   * them.
   */
  private static StandardEnvironment environment(String profile, Map<String, Object> overrides)
      throws IOException {
    StandardEnvironment environment = new StandardEnvironment();
    YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
    for (PropertySource<?> source :
        yaml.load("application.yaml", new ClassPathResource("application.yaml"))) {
      environment.getPropertySources().addFirst(source);
    }
    if (!profile.equals("default")) {
      String file = "application-" + profile + ".yaml";
      for (PropertySource<?> source : yaml.load(file, new ClassPathResource(file))) {
        environment.getPropertySources().addFirst(source);
      }
    }
    environment.getPropertySources().addFirst(new MapPropertySource("overrides", overrides));
    return environment;
  }
}
