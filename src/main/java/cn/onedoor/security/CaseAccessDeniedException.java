package cn.onedoor.security;

/**
 * A person asked for a case, its parties or an action outside what their role and area allow (403).
 */
public class CaseAccessDeniedException extends RuntimeException {

  private final String field;

  public CaseAccessDeniedException(String message) {
    this(message, null);
  }

  /**
   * @param field the request field that makes the difference (e.g. {@code source}), named in the
   *     answer
   */
  public CaseAccessDeniedException(String message, String field) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
