package cn.onedoor.security;

import cn.onedoor.web.InvalidParam;
import cn.onedoor.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refusal by {@link CaseAccess} anywhere in our API: 403 as a problem description, in Chinese.
 */
@RestControllerAdvice
class AccessProblems {

  @ExceptionHandler(CaseAccessDeniedException.class)
  ResponseEntity<ProblemDetail> denied(CaseAccessDeniedException e, HttpServletRequest request) {
    return Problems.answer(
        HttpStatus.FORBIDDEN,
        "无权访问",
        e.getMessage(),
        e.field() == null ? List.of() : List.of(new InvalidParam(e.field(), e.getMessage())),
        request);
  }
}
