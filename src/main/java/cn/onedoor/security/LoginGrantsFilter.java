package cn.onedoor.security;

import cn.onedoor.identity.StaffGrants;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Before a login at any door, the person's groups are brought to their role's baseline grants
 * ({@link StaffGrants}), so a group created in Admin works at its members' first login.
 */
class LoginGrantsFilter extends LoginDoorFilter {

  private final StaffGrants staffGrants;

  LoginGrantsFilter(LoginRequests logins, StaffGrants staffGrants) {
    super(logins);
    this.staffGrants = staffGrants;
  }

  @Override
  protected void atTheDoor(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain, String user)
      throws ServletException, IOException {
    if (user != null) {
      staffGrants.ensureForUser(user);
    }
    chain.doFilter(request, response);
  }
}
