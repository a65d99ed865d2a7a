package cn.onedoor.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period of the supervisors' page: a month ({@code 2026-03}), a quarter ({@code
 * 2026-Q1}) or a year ({@code 2026}), in Beijing time. Counts of what happened (closed, escalated,
 * mediated, brought to court) are taken within it; counts of what stands (open, due soon, overdue,
 * orders awaiting an answer) are taken at its end, or now while it runs, so that the previous
 * period is compared as it stood when it ended.
 */
record SupervisionPeriod(
    String code, String label, Instant from, Instant to, Instant asOf, String kind) {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
  private static final Pattern YEAR = Pattern.compile("(\\d{4})");

  /** The period named by {@code code}, or the current month; null when the code is not a period. */
  static SupervisionPeriod parse(String code, Instant now) {
    LocalDate today = LocalDate.ofInstant(now, BEIJING);
    if (code == null || code.isBlank()) {
      return month(today.getYear(), today.getMonthValue(), now);
    }
    Matcher m = MONTH.matcher(code.trim());
    if (m.matches() && Integer.parseInt(m.group(2)) >= 1 && Integer.parseInt(m.group(2)) <= 12) {
      return month(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), now);
    }
    m = QUARTER.matcher(code.trim());
    if (m.matches()) {
      return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), now);
    }
    m = YEAR.matcher(code.trim());
    if (m.matches()) {
      return year(Integer.parseInt(m.group(1)), now);
    }
    return null;
  }

  static SupervisionPeriod month(int year, int month, Instant now) {
    LocalDate start = LocalDate.of(year, month, 1);
    return of(
        "%04d-%02d".formatted(year, month),
        "%d年%d月".formatted(year, month),
        start,
        start.plusMonths(1),
        now,
        "MONTH");
  }

  static SupervisionPeriod quarter(int year, int quarter, Instant now) {
    LocalDate start = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    return of(
        "%04d-Q%d".formatted(year, quarter),
        "%d年第%d季度".formatted(year, quarter),
        start,
        start.plusMonths(3),
        now,
        "QUARTER");
  }

  static SupervisionPeriod year(int year, Instant now) {
    LocalDate start = LocalDate.of(year, 1, 1);
    return of(
        "%04d".formatted(year), "%d年".formatted(year), start, start.plusYears(1), now, "YEAR");
  }

  private static SupervisionPeriod of(
      String code, String label, LocalDate start, LocalDate end, Instant now, String kind) {
    Instant from = start.atStartOfDay(BEIJING).toInstant();
    Instant to = end.atStartOfDay(BEIJING).toInstant();
    return new SupervisionPeriod(code, label, from, to, now.isBefore(to) ? now : to, kind);
  }

  /** A period that has not begun has nothing to show. */
  boolean startsAfter(Instant now) {
    return from.isAfter(now);
  }

  SupervisionPeriod previous(Instant now) {
    LocalDate start = LocalDate.ofInstant(from, BEIJING);
    return switch (kind) {
      case "MONTH" ->
          month(start.minusMonths(1).getYear(), start.minusMonths(1).getMonthValue(), now);
      case "QUARTER" ->
          quarter(
              start.minusMonths(3).getYear(),
              (start.minusMonths(3).getMonthValue() - 1) / 3 + 1,
              now);
      default -> year(start.getYear() - 1, now);
    };
  }
}
