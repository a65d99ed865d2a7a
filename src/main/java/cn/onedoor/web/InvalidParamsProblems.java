package cn.onedoor.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Bad parameters of any of our APIs (audit, deadlines, supervision): 400 naming each ({@code
 * invalidParams}).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class InvalidParamsProblems {

  @ExceptionHandler(InvalidParamsException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidParamsException e, HttpServletRequest request) {
    return Problems.invalidParams("请求参数无效", e.invalidParams(), request);
  }
}
