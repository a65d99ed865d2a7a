package cn.onedoor.migration;

import cn.onedoor.web.InvalidParam;
import cn.onedoor.web.InvalidParamsException;
import java.util.List;

/** A migration request naming no process, version or batch that exists: 400 naming the field. */
class InvalidMigrationException extends InvalidParamsException {

  InvalidMigrationException(List<InvalidParam> invalidParams) {
    super("invalid migration request", invalidParams);
  }
}
