package cn.onedoor.intake;

/**
 * An objection that cannot be taken: not the receiving unit (403), already answered or too late
 * (409).
 */
class HandOverRefusedException extends RuntimeException {

  private final int status;

  HandOverRefusedException(int status, String reason) {
    super(reason);
    this.status = status;
  }

  int status() {
    return status;
  }
}
