package cn.onedoor.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refusal by {@link CaseAccess} anywhere in our API: 403 as a problem description, in Chinese. */
@RestControllerAdvice
class AccessProblems {

  @ExceptionHandler(CaseAccessDeniedException.class)
  ResponseEntity<ProblemDetail> denied(CaseAccessDeniedException e, HttpServletRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    problem.setTitle("无权访问");
    problem.setInstance(URI.create(request.getRequestURI()));
    if (e.field() != null) {
      problem.setProperty("invalidParams", List.of(Map.of("name", e.field(), "reason", e.getMessage())));
    }
    return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
