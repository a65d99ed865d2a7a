package cn.onedoor.web;

import java.util.List;

/**
 * Parameters of a request to our API that name nothing or are malformed, each named with its
 * reason: answered 400 as a problem description listing them ({@link InvalidParamsProblems}),
 * whichever API threw it.
 */
public abstract class InvalidParamsException extends RuntimeException {

  private final transient List<InvalidParam> invalidParams;

  protected InvalidParamsException(String message, List<InvalidParam> invalidParams) {
    super(message);
    this.invalidParams = List.copyOf(invalidParams);
  }

  public List<InvalidParam> invalidParams() {
    return invalidParams;
  }
}
