package cn.onedoor.audit;

import cn.onedoor.web.InvalidParam;
import cn.onedoor.web.InvalidParamsException;
import java.util.List;

/** Bad parameters of an audit query, each named (400). */
class InvalidAuditQueryException extends InvalidParamsException {

  InvalidAuditQueryException(List<InvalidParam> invalidParams) {
    super(String.join("、", invalidParams.stream().map(InvalidParam::name).toList()), invalidParams);
  }
}
