package cn.onedoor.designer;

import cn.onedoor.web.InvalidParam;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * Why a what-if could not be answered: a file that is not a decision table the engine can read
 * (400, naming the parse error or the rule), or a table the history cannot feed (422, naming the
 * inputs it lacks). The controller turns it into a problem description.
 */
class WhatIfProblem extends RuntimeException {

  private final HttpStatus status;
  private final String title;
  private final List<InvalidParam> invalidParams;

  WhatIfProblem(HttpStatus status, String title, String detail, List<InvalidParam> invalidParams) {
    super(detail);
    this.status = status;
    this.title = title;
    this.invalidParams = invalidParams;
  }

  static WhatIfProblem badFile(String title, String detail, String where) {
    return new WhatIfProblem(
        HttpStatus.BAD_REQUEST, title, detail, List.of(new InvalidParam(where, detail)));
  }

  HttpStatus status() {
    return status;
  }

  String title() {
    return title;
  }

  List<InvalidParam> invalidParams() {
    return invalidParams;
  }
}
