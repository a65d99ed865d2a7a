package cn.onedoor.bridge;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The fourth door: {@code /api/callbacks/**}, where other systems answer. They are not engine
 * users, so they do not log in with HTTP Basic like staff on {@code /api/**}; each signs its
 * callbacks with its own secret ({@link CallbackAuthenticationFilter}). Ordered before the chain of
 * {@code /api/**}, which would ask for Basic. No engine identity is set: the answer is the
 * system's, and correlating it needs no staff authorization.
 */
@Configuration
class CallbackSecurityConfiguration {

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE + 10)
  SecurityFilterChain callbacks(HttpSecurity http, ExternalSystemsProperties systems)
      throws Exception {
    return http.securityMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/api/callbacks/**"))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        // Not a bean: a Filter bean would also be registered for every request outside this chain.
        .addFilterBefore(
            new CallbackAuthenticationFilter(systems), AnonymousAuthenticationFilter.class)
        .exceptionHandling(
            errors ->
                errors.authenticationEntryPoint(
                    (request, response, e) ->
                        CallbackAuthenticationFilter.unauthorized(
                            response, request.getRequestURI(), "回调未通过认证")))
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // Signed machine-to-machine calls without cookies: nothing for a forged cross-site request
        // to ride on.
        .csrf(csrf -> csrf.disable())
        .build();
  }
}
