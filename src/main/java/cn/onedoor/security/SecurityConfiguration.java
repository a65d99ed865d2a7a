package cn.onedoor.security;

import static org.springframework.security.config.Customizer.withDefaults;

import cn.onedoor.identity.FirstPassword;
import cn.onedoor.identity.StaffGrants;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may call what. Three doors:
 *
 * <ul>
 *   <li>{@code /engine-rest/**}: HTTP Basic against the engine's users, the user propagated to the
 *       engine so that authorizations apply (the engine skips every check when nobody is
 *       authenticated).
 *   <li>{@code /api/**}: our own API, HTTP Basic as well, the user propagated too; only the party
 *       view is open.
 *   <li>{@code /actuator/**}: health open, metrics behind HTTP Basic.
 *   <li>everything else: the Camunda webapps, which run their own session login and CSRF
 *       protection; we only block the Admin first-user setup endpoint, since the admin user is
 *       always configured.
 * </ul>
 *
 * A plain-string {@code securityMatcher} does not match paths served by Jersey; path-pattern
 * matchers do.
 */
@Configuration
@EnableWebSecurity
public class SecurityConfiguration {

  private static PathPatternRequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  @Bean
  @Order(1)
  SecurityFilterChain engineRestApi(HttpSecurity http, IdentityService identityService)
      throws Exception {
    return statelessBasic(http)
        .securityMatcher(path("/engine-rest/**"))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .addFilterAfter(
            new EngineIdentityPropagationFilter(identityService), BasicAuthenticationFilter.class)
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain ownApi(HttpSecurity http, IdentityService identityService) throws Exception {
    return statelessBasic(http)
        .securityMatcher(path("/api/**"))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(path("/api/public/**"))
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .addFilterAfter(
            new EngineIdentityPropagationFilter(identityService), BasicAuthenticationFilter.class)
        .build();
  }

  /**
   * Health is open for load balancers; metrics need a login. No engine identity: gauges count every
   * case.
   */
  @Bean
  @Order(3)
  SecurityFilterChain actuator(HttpSecurity http) throws Exception {
    return statelessBasic(http)
        .securityMatcher(path("/actuator/**"))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(path("/actuator/health"), path("/actuator/health/**"))
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .build();
  }

  @Bean
  @Order(4)
  SecurityFilterChain webapps(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(
            requests ->
                requests
                    // The admin user is always configured, so the first-user setup has no business
                    // being reachable.
                    .requestMatchers(path("/camunda/api/admin/setup/**"))
                    .denyAll()
                    .anyRequest()
                    .permitAll())
        // The webapps ship their own CSRF filter, session cookie settings and security headers;
        // keep theirs.
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.disable())
        .build();
  }

  /**
   * Every login door, before Spring Security and the webapps check a password: a person's groups
   * carry their baseline grants (first), and administrators cannot be locked out by guessing
   * (guessing is slowed per address instead).
   */
  @Bean
  FilterRegistrationBean<LoginGrantsFilter> loginGrantsFilter(
      StaffGrants staffGrants,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    var registration =
        new FilterRegistrationBean<>(
            new LoginGrantsFilter(new LoginRequests(webappPath), staffGrants));
    registration.addUrlPatterns(loginDoors(webappPath));
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 11);
    return registration;
  }

  @Bean
  FilterRegistrationBean<LoginGuard> loginGuard(
      IdentityService identityService,
      JdbcTemplate jdbc,
      Clock clock,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath,
      @Value("${onedoor.security.admin-login.max-failures-per-address:5}") int maxFailures,
      @Value("${onedoor.security.admin-login.window:PT15M}") Duration window) {
    var registration =
        new FilterRegistrationBean<>(
            new LoginGuard(
                identityService,
                new LoginRequests(webappPath),
                new FailedAttempts(jdbc, clock, "ADMIN_LOGIN", maxFailures, window)));
    registration.addUrlPatterns(loginDoors(webappPath));
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
    return registration;
  }

  private static String[] loginDoors(String webappPath) {
    return new String[] {
      "/engine-rest/*", "/api/*", "/actuator/*", webappPath + "/api/admin/auth/*"
    };
  }

  /**
   * After Spring Security (who is calling is known), before Jersey and our controllers: a person
   * with a first password from an import does nothing else until they have changed it.
   */
  @Bean
  FilterRegistrationBean<FirstPasswordFilter> firstPasswordFilter(
      FirstPassword firstPassword,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    var registration =
        new FilterRegistrationBean<>(new FirstPasswordFilter(firstPassword, webappPath));
    registration.addUrlPatterns("/engine-rest/*", "/api/*", webappPath + "/api/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 110);
    return registration;
  }

  /** Our API's bodies are small JSON; anything larger is a mistake or an attack (413). */
  @Bean
  FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
      @Value("${onedoor.api.max-body-size:64KB}") org.springframework.util.unit.DataSize limit) {
    var registration =
        new FilterRegistrationBean<>(
            new RequestBodyLimitFilter(limit.toBytes(), List.of("/api/designer/", "/api/county/")));
    registration.addUrlPatterns("/api/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
    return registration;
  }

  /**
   * A decision table saved by Camunda Modeler is larger than our JSON bodies (channel-routing.dmn
   * is 85 KB with its diagram): the designers' what-if takes up to 2 MB.
   */
  @Bean
  FilterRegistrationBean<RequestBodyLimitFilter> designerBodyLimitFilter(
      @Value("${onedoor.api.max-model-size:2MB}") org.springframework.util.unit.DataSize limit) {
    var registration = new FilterRegistrationBean<>(new RequestBodyLimitFilter(limit.toBytes()));
    registration.addUrlPatterns("/api/designer/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
    return registration;
  }

  /**
   * A county's units or staff file is larger than any JSON body (a few hundred villages, a thousand
   * people), and only administrators may send one.
   */
  @Bean
  FilterRegistrationBean<RequestBodyLimitFilter> importBodyLimitFilter(
      @Value("${onedoor.county.import-max-body-size:4MB}")
          org.springframework.util.unit.DataSize limit) {
    var registration = new FilterRegistrationBean<>(new RequestBodyLimitFilter(limit.toBytes()));
    registration.addUrlPatterns("/api/county/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
    return registration;
  }

  /**
   * Rejects expressions in ad-hoc task queries on both REST paths: the public one and the webapps'
   * own.
   */
  @Bean
  FilterRegistrationBean<AdHocQueryExpressionGuard> adHocQueryExpressionGuard(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    var registration = new FilterRegistrationBean<>(new AdHocQueryExpressionGuard());
    registration.addUrlPatterns("/engine-rest/*", webappPath + "/api/engine/*");
    // After Spring Security (so anonymous callers get 401 first), before Jersey.
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
    return registration;
  }

  /**
   * HTTP Basic on every request and no session: the credentials travel with each request and no
   * cookie is set, so there is no cross-site request to forge and no CSRF token to check.
   */
  public static HttpSecurity statelessBasic(HttpSecurity http) throws Exception {
    return http.httpBasic(withDefaults())
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable());
  }
}
