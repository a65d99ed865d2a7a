package cn.onedoor.security;

import cn.onedoor.identity.StaffGrants;
import cn.onedoor.identity.StaffGroups;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every login door (HTTP Basic on {@code /engine-rest}, {@code /api}, {@code /actuator}; the webapps' login form)
 * passes here before any password is checked.
 *
 * <p><b>Lockout.</b> Staff keep the engine's lockout: each wrong password delays that user's next login (3 s,
 * doubling up to 60 s) and the tenth in a row locks the user until an administrator unlocks them in Admin
 * ({@code loginMaxAttempts}, {@code loginDelay*} in application.yaml). An administrator (a member of
 * {@code camunda-admin}) must not be lockable that way, or anyone who can reach the login page could shut the county
 * out of Admin by guessing. So an administrator's failed login never counts in the engine (their counter is reset at
 * once) and guessing is slowed here instead, per caller address: after {@code maxFailures} wrong administrator
 * passwords from one address within {@code window}, that address gets 429 for administrator logins until the window
 * has passed. The real administrator, at another address, still logs in; in production the administrator's password
 * must be strong ({@link AdminPasswordGuard}).
 *
 * <p><b>Grants.</b> Before a login, the person's groups are brought to their role's baseline ({@link StaffGrants}),
 * so a group created in Admin works at its members' first login.
 */
class LoginGuard extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(LoginGuard.class);
  /** A login form is a user name and a password; anything larger is not one. */
  private static final int MAX_LOGIN_FORM = 4096;

  private final IdentityService identityService;
  private final StaffGrants staffGrants;
  private final Pattern webappLogin;
  private final int maxFailures;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> adminFailuresByAddress = new ConcurrentHashMap<>();

  LoginGuard(IdentityService identityService, StaffGrants staffGrants, String webappPath, int maxFailures,
      Duration window, Clock clock) {
    this.identityService = identityService;
    this.staffGrants = staffGrants;
    this.webappLogin = Pattern.compile(Pattern.quote(webappPath) + "/api/admin/auth/user/[^/]+/login/[^/]+/?");
    this.maxFailures = maxFailures;
    this.window = window;
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (isWebappLogin(request)) {
      // Read the login form here without consuming it: the webapps' login resource reads the same body after us.
      byte[] body = request.getInputStream().readNBytes(MAX_LOGIN_FORM + 1);
      if (body.length > MAX_LOGIN_FORM) {
        response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        return;
      }
      request = new CachedBodyRequest(request, body);
    }
    String user = loginName(request);
    if (user == null) {
      chain.doFilter(request, response);
      return;
    }
    staffGrants.ensureForUser(user);
    if (!isAdministrator(user)) {
      chain.doFilter(request, response);
      return;
    }
    String address = request.getRemoteAddr();
    long retryAfter = secondsBlocked(address);
    if (retryAfter > 0) {
      tooMany(response, retryAfter);
      return;
    }
    chain.doFilter(request, response);
    // Both doors answer a wrong (or locked) password with 401.
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      failed(address);
      unlock(user);
      LOG.warn("Wrong administrator password for {} from {}", user, address);
    } else if (response.getStatus() < 400) {
      adminFailuresByAddress.remove(address);
    }
  }

  /** The user a request logs in as: the Basic credentials' name, or the webapps' login form field. */
  private String loginName(HttpServletRequest request) throws IOException {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon > 0 ? decoded.substring(0, colon) : null;
      } catch (IllegalArgumentException notBase64) {
        return null;
      }
    }
    if (isWebappLogin(request)) {
      return formField(request, "username");
    }
    return null;
  }

  private boolean isWebappLogin(HttpServletRequest request) {
    return "POST".equals(request.getMethod()) && webappLogin.matcher(request.getRequestURI()).matches();
  }

  /** One field of the (cached) urlencoded login form. */
  private static String formField(HttpServletRequest request, String name) throws IOException {
    String form = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    for (String pair : form.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8).equals(name)) {
        String value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
        return value.isBlank() ? null : value;
      }
    }
    return null;
  }

  private boolean isAdministrator(String user) {
    var caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return identityService.createUserQuery().userId(user).memberOfGroup(StaffGroups.ADMINISTRATORS).count() > 0;
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }

  /** The engine's counter and delay for an administrator go back to zero: guessing is slowed per address instead. */
  private void unlock(String user) {
    var caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      identityService.unlockUser(user);
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }

  private void failed(String address) {
    if (adminFailuresByAddress.size() > 10_000) {
      // Many addresses guessing at once: forget those whose window has passed, so memory stays bounded.
      adminFailuresByAddress.keySet().removeIf(other -> secondsBlocked(other) == 0);
    }
    Deque<Instant> failures = adminFailuresByAddress.computeIfAbsent(address, any -> new ArrayDeque<>());
    synchronized (failures) {
      failures.addLast(clock.instant());
    }
  }

  /** Seconds until this address may try an administrator password again; 0 when it may now. */
  private long secondsBlocked(String address) {
    Deque<Instant> failures = adminFailuresByAddress.get(address);
    if (failures == null) {
      return 0;
    }
    Instant now = clock.instant();
    synchronized (failures) {
      while (!failures.isEmpty() && !failures.peekFirst().isAfter(now.minus(window))) {
        failures.removeFirst();
      }
      if (failures.size() < maxFailures) {
        return 0;
      }
      return Math.max(1, Duration.between(now, failures.peekFirst().plus(window)).toSeconds());
    }
  }

  private static void tooMany(HttpServletResponse response, long retryAfter) throws IOException {
    response.setStatus(429);
    response.setHeader("Retry-After", Long.toString(retryAfter));
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"尝试次数过多\",\"status\":429,"
        + "\"detail\":\"管理员密码错误次数过多，请 " + retryAfter + " 秒后再试\"}");
  }
}
