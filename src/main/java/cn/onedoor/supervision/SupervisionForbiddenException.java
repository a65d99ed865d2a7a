package cn.onedoor.supervision;

/** Outside the asker's scope (another town's data), or the asker supervises nothing: 403. */
class SupervisionForbiddenException extends RuntimeException {

  private final String parameter;

  SupervisionForbiddenException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  String parameter() {
    return parameter;
  }
}
