package cn.onedoor.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A filter at the login doors that acts on who logs in, before any password is checked: the login
 * form is made readable once (413 when it is too large to be one) and the user name read ({@link
 * LoginRequests}).
 */
abstract class LoginDoorFilter extends OncePerRequestFilter {

  private final LoginRequests logins;

  LoginDoorFilter(LoginRequests logins) {
    this.logins = logins;
  }

  @Override
  protected final void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpServletRequest readable = logins.withReadableForm(request);
    if (readable == null) {
      response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      return;
    }
    atTheDoor(readable, response, chain, logins.loginName(readable));
  }

  /**
   * Goes on along {@code chain} with the (readable) request; {@code user} is null for a request
   * that logs in nobody.
   */
  protected abstract void atTheDoor(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain, String user)
      throws ServletException, IOException;
}
