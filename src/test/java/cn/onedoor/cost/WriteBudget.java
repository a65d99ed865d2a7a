package cn.onedoor.cost;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The rows a closed case may write, per path and table, as recorded in {@link #FILE}; and the rule
 * that a path over it by more than {@link #TOLERANCE} fails, naming the tables that grew.
 *
 * <p>A path fails when its rows written (inserted + updated + deleted, all tables) exceed its
 * budget by more than 10 %, or when one table's rows exceed that table's budget by more than 10 %
 * and by more than {@link #TABLE_SLACK} rows (so a variable copied into every call activity shows
 * even while the path's total stays under: it lands in a few tables only).
 */
public final class WriteBudget {

  /** The recorded budget, in the source tree so that re-recording shows in the diff. */
  public static final Path FILE = Path.of("src", "test", "resources", "cost", "write-budget.tsv");

  /** Re-records {@link #FILE} from this run instead of comparing: {@code -Dcost.record=true}. */
  public static final String RECORD_PROPERTY = "cost.record";

  public static final double TOLERANCE = 0.10;
  public static final long TABLE_SLACK = 5;

  private static final String HEADER =
      "# Rows one closed case writes, per path and table (inserted, updated, deleted), counted at the"
          + " JDBC level by\n"
          + "# WriteBudgetTest on H2. Re-record after an intended change (see docs/benchmarks.md):\n"
          + "#   ./mvnw -o test -Dtest=WriteBudgetTest -Dcost.record=true"
          + " -Dsurefire.failIfNoSpecifiedTests=false\n"
          + "# path\ttable\tinserted\tupdated\tdeleted\n";

  private final Map<String, Map<String, WriteCounts.Rows>> paths;

  WriteBudget(Map<String, Map<String, WriteCounts.Rows>> paths) {
    this.paths = paths;
  }

  public static boolean recording() {
    return Boolean.getBoolean(RECORD_PROPERTY);
  }

  public static WriteBudget read(Path file) {
    Map<String, Map<String, WriteCounts.Rows>> paths = new TreeMap<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t");
        paths
            .computeIfAbsent(cells[0], path -> new TreeMap<>())
            .put(
                cells[1],
                new WriteCounts.Rows(
                    Long.parseLong(cells[2]), Long.parseLong(cells[3]), Long.parseLong(cells[4])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new WriteBudget(paths);
  }

  public static void write(Path file, Map<String, Map<String, WriteCounts.Rows>> measured) {
    StringBuilder text = new StringBuilder(HEADER);
    new TreeMap<>(measured)
        .forEach(
            (path, tables) ->
                new TreeMap<>(tables)
                    .forEach(
                        (table, rows) ->
                            text.append(path)
                                .append('\t')
                                .append(table)
                                .append('\t')
                                .append(rows.inserted())
                                .append('\t')
                                .append(rows.updated())
                                .append('\t')
                                .append(rows.deleted())
                                .append('\n')));
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Map<String, WriteCounts.Rows> of(String path) {
    return paths.getOrDefault(path, Map.of());
  }

  /**
   * What is wrong with a path's measured rows against its budget: empty when within; otherwise one
   * line for the path's total and one per table that grew, each with its rows and the budget's.
   */
  public List<String> overruns(String path, Map<String, WriteCounts.Rows> measured) {
    Map<String, WriteCounts.Rows> budget = of(path);
    if (budget.isEmpty()) {
      return List.of("path " + path + " has no recorded budget");
    }
    long budgetTotal = total(budget);
    long measuredTotal = total(measured);
    boolean totalOver = measuredTotal > budgetTotal * (1 + TOLERANCE);
    List<String> grown = new ArrayList<>();
    boolean tableOver = false;
    Set<String> tables = new TreeSet<>(budget.keySet());
    tables.addAll(measured.keySet());
    for (String table : tables) {
      long allowed = written(budget.get(table));
      long rows = written(measured.get(table));
      if (rows > allowed) {
        boolean over = rows > allowed * (1 + TOLERANCE) && rows - allowed > TABLE_SLACK;
        tableOver |= over;
        grown.add(
            String.format(
                "  %s%s: %d rows written, budget %d (+%d%s)",
                over ? "OVER " : "",
                table,
                rows,
                allowed,
                rows - allowed,
                allowed == 0
                    ? ""
                    : String.format(", +%.0f %%", 100.0 * (rows - allowed) / allowed)));
      }
    }
    if (!totalOver && !tableOver) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            "path %s wrote %d rows per case, budget %d (%+.1f %%); the tables that grew:",
            path, measuredTotal, budgetTotal, 100.0 * (measuredTotal - budgetTotal) / budgetTotal));
    lines.addAll(grown);
    return lines;
  }

  private static long written(WriteCounts.Rows rows) {
    return rows == null ? 0 : rows.written();
  }

  private static long total(Map<String, WriteCounts.Rows> tables) {
    return tables.values().stream().mapToLong(WriteCounts.Rows::written).sum();
  }
}
