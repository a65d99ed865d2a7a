package cn.onedoor.security;

import cn.onedoor.web.CachedBodyRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Who a request at a login door logs in as: the HTTP Basic credentials' name ({@code /engine-rest},
 * {@code /api}, {@code /actuator}) or the user name field of the webapps' login form. Read by the
 * filters that act before any password is checked ({@link LoginGrantsFilter}, {@link LoginGuard}).
 */
final class LoginRequests {

  /** A login form is a user name and a password; anything larger is not one. */
  private static final int MAX_LOGIN_FORM = 4096;

  private final Pattern webappLogin;

  LoginRequests(String webappPath) {
    this.webappLogin =
        Pattern.compile(Pattern.quote(webappPath) + "/api/admin/auth/user/[^/]+/login/[^/]+/?");
  }

  /**
   * The request with the webapps' login form read and kept, so it can be read here and again by the
   * webapps' login resource; any other request as it is. Null when the form is too large to be one
   * (answer 413).
   */
  HttpServletRequest withReadableForm(HttpServletRequest request) throws IOException {
    if (!isWebappLogin(request) || request instanceof CachedBodyRequest) {
      return request;
    }
    return CachedBodyRequest.readAtMost(request, MAX_LOGIN_FORM).orElse(null);
  }

  /**
   * The user the request logs in as, or null; call on the request {@link #withReadableForm}
   * returned.
   */
  String loginName(HttpServletRequest request) throws IOException {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded =
            new String(
                Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
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
    return "POST".equals(request.getMethod())
        && webappLogin.matcher(request.getRequestURI()).matches();
  }

  /** One field of the (cached) urlencoded login form. */
  private static String formField(HttpServletRequest request, String name) throws IOException {
    String form = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    for (String pair : form.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0
          && URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8).equals(name)) {
        String value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
        return value.isBlank() ? null : value;
      }
    }
    return null;
  }
}
