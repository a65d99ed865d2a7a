package cn.onedoor.supervision;

import cn.onedoor.web.InvalidParam;
import cn.onedoor.web.InvalidParamsException;
import java.util.List;

/**
 * A parameter of the supervision API that names nothing (an unknown unit, a period that is not
 * one): 400.
 */
class InvalidSupervisionQueryException extends InvalidParamsException {

  InvalidSupervisionQueryException(String name, String reason) {
    super(name + ": " + reason, List.of(new InvalidParam(name, reason)));
  }
}
