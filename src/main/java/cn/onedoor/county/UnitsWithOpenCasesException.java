package cn.onedoor.county;

import java.util.List;

/** Units the file would remove while cases they hold are still open (409): nothing was loaded. */
class UnitsWithOpenCasesException extends RuntimeException {

  /** A unit that cannot go, and how many open cases it holds. */
  record Blocked(String kind, String code, String name, long openCases) {}

  private final List<Blocked> units;
  private final long openCases;

  /**
   * openCases: the open cases of all these units, each counted once (a village's are its town's).
   */
  UnitsWithOpenCasesException(List<Blocked> units, long openCases) {
    super(units.size() + " units with open cases");
    this.units = List.copyOf(units);
    this.openCases = openCases;
  }

  List<Blocked> units() {
    return units;
  }

  long openCases() {
    return openCases;
  }
}
