package cn.onedoor.county;

import java.util.List;

/**
 * What a load does (or, for a dry run, would do): each entry added, changed (with what changed) or
 * removed, and how many stayed as they were. Loading the same file again gives empty lists.
 */
public record ImportPlan(
    boolean dryRun,
    List<Entry> added,
    List<Entry> changed,
    List<Entry> removed,
    int unchanged,
    List<String> notes) {

  /** A unit ({@code kind}, code, name) or a person (role group, user name, name). */
  public record Entry(String kind, String code, String name, List<String> changes) {}

  public boolean changesNothing() {
    return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
  }
}
