package cn.onedoor.deadline;

import java.time.LocalDate;

/**
 * A due date moved by an extension (延长, e.g. judicial confirmation +10 days) or a pause (中止/扣除,
 * e.g. medical appraisal time is not counted). Only the arithmetic lives here; recording who
 * decided it, when and why belongs to the case's own history.
 *
 * @param amount how far the due date moved, in {@code unit}
 * @param reason why, in the words of the person who decided it
 */
public record DeadlineChange(
    Kind kind,
    LocalDate previousDue,
    LocalDate newDue,
    int amount,
    DeadlineUnit unit,
    String reason) {

  public enum Kind {
    EXTENSION,
    PAUSE
  }
}
