package cn.onedoor.simulation;

import cn.onedoor.security.SecurityConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * {@code /simulation/**} (default profile only): the simulated systems' API takes our clients'
 * calls, which carry the system's API key (checked by the controller, as a real system would); the
 * SMS page needs a staff login.
 */
@Configuration
@ConditionalOnProperty(name = "onedoor.simulation.enabled", havingValue = "true")
class SimulationSecurityConfiguration {

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE + 11)
  SecurityFilterChain simulation(HttpSecurity http) throws Exception {
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    return SecurityConfiguration.statelessBasic(http)
        .securityMatcher(paths.matcher("/simulation/**"))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(paths.matcher(HttpMethod.POST, "/simulation/**"))
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .build();
  }
}
