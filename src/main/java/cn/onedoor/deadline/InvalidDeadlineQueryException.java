package cn.onedoor.deadline;

import java.util.List;

/** One or more query parameters of {@code GET /api/deadlines} are wrong; all of them are reported at once. */
class InvalidDeadlineQueryException extends RuntimeException {

  private final List<InvalidParam> invalidParams;

  InvalidDeadlineQueryException(List<InvalidParam> invalidParams) {
    super("Invalid parameters: " + invalidParams.stream().map(InvalidParam::name).toList());
    this.invalidParams = List.copyOf(invalidParams);
  }

  List<InvalidParam> invalidParams() {
    return invalidParams;
  }

  /** One wrong parameter, in the shape RFC 9457 uses in its example ({@code invalid-params}: name and reason). */
  record InvalidParam(String name, String reason) {
  }
}
