package cn.onedoor.supervision;

import java.util.List;

/** A parameter of the supervision API that names nothing (an unknown unit, a period that is not one): 400. */
class InvalidSupervisionQueryException extends RuntimeException {

  record InvalidParam(String name, String reason) {
  }

  private final transient List<InvalidParam> invalidParams;

  InvalidSupervisionQueryException(String name, String reason) {
    super(name + ": " + reason);
    this.invalidParams = List.of(new InvalidParam(name, reason));
  }

  List<InvalidParam> invalidParams() {
    return invalidParams;
  }
}
