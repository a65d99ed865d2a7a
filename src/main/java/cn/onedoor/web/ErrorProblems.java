package cn.onedoor.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors answered before any of our endpoints ran (a URL the security firewall refused, a login
 * that failed, a path nothing serves), which the servlet container forwards to {@code /error}: the
 * same problem description as everywhere else, not Spring Boot's own error JSON. A 400 here is the
 * request line or a header itself (e.g. an encoded {@code %25} or {@code ;} in the path, a control
 * character in a header), named {@code request}.
 */
@RestController
class ErrorProblems implements ErrorController {

  @RequestMapping("${server.error.path:${error.path:/error}}")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatusCode status = HttpStatusCode.valueOf(code instanceof Integer number ? number : 500);
    String title =
        status instanceof HttpStatus known ? known.getReasonPhrase() : "Error " + status.value();
    String path = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
    List<InvalidParam> invalid =
        status.value() == 400
            ? List.of(new InvalidParam("request", "请求地址或请求头含有不允许的字符或编码"))
            : List.of();
    ProblemDetail problem = Problems.problem(status, title, detail(status), invalid, null);
    if (!"null".equals(path)) {
      problem.setInstance(java.net.URI.create(encodedPath(path)));
    }
    return Problems.answer(problem);
  }

  private static String detail(HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> "请求无法处理：地址或请求头不合规";
      case 401 -> "需要登录";
      case 403 -> "无权访问";
      case 404 -> "没有这个地址";
      case 405 -> "不支持该请求方法";
      default -> status.is5xxServerError() ? "服务器内部错误" : "请求无法处理";
    };
  }

  /** The path as a URI reference, whatever characters were asked for. */
  private static String encodedPath(String path) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "/-._~".indexOf(c) >= 0)) {
        encoded.append(c);
      } else {
        encoded.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return encoded.toString();
  }
}
