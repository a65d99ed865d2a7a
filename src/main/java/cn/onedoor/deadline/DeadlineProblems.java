package cn.onedoor.deadline;

import cn.onedoor.deadline.InvalidDeadlineQueryException.InvalidParam;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
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

  /**
   * A year without a State Council notice cannot be counted in: 422, since the request is well formed but the
   * system lacks the data to answer it. Names {@code start} when the start's year is missing, else {@code due}.
   */
  @ExceptionHandler(CalendarYearMissingException.class)
  ResponseEntity<ProblemDetail> calendarMissing(CalendarYearMissingException e, HttpServletRequest request) {
    String start = request.getParameter("start");
    String field = start != null && start.trim().startsWith(e.year() + "-") ? "start" : "due";
    String reason = e.year() + "年尚无工作日历数据（国务院尚未公布该年节假日安排，或系统尚未配置），"
        + ("start".equals(field) ? "无法从该日起算" : "期限届满日落在该年，无法判断是否为工作日");
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, reason);
    problem.setTitle("缺少工作日历数据");
    problem.setProperty("missingYear", e.year());
    problem.setProperty("invalidParams", List.of(new InvalidParam(field, reason)));
    return answer(problem, request);
  }

  private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem, HttpServletRequest request) {
    problem.setInstance(URI.create(request.getRequestURI()));
    return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
