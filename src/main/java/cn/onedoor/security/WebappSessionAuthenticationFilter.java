package cn.onedoor.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a page served by the application call our API as the person logged in to the Camunda
 * webapps: the login form posts to the webapps' own login, and this filter reads that session (user
 * and groups, as the webapps cached them) when no HTTP Basic credentials came. A request that
 * changes something must echo the webapps' CSRF token (header X-XSRF-TOKEN), so another site cannot
 * ride the session. The webapps hand the token out only when they make one and keep its cookie to
 * their own path, so every answer to a session caller carries it in that header too: a page
 * reloaded mid-session finds it there (only same-origin script can read a response header).
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

  private static final String ENGINE = "default";
  private static final String CSRF_SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";
  private static final String CSRF_HEADER = "X-XSRF-TOKEN";
  private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var current = SecurityContextHolder.getContext().getAuthentication();
    HttpSession session = request.getSession(false);
    if ((current != null
            && current.isAuthenticated()
            && !"anonymousUser".equals(current.getPrincipal()))
        || session == null) {
      chain.doFilter(request, response);
      return;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    Authentication authentication =
        authentications == null ? null : authentications.getAuthenticationForProcessEngine(ENGINE);
    if (!(authentication instanceof UserAuthentication user)) {
      chain.doFilter(request, response);
      return;
    }
    Object expected = session.getAttribute(CSRF_SESSION_ATTRIBUTE);
    if (expected != null) {
      response.setHeader(CSRF_HEADER, expected.toString());
    }
    if (!READING.contains(request.getMethod())) {
      if (expected == null || !expected.equals(request.getHeader(CSRF_HEADER))) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response
            .getWriter()
            .write(
                "{\"type\":\"about:blank\",\"title\":\"页面已过期\",\"status\":403,"
                    + "\"detail\":\"页面已过期，请刷新后重试（缺少或不符的 X-XSRF-TOKEN）\"}");
        return;
      }
    }
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    var token =
        UsernamePasswordAuthenticationToken.authenticated(
            user.getIdentityId(), null, groups.stream().map(SimpleGrantedAuthority::new).toList());
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(token);
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
