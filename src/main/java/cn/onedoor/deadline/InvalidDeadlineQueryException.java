package cn.onedoor.deadline;

import cn.onedoor.web.InvalidParam;
import cn.onedoor.web.InvalidParamsException;
import java.util.List;

/**
 * One or more query parameters of {@code GET /api/deadlines} are wrong; all of them are reported at
 * once.
 */
class InvalidDeadlineQueryException extends InvalidParamsException {

  InvalidDeadlineQueryException(List<InvalidParam> invalidParams) {
    super(
        "Invalid parameters: " + invalidParams.stream().map(InvalidParam::name).toList(),
        invalidParams);
  }
}
