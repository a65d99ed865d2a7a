package cn.onedoor.security;

import cn.onedoor.identity.StaffGroups;
import cn.onedoor.identity.SystemUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every login door (HTTP Basic on {@code /engine-rest}, {@code /api}, {@code /actuator}; the
 * webapps' login form) passes here before any password is checked.
 *
 * <p><b>Lockout.</b> Staff keep the engine's lockout: each wrong password delays that user's next
 * login (3 s, doubling up to 60 s) and the tenth in a row locks the user until an administrator
 * unlocks them in Admin ({@code loginMaxAttempts}, {@code loginDelay*} in application.yaml). An
 * administrator (a member of {@code camunda-admin}) must not be lockable that way, or anyone who
 * can reach the login page could shut the county out of Admin by guessing. So an administrator's
 * failed login never counts in the engine (their counter is reset at once) and guessing is slowed
 * here instead, per caller address: after {@code maxFailures} wrong administrator passwords from
 * one address within {@code window}, that address gets 429 for administrator logins until the
 * window has passed. The count is kept in the database ({@link FailedAttempts}), so a restart does
 * not reset it and a second node gives no second count. The real administrator, at another address,
 * still logs in; in production the administrator's password must be strong ({@link
 * AdminPasswordGuard}). Who logs in is read by {@link LoginRequests}; the grants a login needs are
 * {@link LoginGrantsFilter}'s.
 */
class LoginGuard extends LoginDoorFilter {

  private static final Logger LOG = LoggerFactory.getLogger(LoginGuard.class);

  private final IdentityService identityService;
  private final FailedAttempts adminFailuresByAddress;

  LoginGuard(
      IdentityService identityService,
      LoginRequests logins,
      FailedAttempts adminFailuresByAddress) {
    super(logins);
    this.identityService = identityService;
    this.adminFailuresByAddress = adminFailuresByAddress;
  }

  @Override
  protected void atTheDoor(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain, String user)
      throws ServletException, IOException {
    if (user == null || !isAdministrator(user)) {
      chain.doFilter(request, response);
      return;
    }
    String address = request.getRemoteAddr();
    long retryAfter = adminFailuresByAddress.secondsBlocked(address);
    if (retryAfter > 0) {
      tooMany(response, retryAfter);
      return;
    }
    chain.doFilter(request, response);
    // Both doors answer a wrong (or locked) password with 401.
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      adminFailuresByAddress.failed(address);
      unlock(user);
      LOG.warn("Wrong administrator password for {} from {}", user, address);
    } else if (response.getStatus() < 400) {
      adminFailuresByAddress.forget(address);
    }
  }

  private boolean isAdministrator(String user) {
    return SystemUser.call(
        identityService,
        () ->
            identityService
                    .createUserQuery()
                    .userId(user)
                    .memberOfGroup(StaffGroups.ADMINISTRATORS)
                    .count()
                > 0);
  }

  /**
   * The engine's counter and delay for an administrator go back to zero: guessing is slowed per
   * address instead.
   */
  private void unlock(String user) {
    SystemUser.run(identityService, () -> identityService.unlockUser(user));
  }

  private static void tooMany(HttpServletResponse response, long retryAfter) throws IOException {
    response.setStatus(429);
    response.setHeader("Retry-After", Long.toString(retryAfter));
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            "{\"type\":\"about:blank\",\"title\":\"尝试次数过多\",\"status\":429,"
                + "\"detail\":\"管理员密码错误次数过多，请 "
                + retryAfter
                + " 秒后再试\"}");
  }
}
