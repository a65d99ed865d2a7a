package cn.onedoor.county;

import java.util.List;

/** An import file with mistakes: nothing of it was loaded (400, each row and column named). */
class InvalidImportException extends RuntimeException {

  private final String file;
  private final List<RowProblem> problems;

  InvalidImportException(String file, List<RowProblem> problems) {
    super(file + ": " + problems.size() + " problems");
    this.file = file;
    this.problems = List.copyOf(problems);
  }

  String file() {
    return file;
  }

  List<RowProblem> problems() {
    return problems;
  }
}
