package cn.onedoor.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/**
 * A real PostgreSQL for tests that import this configuration. By default an embedded server from
 * Maven Central's binaries (no installation, works as root); set {@code ONEDOOR_TEST_PG_URL} (and
 * {@code ONEDOOR_TEST_PG_USER}, {@code ONEDOOR_TEST_PG_PASSWORD}), or the system properties {@code
 * onedoor.test.pg.url/user/password}, to run the same tests against an external server instead.
 * System properties {@code onedoor.test.pg.server.<setting>} set the embedded server's settings
 * (the scale benchmark gives it the memory a production server would have).
 */
@TestConfiguration(proxyBeanMethods = false)
public class PostgresTestDatabase {

  static String setting(String name) {
    String property = System.getProperty("onedoor.test.pg." + name);
    return property != null ? property : System.getenv("ONEDOOR_TEST_PG_" + name.toUpperCase());
  }

  static boolean external() {
    return setting("url") != null && !setting("url").isBlank();
  }

  /**
   * Closed by Spring when the context goes; closing it in an @AfterAll hangs the fork under a
   * cached context.
   */
  @Bean(destroyMethod = "close")
  @Lazy
  EmbeddedPostgres embeddedPostgres() throws IOException {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
    String prefix = "onedoor.test.pg.server.";
    System.getProperties().stringPropertyNames().stream()
        .filter(name -> name.startsWith(prefix))
        .forEach(
            name ->
                builder.setServerConfig(name.substring(prefix.length()), System.getProperty(name)));
    return builder.start();
  }

  @Bean
  DataSource dataSource(ObjectProvider<EmbeddedPostgres> embedded) {
    if (external()) {
      return DataSourceBuilder.create()
          .url(setting("url"))
          .username(setting("user"))
          .password(setting("password"))
          .build();
    }
    return embedded.getObject().getPostgresDatabase();
  }
}
