package cn.onedoor.audit;

import java.util.List;

/** Bad parameters of an audit query, each named (400). */
class InvalidAuditQueryException extends RuntimeException {

  record InvalidParam(String name, String reason) {
  }

  private final List<InvalidParam> invalidParams;

  InvalidAuditQueryException(List<InvalidParam> invalidParams) {
    super(String.join("、", invalidParams.stream().map(InvalidParam::name).toList()));
    this.invalidParams = List.copyOf(invalidParams);
  }

  List<InvalidParam> invalidParams() {
    return invalidParams;
  }
}
