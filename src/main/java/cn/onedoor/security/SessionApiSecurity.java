package cn.onedoor.security;

import static org.springframework.security.config.Customizer.withDefaults;

import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The fourth door, ahead of the {@code /api/**} chain in {@link SecurityConfiguration}: the APIs
 * behind our own pages (the supervisors' page, {@code /api/supervision/**}; the holiday notices,
 * {@code /api/calendar/**}; the designers' what-if and migrations, {@code /api/designer/**}; the
 * units and staff import, {@code /api/county/**}) take HTTP Basic like the rest of our API, or the
 * Camunda webapps' session, so that the pages (and the Cockpit overlay) work with the webapps'
 * login and no second password prompt.
 */
@Configuration
class SessionApiSecurity {

  @Bean
  @Order(1)
  SecurityFilterChain pageApis(HttpSecurity http, IdentityService identityService)
      throws Exception {
    BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
    basic.setRealmName("OneDoor");
    basic.afterPropertiesSet();
    var pages = PathPatternRequestMatcher.withDefaults();
    return http.securityMatcher(
            new OrRequestMatcher(
                pages.matcher("/api/supervision/**"),
                pages.matcher("/api/calendar/**"),
                pages.matcher("/api/designer/**"),
                pages.matcher("/api/county/**")))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .httpBasic(withDefaults())
        // The session is the webapps'; we only read it. Spring's session-fixation protection would
        // give it a new id on
        // every request, and the page's requests running side by side would then carry an id that
        // no longer exists.
        .sessionManagement(
            session ->
                session
                    .sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                    .sessionFixation(fixation -> fixation.none()))
        // Basic needs no CSRF protection; a session caller is checked against the webapps' token by
        // the filter.
        .csrf(csrf -> csrf.disable())
        .exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(
                    (request, response, failure) -> {
                      if (request.getHeader("X-Requested-With") != null) {
                        // the page asks: no Basic challenge, which would pop up the browser's own
                        // password dialog
                        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                        response.setContentType("application/problem+json");
                        response.setCharacterEncoding("UTF-8");
                        response
                            .getWriter()
                            .write("{\"type\":\"about:blank\",\"title\":\"请先登录\",\"status\":401}");
                      } else {
                        basic.commence(request, response, failure);
                      }
                    }))
        .addFilterAfter(new WebappSessionAuthenticationFilter(), BasicAuthenticationFilter.class)
        .addFilterAfter(
            new EngineIdentityPropagationFilter(identityService),
            WebappSessionAuthenticationFilter.class)
        .build();
  }
}
