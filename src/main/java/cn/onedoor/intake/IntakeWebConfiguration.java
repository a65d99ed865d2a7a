package cn.onedoor.intake;

import cn.onedoor.security.CaseAccess;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
class IntakeWebConfiguration implements WebMvcConfigurer {

  /**
   * The party's page lives at /status/ (a static page calling GET /api/public/cases/{caseCode}).
   */
  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/status", "/status/");
    registry.addViewController("/status/").setViewName("forward:/status/index.html");
  }

  /** After Spring Security (a REST caller is known by then), before the engine's REST resources. */
  @Bean
  FilterRegistrationBean<StartFormIntakeFilter> startFormIntakeFilter(
      Intake intake,
      CaseAccess access,
      ObjectMapper json,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    var registration =
        new FilterRegistrationBean<>(new StartFormIntakeFilter(intake, access, json));
    registration.addUrlPatterns("/engine-rest/*", webappPath + "/api/engine/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
    return registration;
  }
}
