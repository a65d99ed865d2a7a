package cn.onedoor.casefile;

import cn.onedoor.deadline.DeadlineService;
import cn.onedoor.deadline.WorkingDayCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * 诉讼时效 (and labour's 仲裁时效) as a case keeps it, read off the registry: interrupted only by a request
 * the right-holder made (民法典 art 195; 最高法《关于审理民事案件适用诉讼时效制度若干问题的规定》2020 art 14: a request to a
 * people's mediation committee interrupts from the day it is made), running again from the day the
 * procedure ends (mediation ended, or the case closed without one), expiring 3 years later (民法典 art
 * 188), or 1 year later for a labour dispute (劳动争议调解仲裁法 art 27).
 *
 * <p>Which doors are the right-holder's own request: the window (a party comes), the hotline and
 * online (a party asks), the court (the party sued: art 195(3)) and the police (the party reported:
 * 2020 规定 art 12). A grid worker's report and a petition routed to mediation are not a request by
 * the right-holder to a mediation committee, so they do not interrupt (docs/one-door.md).
 */
public final class Limitation {

  /** The doors where the right-holder himself asks for protection of the right. */
  public static final Set<String> RIGHT_HOLDER_DOORS =
      Set.of("WINDOW", "HOTLINE", "ONLINE", "COURT", "POLICE");

  /** Disputes that go to labour arbitration first, whose limitation is one year (art 27). */
  public static final Set<String> LABOUR_DISPUTES = Set.of("LABOUR", "WAGE_ARREARS");

  /**
   * @param interruptedAt when the right-holder's request interrupted the period, or null (not a
   *     request by the right-holder)
   * @param restartedAt when the new period started (the procedure ended), or null while it runs
   * @param years the length of the period: 3, or 1 for labour arbitration
   * @param expiresOn the last day of the new period (moved to the next working day when it falls on
   *     a day off, 民法典 art 203), or null while the period is interrupted
   */
  public record Period(
      Instant interruptedAt, Instant restartedAt, int years, LocalDate expiresOn) {}

  private Limitation() {}

  /** The moment the request interrupted the period, or null when the door is not the party's. */
  public static Instant interruptedAt(String source, Instant registeredAt) {
    return source != null && RIGHT_HOLDER_DOORS.contains(source) ? registeredAt : null;
  }

  /**
   * @param procedureEndedAt when mediation ended, or the case closed without one; null while the
   *     procedure runs
   */
  public static Period of(
      String source,
      String disputeType,
      Instant registeredAt,
      Instant procedureEndedAt,
      WorkingDayCalendar calendar) {
    Instant interrupted = interruptedAt(source, registeredAt);
    int years = disputeType != null && LABOUR_DISPUTES.contains(disputeType) ? 1 : 3;
    if (interrupted == null || procedureEndedAt == null) {
      return new Period(interrupted, null, years, null);
    }
    // the day the new period starts is not counted (民法典 art 201); it ends on the same date
    // `years` later, or on the next working day when that is a day off (art 203)
    LocalDate end = procedureEndedAt.atZone(DeadlineService.ZONE).toLocalDate().plusYears(years);
    LocalDate expires = calendar.isWorkingDay(end) ? end : calendar.nextWorkingDayAfter(end);
    return new Period(interrupted, procedureEndedAt, years, expires);
  }
}
