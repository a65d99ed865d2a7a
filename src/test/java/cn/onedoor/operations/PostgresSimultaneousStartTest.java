package cn.onedoor.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.OneDoorApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes started at the same moment on one empty PostgreSQL both come up, with one copy of
 * everything the start creates: the engine's schema, the deployment of each model, the demo people
 * and groups, the shared Tasklist filters and every authorization. Both run the default profile's
 * start-up work (demo identities, simulated models: a superset of production's) on PostgreSQL, as
 * {@code PostgresEngineTest} does.
 *
 * <p>Always on an embedded server of its own, also when {@code ONEDOOR_TEST_PG_URL} names an
 * external one: the point is a database nobody has started on yet.
 *
 * <p>Left alone, two starts in one JVM overlap only roughly. To make the overlap certain, each node
 * waits at the engine's bootstrap (a plugin's postInit, the last step before the engine looks for
 * its schema and creates it) until the other node is there too, or held up in the database by a
 * lock: so without anything that keeps the two starts apart both create the schema at the same
 * moment, and with it the first waits only until the second is seen waiting for it.
 */
class PostgresSimultaneousStartTest {

  @Test
  void twoNodesStartedTogetherOnAnEmptyDatabaseBothComeUpWithOneCopyOfEverything()
      throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      DataSource database = postgres.getPostgresDatabase();
      JdbcTemplate jdbc = new JdbcTemplate(database);
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from pg_tables where schemaname = 'public'", Long.class))
          .as("an empty database")
          .isZero();
      Rendezvous rendezvous = new Rendezvous(jdbc);
      String url = postgres.getJdbcUrl("postgres", "postgres");

      // Spring Boot sets up Logback for each application it starts; two doing it at the same moment
      // in one JVM race on Logback's shared context (a ConcurrentModificationException that failed
      // a
      // build). The two nodes keep the JVM's logging as it is; what they must meet at, the engine's
      // schema creation, the rendezvous below brings together.
      String loggingSystem = System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService nodes = Executors.newFixedThreadPool(2);
      List<ConfigurableApplicationContext> started = new ArrayList<>();
      try {
        List<Future<ConfigurableApplicationContext>> starts = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
          starts.add(
              nodes.submit(
                  () -> {
                    go.await();
                    return start(url, rendezvous);
                  }));
        }
        go.countDown();
        List<Throwable> failures = new ArrayList<>();
        for (Future<ConfigurableApplicationContext> start : starts) {
          try {
            started.add(start.get(5, TimeUnit.MINUTES));
          } catch (java.util.concurrent.ExecutionException failed) {
            failures.add(failed.getCause());
          }
        }
        assertThat(failures).as("nodes that failed to start").isEmpty();
        assertThat(started).hasSize(2).allMatch(ConfigurableApplicationContext::isRunning);
        for (ConfigurableApplicationContext node : started) {
          assertThat(node.getBean(RepositoryService.class).createDeploymentQuery().count())
              .as("each node sees the one deployment")
              .isEqualTo(1);
        }

        assertOneCopyOfEverything(jdbc);
      } finally {
        started.forEach(ConfigurableApplicationContext::close);
        nodes.shutdownNow();
        if (loggingSystem == null) {
          System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
        } else {
          System.setProperty(LoggingSystem.SYSTEM_PROPERTY, loggingSystem);
        }
      }
    }
  }

  private static void assertOneCopyOfEverything(JdbcTemplate jdbc) {
    assertThat(
            jdbc.queryForList(
                "select version from flyway_schema_history where version is not null"
                    + " group by version having count(*) > 1",
                String.class))
        .as("each of our migrations applied once")
        .isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from ACT_GE_SCHEMA_LOG", Long.class))
        .as("the engine's schema created once")
        .isEqualTo(1);

    assertThat(jdbc.queryForObject("select count(*) from ACT_RE_DEPLOYMENT", Long.class))
        .as("one deployment")
        .isEqualTo(1);
    assertThat(
            jdbc.queryForList(
                "select NAME_ from ACT_GE_BYTEARRAY where DEPLOYMENT_ID_ is not null"
                    + " group by NAME_ having count(*) > 1",
                String.class))
        .as("each model deployed once")
        .isEmpty();
    assertThat(
            jdbc.queryForList(
                "select KEY_ from ACT_RE_PROCDEF group by KEY_ having count(*) > 1", String.class))
        .as("one version of each process")
        .isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from ACT_RE_PROCDEF", Long.class)).isPositive();

    assertThat(jdbc.queryForList("select ID_ from ACT_ID_USER", String.class))
        .as("the admin and the demo people, once each")
        .contains("admin", "intake", "townmediator", "countysupervisor", "gridsystem")
        .doesNotHaveDuplicates();
    assertThat(jdbc.queryForList("select ID_ from ACT_ID_GROUP", String.class))
        .contains("camunda-admin", "intake:county:511725", "supervisor:town:511725104")
        .doesNotHaveDuplicates();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from ACT_ID_MEMBERSHIP where USER_ID_ = 'townmediator'",
                Long.class))
        .isEqualTo(1);

    List<String> filters = jdbc.queryForList("select NAME_ from ACT_RU_FILTER", String.class);
    assertThat(filters)
        .as("the shared Tasklist filters, once each")
        .contains("我的待办", "本组待认领", "两日内到期", "已超期", "今日跟进", "督办：交给我的", "督办令待答复", "全县已超期", "三汇镇已超期")
        .doesNotHaveDuplicates();

    List<Map<String, Object>> doubled =
        jdbc.queryForList(
            "select TYPE_, USER_ID_, GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_, count(*)"
                + " from ACT_RU_AUTHORIZATION"
                + " group by TYPE_, USER_ID_, GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_"
                + " having count(*) > 1");
    assertThat(doubled).as("every authorization once").isEmpty();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from ACT_RU_AUTHORIZATION a where RESOURCE_TYPE_ = 5"
                    + " and RESOURCE_ID_ <> '*' and not exists (select 1 from ACT_RU_FILTER f where f.ID_ = a.RESOURCE_ID_)",
                Long.class))
        .as("no grant on a filter that is not there")
        .isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from ACT_RU_AUTHORIZATION where GROUP_ID_ = 'intake:county:511725'",
                Long.class))
        .as("the intake group's baseline")
        .isPositive();
  }

  private static ConfigurableApplicationContext start(String url, Rendezvous rendezvous) {
    return new SpringApplicationBuilder(OneDoorApplication.class)
        .profiles("test")
        .initializers(
            context -> context.getBeanFactory().registerSingleton("rendezvous", rendezvous))
        .run(
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=",
            "--server.port=0");
  }

  /**
   * Holds each node just before the engine's schema creation until the other node has arrived too
   * or is waiting for a lock in the database (what keeps two starts apart); gives up waiting after
   * a minute, and then simply lets the node go on.
   */
  static final class Rendezvous extends AbstractProcessEnginePlugin {

    private final JdbcTemplate jdbc;
    private final AtomicInteger arrived = new AtomicInteger();

    Rendezvous(JdbcTemplate jdbc) {
      this.jdbc = jdbc;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
      arrived.incrementAndGet();
      long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
      while (arrived.get() < 2 && !anotherSessionWaitsForALock() && System.nanoTime() < giveUp) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    private boolean anotherSessionWaitsForALock() {
      Long waiting =
          jdbc.queryForObject(
              "select count(*) from pg_stat_activity where datname = current_database()"
                  + " and wait_event_type = 'Lock' and pid <> pg_backend_pid()",
              Long.class);
      return waiting != null && waiting > 0;
    }
  }
}
