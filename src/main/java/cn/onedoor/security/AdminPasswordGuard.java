package cn.onedoor.security;

import java.util.Set;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In production (profile {@code postgres}) the application refuses to start with an admin password
 * that anybody could guess: empty, the user id, or a demo password. It runs before any bean is
 * created, so the engine never writes such a user to the database.
 */
@Component
@Profile("postgres")
class AdminPasswordGuard implements BeanFactoryPostProcessor, EnvironmentAware {

  private static final Set<String> GUESSABLE =
      Set.of("demo", "admin", "password", "camunda", "123456");

  private Environment environment;

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    String adminId = environment.getProperty("camunda.bpm.admin-user.id", "admin");
    String password = environment.getProperty("camunda.bpm.admin-user.password", "");
    if (password.isBlank()
        || password.equalsIgnoreCase(adminId)
        || GUESSABLE.contains(password.toLowerCase())) {
      throw new WeakAdminPasswordException(adminId);
    }
  }

  static final class WeakAdminPasswordException extends RuntimeException {
    WeakAdminPasswordException(String adminId) {
      super(
          "Refusing to start: the password of admin user '"
              + adminId
              + "' is empty, a default or a demo password; set ONEDOOR_ADMIN_PASSWORD.");
    }
  }
}
