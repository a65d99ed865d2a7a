package cn.onedoor.bridge;

import cn.onedoor.web.CachedBodyRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks that a callback comes from the system its path names ({@code
 * /api/callbacks/{system}/...}): the body's HMAC-SHA256 with that system's secret must match {@code
 * X-OneDoor-Signature}. A court secret therefore cannot post legal-aid answers. Anything else is
 * answered 401 with a problem description, before any controller runs. The body is read once here
 * and handed on, so the signature covers exactly what the controller parses.
 */
class CallbackAuthenticationFilter extends OncePerRequestFilter {

  static final int MAX_BODY = 64 * 1024;

  private final ExternalSystemsProperties systems;

  CallbackAuthenticationFilter(ExternalSystemsProperties systems) {
    this.systems = systems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String[] parts = path.split("/");
    // "", "api", "callbacks", "{system}", ...
    ExternalSystem system = parts.length > 3 ? ExternalSystem.byPathId(parts[3]) : null;
    String secret = system == null ? null : systems.callbackSecret(system);
    if (secret == null) {
      unauthorized(response, path, "未知的对接系统，或该系统未配置回调密钥");
      return;
    }
    CachedBodyRequest cached = CachedBodyRequest.readAtMost(request, MAX_BODY).orElse(null);
    if (cached == null) {
      response.setStatus(413);
      response.setContentType("application/problem+json;charset=UTF-8");
      response
          .getWriter()
          .write(
              "{\"type\":\"about:blank\",\"title\":\"请求体过大\",\"status\":413,\"detail\":"
                  + "\"回调请求体不得超过 64 KB\",\"instance\":\""
                  + path
                  + "\"}");
      return;
    }
    if (!CallbackSignatures.valid(
        secret, cached.body(), request.getHeader(CallbackSignatures.HEADER))) {
      unauthorized(response, path, "缺少签名或签名不正确（" + CallbackSignatures.HEADER + "）");
      return;
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            "system:" + system.pathId(),
            null,
            List.of(new SimpleGrantedAuthority("CALLBACK_" + system.name()))));
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(cached, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  static void unauthorized(HttpServletResponse response, String path, String detail)
      throws IOException {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader(
        "WWW-Authenticate", "HMAC-SHA256 header=\"" + CallbackSignatures.HEADER + "\"");
    response.setContentType("application/problem+json;charset=UTF-8");
    response
        .getWriter()
        .write(
            "{\"type\":\"about:blank\",\"title\":\"回调未通过认证\",\"status\":401,\"detail\":\""
                + detail.replace("\"", "'")
                + "\",\"instance\":\""
                + path.replace("\"", "")
                + "\"}");
  }
}
