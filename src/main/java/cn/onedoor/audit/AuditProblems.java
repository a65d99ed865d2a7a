package cn.onedoor.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The audit API's bad queries as problem descriptions naming each parameter (the deadline API's shape). */
@RestControllerAdvice(assignableTypes = AuditController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuditProblems {

  @ExceptionHandler(InvalidAuditQueryException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidAuditQueryException e, HttpServletRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "参数有误：" + e.getMessage());
    problem.setTitle("请求参数无效");
    problem.setProperty("invalidParams", e.invalidParams());
    problem.setInstance(URI.create(request.getRequestURI()));
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
