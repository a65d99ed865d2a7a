package cn.onedoor.deadline;

import java.time.LocalDate;

/**
 * A computed period: what was asked and where it ends.
 *
 * @param periodEnd the last day of the period as counted, before moving off a day off
 * @param due the last day on which the act may still be done: {@code periodEnd}, or the first working day after it
 *     when it fell on a day off and the period rolls
 */
public record Deadline(
    LocalDate start, int amount, DeadlineUnit unit, boolean roll, LocalDate periodEnd, LocalDate due) {

  /** Whether the end moved off a weekend or holiday. */
  public boolean rolled() {
    return !due.equals(periodEnd);
  }
}
