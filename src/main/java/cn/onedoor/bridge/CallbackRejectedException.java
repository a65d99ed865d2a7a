package cn.onedoor.bridge;

import org.springframework.http.HttpStatus;

/**
 * A callback that cannot be applied, with the status and reason the caller gets (404, 409, 422,
 * 503).
 */
public class CallbackRejectedException extends RuntimeException {

  private final HttpStatus status;
  private final String title;

  CallbackRejectedException(HttpStatus status, String title, String reason) {
    super(reason);
    this.status = status;
    this.title = title;
  }

  /**
   * An answer the law does not allow (e.g. a third instance): 409, the reason naming the rule and
   * its article.
   */
  public static CallbackRejectedException refusedByLaw(String rule) {
    return new CallbackRejectedException(HttpStatus.CONFLICT, "法律不允许的答复", rule);
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }
}
