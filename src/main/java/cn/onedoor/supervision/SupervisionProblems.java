package cn.onedoor.supervision;

import cn.onedoor.web.InvalidParam;
import cn.onedoor.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The supervision API's failures as RFC 9457 problem descriptions naming the parameter at fault, in
 * the shape of the deadline and intake APIs ({@code invalidParams}: name and reason). Limited to
 * {@link SupervisionController}.
 */
@RestControllerAdvice(assignableTypes = SupervisionController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SupervisionProblems {

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ProblemDetail> missing(
      MissingServletRequestParameterException e, HttpServletRequest request) {
    return answer(
        HttpStatus.BAD_REQUEST,
        "请求参数无效",
        "缺少参数 " + e.getParameterName(),
        List.of(new InvalidParam(e.getParameterName(), "必填")),
        request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> mismatch(
      MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    return answer(
        HttpStatus.BAD_REQUEST,
        "请求参数无效",
        "参数有误：" + e.getName(),
        List.of(new InvalidParam(e.getName(), "格式不符")),
        request);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(
      HttpMessageNotReadableException e, HttpServletRequest request) {
    return answer(
        HttpStatus.BAD_REQUEST,
        "请求参数无效",
        "请求体不是合法的 JSON",
        List.of(new InvalidParam("body", "不是合法的 JSON")),
        request);
  }

  @ExceptionHandler(SupervisionForbiddenException.class)
  ResponseEntity<ProblemDetail> forbidden(
      SupervisionForbiddenException e, HttpServletRequest request) {
    return answer(
        HttpStatus.FORBIDDEN,
        "超出督办范围",
        e.getMessage(),
        e.parameter() == null
            ? List.of()
            : List.of(new InvalidParam(e.parameter(), e.getMessage())),
        request);
  }

  @ExceptionHandler(SupervisedCaseNotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(
      SupervisedCaseNotFoundException e, HttpServletRequest request) {
    return answer(
        HttpStatus.NOT_FOUND,
        "未找到案件",
        e.getMessage(),
        List.of(new InvalidParam("caseCode", "无此案件")),
        request);
  }

  @ExceptionHandler(CaseAlreadyClosedException.class)
  ResponseEntity<ProblemDetail> closed(CaseAlreadyClosedException e, HttpServletRequest request) {
    return answer(
        HttpStatus.CONFLICT,
        "案件已结案",
        e.getMessage(),
        List.of(new InvalidParam("caseCode", "已结案的案件不能再督办")),
        request);
  }

  private static ResponseEntity<ProblemDetail> answer(
      HttpStatus status,
      String title,
      String detail,
      List<InvalidParam> invalidParams,
      HttpServletRequest request) {
    return Problems.answer(status, title, detail, invalidParams, request);
  }
}
