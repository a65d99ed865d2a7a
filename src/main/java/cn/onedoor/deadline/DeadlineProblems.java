package cn.onedoor.deadline;

import cn.onedoor.deadline.InvalidDeadlineQueryException.InvalidParam;
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

/**
 * Turns the deadline API's failures into RFC 9457 problem descriptions that name the parameter at fault. Limited
 * to {@link DeadlineController}, so that it never changes how other features' errors look.
 */
@RestControllerAdvice(assignableTypes = DeadlineController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DeadlineProblems {

  @ExceptionHandler(InvalidDeadlineQueryException.class)
  ResponseEntity<ProblemDetail> invalidQuery(InvalidDeadlineQueryException e, HttpServletRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "参数有误：" + String.join("、", e.invalidParams().stream().map(InvalidParam::name).toList()));
    problem.setTitle("请求参数无效");
    problem.setProperty("invalidParams", e.invalidParams());
    return answer(problem, request);
  }

  private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem, HttpServletRequest request) {
    problem.setInstance(URI.create(request.getRequestURI()));
    return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
