package cn.onedoor.security;

import cn.onedoor.identity.FirstPassword;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A person who still has the first password an import gave them does nothing else until they have
 * changed it, at every door: our API and the engine's REST API (HTTP Basic, after Spring Security
 * checked the password) and the webapps' own API (their session). Left open: the webapps' login,
 * logout and "who am I", the webapps' plugin scripts, the password policy, reading one's own
 * profile and groups, and changing one's own password ({@code PUT .../user/{me}/credentials}, which
 * asks for the present password). When that change succeeds the requirement is gone ({@link
 * FirstPassword#changed}).
 *
 * <p>Camunda's identity service has no "must change password" state of its own; its password policy
 * only checks a new password's shape. So the state is ours, kept in the engine's user info.
 */
class FirstPasswordFilter extends OncePerRequestFilter {

  private static final String ENGINE = "default";

  private final FirstPassword firstPassword;
  private final Pattern open;
  private final Pattern credentials;
  private final Pattern profile;
  private final Pattern groups;

  FirstPasswordFilter(FirstPassword firstPassword, String webappPath) {
    this.firstPassword = firstPassword;
    String webapp = Pattern.quote(webappPath);
    this.open =
        Pattern.compile(
            webapp
                + "/api/admin/auth/.*|"
                + webapp
                + "/api/[^/]+/plugin/.*|"
                + webapp
                + "/api/engine/engine/?|/api/public/.*|(?:"
                + webapp
                + "/api/engine/engine/"
                + ENGINE
                + "|/engine-rest)/identity/password-policy/?");
    this.credentials =
        Pattern.compile(
            "(?:"
                + webapp
                + "/api/engine/engine/"
                + ENGINE
                + "|/engine-rest)/user/([^/]+)/credentials/?");
    this.groups =
        Pattern.compile(
            "(?:" + webapp + "/api/engine/engine/" + ENGINE + "|/engine-rest)/group(?:/count)?/?");
    this.profile =
        Pattern.compile(
            "(?:"
                + webapp
                + "/api/engine/engine/"
                + ENGINE
                + "|/engine-rest)/user/([^/]+)/profile/?");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String userId = userId(request);
    if (userId == null || open.matcher(path).matches() || !firstPassword.required(userId)) {
      chain.doFilter(request, response);
      return;
    }
    Matcher ownCredentials = credentials.matcher(path);
    if (ownCredentials.matches()
        && userId.equals(ownCredentials.group(1))
        && "PUT".equals(request.getMethod())) {
      chain.doFilter(request, response);
      if (response.getStatus() >= 200 && response.getStatus() < 300) {
        firstPassword.changed(userId);
      }
      return;
    }
    // The Welcome page's 个人资料, where the password is changed, lists the person's own groups.
    if (groups.matcher(path).matches()
        && userId.equals(request.getParameter("member"))
        && "GET".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    Matcher ownProfile = profile.matcher(path);
    if (ownProfile.matches()
        && userId.equals(ownProfile.group(1))
        && "GET".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            "{\"type\":\"about:blank\",\"title\":\"请先修改初始密码\",\"status\":403,"
                + "\"detail\":\"首次登录须先修改短信告知的初始密码，修改前不能办理业务：在欢迎页的“个人资料”中“修改密码”，"
                + "或 PUT /engine-rest/user/"
                + userId
                + "/credentials\",\"instance\":\""
                + path.replace("\\", "").replace("\"", "")
                + "\"}");
  }

  /**
   * Whoever Spring Security authenticated (HTTP Basic, or the webapps' session on our pages' APIs),
   * else the webapps' session for their own API; null when nobody is logged in.
   */
  private static String userId(HttpServletRequest request) {
    var current = SecurityContextHolder.getContext().getAuthentication();
    if (current != null
        && current.isAuthenticated()
        && !"anonymousUser".equals(current.getPrincipal())) {
      return current.getName();
    }
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    var authentication =
        authentications == null ? null : authentications.getAuthenticationForProcessEngine(ENGINE);
    return authentication instanceof UserAuthentication user ? user.getIdentityId() : null;
  }
}
