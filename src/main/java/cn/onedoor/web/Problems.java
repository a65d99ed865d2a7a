package cn.onedoor.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Our APIs' failures as RFC 9457 problem descriptions (application/problem+json), built one way:
 * status, a Chinese title and detail, the path asked as {@code instance}, and {@code invalidParams}
 * naming each parameter at fault.
 */
public final class Problems {

  private Problems() {}

  /**
   * A problem description; {@code invalidParams} only when there are some, {@code instance} only
   * when a request is given.
   */
  public static ProblemDetail problem(
      HttpStatusCode status,
      String title,
      String detail,
      List<InvalidParam> invalidParams,
      HttpServletRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    if (request != null) {
      problem.setInstance(URI.create(request.getRequestURI()));
    }
    if (!invalidParams.isEmpty()) {
      problem.setProperty("invalidParams", invalidParams);
    }
    return problem;
  }

  /** The answer carrying a problem description, with its status. */
  public static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  public static ResponseEntity<ProblemDetail> answer(
      HttpStatusCode status,
      String title,
      String detail,
      List<InvalidParam> invalidParams,
      HttpServletRequest request) {
    return answer(problem(status, title, detail, invalidParams, request));
  }

  /** 400 naming every parameter at fault in its detail ("参数有误：a、b"). */
  public static ResponseEntity<ProblemDetail> invalidParams(
      String title, List<InvalidParam> invalidParams, HttpServletRequest request) {
    return answer(
        problem(HttpStatusCode.valueOf(400), title, naming(invalidParams), invalidParams, request));
  }

  /** "参数有误：" and the parameters' names. */
  public static String naming(List<InvalidParam> invalidParams) {
    return "参数有误："
        + invalidParams.stream().map(InvalidParam::name).collect(Collectors.joining("、"));
  }
}
