package cn.onedoor.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
class IntakeWebConfiguration {

  /** After Spring Security (a REST caller is known by then), before the engine's REST resources. */
  @Bean
  FilterRegistrationBean<StartFormIntakeFilter> startFormIntakeFilter(Intake intake, IdentityService identityService,
      AuthorizationService authorizationService, ObjectMapper json,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    var registration = new FilterRegistrationBean<>(
        new StartFormIntakeFilter(intake, identityService, authorizationService, json));
    registration.addUrlPatterns("/engine-rest/*", webappPath + "/api/engine/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
    return registration;
  }
}
