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

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }
}
