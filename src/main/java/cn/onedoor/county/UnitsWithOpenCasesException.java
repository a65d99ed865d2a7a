package cn.onedoor.county;

import java.util.List;

/** Units the file would remove while cases they hold are still open (409): nothing was loaded. */
class UnitsWithOpenCasesException extends RuntimeException {

  /** A unit that cannot go, and how many open cases it holds. */
  record Blocked(String kind, String code, String name, long openCases) {}

  private final List<Blocked> units;

  UnitsWithOpenCasesException(List<Blocked> units) {
    super(units.size() + " units with open cases");
    this.units = List.copyOf(units);
  }

  List<Blocked> units() {
    return units;
  }

  long openCases() {
    return units.stream().mapToLong(Blocked::openCases).sum();
  }
}
