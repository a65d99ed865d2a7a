package cn.onedoor.bridge;

import cn.onedoor.web.InvalidParam;
import cn.onedoor.web.Problems;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the callback endpoints as problem descriptions (application/problem+json) a machine on
 * the other side can act on: 400 naming each invalid field ({@code invalidParams}), 404 unknown
 * case, 409 case not waiting for that answer, 422 callback id reused for another body, 503 try
 * again. Never a 500 or a stack trace.
 */
@RestControllerAdvice(annotations = CallbackEndpoint.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CallbackProblems {

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ProblemDetail> invalid(
      MethodArgumentNotValidException e, HttpServletRequest request) {
    List<InvalidParam> params =
        e.getBindingResult().getFieldErrors().stream()
            .map(error -> new InvalidParam(error.getField(), error.getDefaultMessage()))
            .collect(
                Collectors.toMap(
                    InvalidParam::name, p -> p, (a, b) -> a, java.util.LinkedHashMap::new))
            .values()
            .stream()
            .toList();
    return invalidParams(params, request);
  }

  /** Malformed JSON or a value of the wrong type: the field is named where Jackson knows it. */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(
      HttpMessageNotReadableException e, HttpServletRequest request) {
    String field = "body";
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      field =
          mapping.getPath().stream()
              .map(
                  ref ->
                      ref.getFieldName() != null
                          ? ref.getFieldName()
                          : String.valueOf(ref.getIndex()))
              .collect(Collectors.joining("."));
    }
    return invalidParams(
        List.of(new InvalidParam(field, "body".equals(field) ? "请求体不是有效的 JSON" : "值的类型不对")),
        request);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(
      HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
    return Problems.answer(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "不支持的内容类型",
        "回调须以 application/json 发送",
        List.of(),
        request);
  }

  @ExceptionHandler(CallbackRejectedException.class)
  ResponseEntity<ProblemDetail> rejected(CallbackRejectedException e, HttpServletRequest request) {
    ResponseEntity<ProblemDetail> answer =
        Problems.answer(e.status(), e.title(), e.getMessage(), List.of(), request);
    if (e.status() == HttpStatus.SERVICE_UNAVAILABLE) {
      return ResponseEntity.status(answer.getStatusCode())
          .headers(answer.getHeaders())
          .header("Retry-After", "5")
          .body(answer.getBody());
    }
    return answer;
  }

  @ExceptionHandler(CallbackInbox.AlreadyReceived.class)
  ResponseEntity<CallbackAnswer> alreadyReceived(CallbackInbox.AlreadyReceived e) {
    return ResponseEntity.ok(e.answer());
  }

  private static ResponseEntity<ProblemDetail> invalidParams(
      List<InvalidParam> params, HttpServletRequest request) {
    return Problems.invalidParams("回调内容无效", params, request);
  }
}
