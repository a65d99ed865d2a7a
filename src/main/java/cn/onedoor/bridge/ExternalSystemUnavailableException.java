package cn.onedoor.bridge;

/**
 * The system could not be reached or answered with a server error, a timeout or an answer we cannot
 * read: the step's job fails and is retried ({@code R5/PT5M}), then becomes an incident an operator
 * retries in Cockpit.
 */
public class ExternalSystemUnavailableException extends RuntimeException {

  public ExternalSystemUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
