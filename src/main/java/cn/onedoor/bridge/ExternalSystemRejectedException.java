package cn.onedoor.bridge;

/**
 * The system refused the request for a reason retrying cannot fix (a 4xx other than 408/425/429):
 * the job fails without further retries, so the incident, with the system's own message, appears at
 * once ({@link PermanentFailuresPlugin}).
 */
public class ExternalSystemRejectedException extends RuntimeException {

  private final int status;

  public ExternalSystemRejectedException(String message, int status) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
