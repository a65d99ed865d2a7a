package cn.onedoor.cost;

import java.util.Map;
import java.util.TreeMap;

/** Rows inserted, updated and deleted per table, and statements executed, in one window. */
public final class WriteCounts {

  /** What a write did to a row. */
  public enum Kind {
    INSERTED,
    UPDATED,
    DELETED
  }

  /** One table's rows: inserted, updated, deleted. */
  public record Rows(long inserted, long updated, long deleted) {
    public long written() {
      return inserted + updated + deleted;
    }

    Rows plus(Kind kind, long rows) {
      return new Rows(
          inserted + (kind == Kind.INSERTED ? rows : 0),
          updated + (kind == Kind.UPDATED ? rows : 0),
          deleted + (kind == Kind.DELETED ? rows : 0));
    }
  }

  private final Map<String, Rows> tables = new TreeMap<>();
  private long statements;

  synchronized void write(String table, Kind kind, long rows) {
    statements++;
    tables.merge(table, new Rows(0, 0, 0).plus(kind, rows), (a, b) -> a.plus(kind, rows));
  }

  synchronized void statement() {
    statements++;
  }

  /** Per table (lower case, sorted), tables written with no row touched included. */
  public synchronized Map<String, Rows> tables() {
    return new TreeMap<>(tables);
  }

  /** Statements executed: reads and writes. */
  public synchronized long statements() {
    return statements;
  }

  /** Rows inserted, updated and deleted in every table. */
  public synchronized long written() {
    return tables.values().stream().mapToLong(Rows::written).sum();
  }
}
