package cn.onedoor.intake;

import cn.onedoor.security.RequestBodyLimitFilter;
import cn.onedoor.web.InvalidParam;
import cn.onedoor.web.Problems;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
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

/**
 * The registry API's failures as RFC 9457 problem descriptions: every bad field named in {@code
 * invalidParams} (the shape the deadline API uses too), a reason in Chinese, never a stack trace.
 */
@RestControllerAdvice(assignableTypes = {CaseController.class, PartyCaseController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class IntakeProblems {

  @ExceptionHandler(IntakeRejectedException.class)
  ResponseEntity<ProblemDetail> rejected(IntakeRejectedException e, HttpServletRequest request) {
    return answer(HttpStatus.BAD_REQUEST, "登记信息有误", e.getMessage(), e.violations(), request);
  }

  /**
   * Malformed JSON, a value of the wrong type (named by its path), or a body over the limit (413).
   */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(
      HttpMessageNotReadableException e, HttpServletRequest request) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof RequestBodyLimitFilter.BodyTooLargeException tooLarge) {
        return answer(
            HttpStatus.PAYLOAD_TOO_LARGE, "请求体过大", tooLarge.getMessage(), List.of(), request);
      }
    }
    if (e.getCause() instanceof MismatchedInputException mismatch
        && !mismatch.getPath().isEmpty()) {
      String field = path(mismatch.getPath());
      return answer(
          HttpStatus.BAD_REQUEST,
          "登记信息有误",
          "字段类型不符：" + field,
          List.of(new InvalidParam(field, "类型不符（应为" + expected(mismatch) + "）")),
          request);
    }
    return answer(
        HttpStatus.BAD_REQUEST,
        "JSON 格式错误",
        "请求体不是合法的 JSON",
        List.of(new InvalidParam("body", "不是合法的 JSON")),
        request);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ProblemDetail> missing(
      MissingServletRequestParameterException e, HttpServletRequest request) {
    return answer(
        HttpStatus.BAD_REQUEST,
        "缺少参数",
        "缺少参数 " + e.getParameterName(),
        List.of(new InvalidParam(e.getParameterName(), "必填")),
        request);
  }

  @ExceptionHandler(IdempotencyConflictException.class)
  ResponseEntity<ProblemDetail> conflict(
      IdempotencyConflictException e, HttpServletRequest request) {
    ResponseEntity<ProblemDetail> answer =
        answer(
            HttpStatus.CONFLICT,
            "重复的登记键",
            e.getMessage(),
            List.of(new InvalidParam(e.field(), "已用于另一份不同的登记")),
            request);
    answer.getBody().setProperty("caseCode", e.caseCode());
    return answer;
  }

  @ExceptionHandler(CaseNotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(CaseNotFoundException e, HttpServletRequest request) {
    return answer(HttpStatus.NOT_FOUND, "未找到案件", e.getMessage(), List.of(), request);
  }

  @ExceptionHandler(HandOverRefusedException.class)
  ResponseEntity<ProblemDetail> handOverRefused(
      HandOverRefusedException e, HttpServletRequest request) {
    return answer(HttpStatus.valueOf(e.status()), "无法提出异议", e.getMessage(), List.of(), request);
  }

  @ExceptionHandler(TooManyLookupsException.class)
  ResponseEntity<ProblemDetail> tooMany(TooManyLookupsException e, HttpServletRequest request) {
    return answer(HttpStatus.TOO_MANY_REQUESTS, "尝试次数过多", e.getMessage(), List.of(), request);
  }

  private static String path(List<JsonMappingException.Reference> path) {
    StringBuilder field = new StringBuilder();
    for (JsonMappingException.Reference reference : path) {
      if (reference.getIndex() >= 0) {
        field.append('[').append(reference.getIndex()).append(']');
      } else {
        field.append(field.isEmpty() ? "" : ".").append(reference.getFieldName());
      }
    }
    return field.toString();
  }

  private static String expected(MismatchedInputException mismatch) {
    Class<?> type = mismatch.getTargetType();
    if (type == null) {
      return "正确的类型";
    }
    if (Number.class.isAssignableFrom(type)) {
      return "数字";
    }
    if (type == Boolean.class) {
      return " true 或 false";
    }
    if (type == String.class) {
      return "字符串";
    }
    return List.class.isAssignableFrom(type) ? "数组" : "对象";
  }

  static ResponseEntity<ProblemDetail> answer(
      HttpStatus status,
      String title,
      String detail,
      List<InvalidParam> violations,
      HttpServletRequest request) {
    return Problems.answer(status, title, detail, violations, request);
  }
}
