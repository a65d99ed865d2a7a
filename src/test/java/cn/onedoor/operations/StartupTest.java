package cn.onedoor.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.onedoor.OneDoorApplication;
import java.nio.file.Path;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starting the application as an operator does: the default file database, and production's
 * refusals.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupTest {

  @Test
  void restartingTheDefaultProfileKeepsTheDataAndRedeploysNothing(@TempDir Path data) {
    String url =
        "--spring.datasource.url=jdbc:h2:file:"
            + data.resolve("onedoor")
            + ";DB_CLOSE_ON_EXIT=FALSE";
    long deployments;
    try (ConfigurableApplicationContext first = start(url)) {
      deployments = first.getBean(RepositoryService.class).createDeploymentQuery().count();
      assertThat(deployments).isPositive();
      IdentityService identity = first.getBean(IdentityService.class);
      User user = identity.newUser("survivor");
      user.setPassword("survivor-pass");
      identity.saveUser(user);
    }
    try (ConfigurableApplicationContext second = start(url)) {
      assertThat(second.getBean(RepositoryService.class).createDeploymentQuery().count())
          .isEqualTo(deployments);
      assertThat(second.getBean(IdentityService.class).checkPassword("survivor", "survivor-pass"))
          .isTrue();
    }
  }

  @Test
  void productionRefusesADemoAdminPassword(CapturedOutput output) {
    assertThatThrownBy(
            () ->
                start(
                    "--spring.profiles.active=postgres", "--camunda.bpm.admin-user.password=demo"))
        .hasMessage(
            "Refusing to start: the password of admin user 'admin' is empty, a default or a demo "
                + "password; set ONEDOOR_ADMIN_PASSWORD.");
    assertThat(output).contains("Refusing to start: the password of admin user 'admin'");
  }

  @Test
  void productionNamesTheUnreachableDatabase(CapturedOutput output) {
    String url = "jdbc:postgresql://127.0.0.1:9/onedoor?connectTimeout=2";
    assertThatThrownBy(
            () ->
                start(
                    "--spring.profiles.active=postgres",
                    "--camunda.bpm.admin-user.password=a-Strong-one-9",
                    "--spring.datasource.url=" + url))
        .isNotNull();
    assertThat(output).contains("Cannot reach the database at " + url);
  }

  private static ConfigurableApplicationContext start(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--server.port=0";
    all[args.length + 1] = "--camunda.bpm.job-execution.enabled=false";
    return new SpringApplicationBuilder(OneDoorApplication.class).run(all);
  }
}
