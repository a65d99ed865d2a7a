package cn.onedoor.deadline;

import java.time.LocalDate;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A computed period: what was asked and where it ends.
 *
 * @param periodEnd the last day of the period as counted, before moving off a day off
 * @param due the last day on which the act may still be done: {@code periodEnd}, or the first
 *     working day after it when it fell on a day off and the period rolls
 * @param provisionalYears the years without a published holiday notice whose days the count had to
 *     look at; when not empty the due day is provisional (暂定) and is recomputed once those notices
 *     are published
 */
public record Deadline(
    LocalDate start,
    int amount,
    DeadlineUnit unit,
    boolean roll,
    LocalDate periodEnd,
    LocalDate due,
    SortedSet<Integer> provisionalYears) {

  public Deadline {
    provisionalYears = Collections.unmodifiableSortedSet(new TreeSet<>(provisionalYears));
  }

  /** Whether the end moved off a weekend or holiday. */
  public boolean rolled() {
    return !due.equals(periodEnd);
  }

  /** Whether a day of a year without a published notice decided this due day. */
  public boolean provisional() {
    return !provisionalYears.isEmpty();
  }
}
