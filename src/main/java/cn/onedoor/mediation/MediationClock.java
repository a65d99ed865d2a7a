package cn.onedoor.mediation;

import cn.onedoor.casefile.CaseJournal;
import cn.onedoor.deadline.DeadlineChange;
import cn.onedoor.deadline.DeadlineService;
import cn.onedoor.deadline.DeadlineUnit;
import cn.onedoor.deadline.ProcessDeadlines;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The mediation clock of one level: starts when mediation starts at a level, restarts when the case
 * moves up the ladder (the new level gets its own period), and expires at the statutory limit or
 * after the local overrun. {@code mediationStartedAt} is the day the period counts from: a traffic
 * case's 10 days count from the day the loss is known ({@link #countFromLossKnown}); a medical
 * case's 30 working days stand still while an appraisal runs ({@link #pause}, {@link #resume}: the
 * start moves on by the days paused) and may be extended by agreement ({@link #extend}).
 */
@Component("mediationClock")
public class MediationClock {

  private static final String EXTENDED_TO = "mediationExtendedTo";

  private final ProcessDeadlines deadlines;
  private final DeadlineService deadlineService;
  private final MediationSettings settings;
  private final CaseJournal journal;

  MediationClock(
      ProcessDeadlines deadlines,
      DeadlineService deadlineService,
      MediationSettings settings,
      CaseJournal journal) {
    this.deadlines = deadlines;
    this.deadlineService = deadlineService;
    this.settings = settings;
    this.journal = journal;
  }

  public void start(DelegateExecution execution) {
    execution.setVariable("mediationStartedAt", deadlines.now());
    execution.setVariable("mediationAttempts", 0);
  }

  /**
   * 道路交通安全法实施条例 arts 94-95: the 10 days count from the day the loss can be known (end of treatment
   * or the disability rating, end of the funeral arrangements, the loss of property fixed), as the
   * mediator recorded it ({@code lossKnownOn}), not from registration.
   */
  public void countFromLossKnown(DelegateExecution execution) {
    LocalDate known = LocalDate.parse((String) execution.getVariable("lossKnownOn"));
    execution.setVariable(
        "mediationStartedAt", Date.from(known.atStartOfDay(DeadlineService.ZONE).toInstant()));
    journal.record(
        execution.getProcessBusinessKey(),
        "MEDIATION_COUNTED",
        null,
        "损失确定之日 " + known + " 起计算调解期限（道路交通安全法实施条例第94、95条）",
        null);
  }

  /** An appraisal (鉴定) was ordered: its time does not count (医疗纠纷预防和处理条例 art 38). */
  public void pause(DelegateExecution execution) {
    LocalDate today = deadlineService.today();
    execution.setVariable("mediationPausedOn", today.toString());
    journal.record(
        execution.getProcessBusinessKey(),
        "CLOCK_PAUSED",
        null,
        "委托鉴定，调解期限自 " + today + " 起暂停（鉴定时间不计入调解期限，医疗纠纷预防和处理条例第38条）",
        null);
  }

  /**
   * The appraisal concluded on {@code appraisalConcludedOn}: the days from the pause to it do not
   * count, so the period's start (and an agreed end) move on by them; the total is kept in {@code
   * mediationPausedDays}.
   */
  public void resume(DelegateExecution execution) {
    LocalDate pausedOn = LocalDate.parse((String) execution.getVariable("mediationPausedOn"));
    LocalDate concluded = LocalDate.parse((String) execution.getVariable("appraisalConcludedOn"));
    if (concluded.isBefore(pausedOn)) {
      concluded = pausedOn;
    }
    DeadlineUnit unit =
        "WORKING".equals(execution.getVariable("slaUnit"))
            ? DeadlineUnit.WORKING
            : DeadlineUnit.CALENDAR;
    Date due = currentDue(execution);
    DeadlineChange change = deadlineService.pause(localDate(due), pausedOn, concluded, unit, "鉴定");
    Object startedAt = execution.getVariable("mediationStartedAt");
    if (change.amount() > 0) {
      execution.setVariable(
          "mediationStartedAt",
          unit == DeadlineUnit.WORKING
              ? deadlines.workingDays(startedAt, change.amount())
              : deadlines.calendarDays(startedAt, change.amount()));
      if (execution.getVariable(EXTENDED_TO) instanceof Date extended) {
        execution.setVariable(
            EXTENDED_TO,
            endOfDay(
                deadlineService
                    .pause(localDate(extended), pausedOn, concluded, unit, "鉴定")
                    .newDue()));
      }
    }
    Object before = execution.getVariable("mediationPausedDays");
    execution.setVariable(
        "mediationPausedDays", (before instanceof Number n ? n.intValue() : 0) + change.amount());
    execution.removeVariable("mediationPausedOn");
    journal.record(
        execution.getProcessBusinessKey(),
        "CLOCK_RESUMED",
        null,
        "鉴定于 "
            + concluded
            + " 结束，暂停 "
            + change.amount()
            + (unit == DeadlineUnit.WORKING ? " 个工作日" : " 日")
            + "，调解期限顺延至 "
            + localDate(currentDue(execution)),
        null);
  }

  /**
   * The committee and both parties agreed to a longer period (医疗纠纷预防和处理条例 art 38), to {@code
   * extendedTo}; the parties' consent is recorded with it.
   */
  public void extend(DelegateExecution execution) {
    if (!Boolean.TRUE.equals(execution.getVariable("bothPartiesAgreeToExtend"))) {
      throw new IllegalArgumentException("延长调解期限须经双方当事人同意");
    }
    if (!(execution.getVariable("extendedTo") instanceof String day) || day.isBlank()) {
      throw new IllegalArgumentException("请填写约定的调解期限届满日");
    }
    LocalDate to = LocalDate.parse(day);
    execution.setVariable(EXTENDED_TO, endOfDay(to));
    journal.record(
        execution.getProcessBusinessKey(),
        "MEDIATION_EXTENDED",
        null,
        "调解委员会与双方当事人约定延长调解期限至 " + to + "（双方同意已记录）",
        null);
  }

  /** The period's end now: the agreed end, else the period from its (possibly moved) start. */
  public Date due(Object startedAt, String slaPeriod, String slaUnit, Object extendedTo) {
    return extendedTo instanceof Date agreed
        ? agreed
        : deadlines.period(startedAt, slaPeriod, slaUnit);
  }

  private Date currentDue(DelegateExecution execution) {
    return due(
        execution.getVariable("mediationStartedAt"),
        (String) execution.getVariable("slaPeriod"),
        (String) execution.getVariable("slaUnit"),
        execution.getVariable(EXTENDED_TO));
  }

  private static LocalDate localDate(Date date) {
    return LocalDate.ofInstant(date.toInstant(), DeadlineService.ZONE);
  }

  private static Date endOfDay(LocalDate day) {
    return Date.from(day.atTime(LocalTime.of(23, 59, 59)).atZone(DeadlineService.ZONE).toInstant());
  }

  /**
   * A session that ended without agreement counts against this level's attempts
   * (mediation-ladder.dmn).
   */
  public void failedAttempt(DelegateExecution execution) {
    // Long, as the diagram's former ${mediationAttempts + 1} stored it
    execution.setVariable(
        "mediationAttempts", ((Number) execution.getVariable("mediationAttempts")).longValue() + 1);
  }

  /** For statutory channels the period's end is the end (医疗纠纷条例 art 38: expiry = failed). */
  public Date expiry(Object startedAt, String channel, String slaPeriod, String slaUnit) {
    return expiry(startedAt, channel, slaPeriod, slaUnit, null);
  }

  /** As above; an end agreed by the parties ({@code extendedTo}) is the end. */
  public Date expiry(
      Object startedAt, String channel, String slaPeriod, String slaUnit, Object extendedTo) {
    if (extendedTo instanceof Date agreed) {
      return agreed;
    }
    if (settings.statutoryChannels().contains(channel)) {
      return deadlines.period(startedAt, slaPeriod, slaUnit);
    }
    // Local practice, not a legal period: the overrun is counted after the legal period without
    // rolling.
    return deadlines.periodWithOverrun(
        startedAt, slaPeriod, slaUnit, settings.targetOverrun().toString());
  }

  public void raiseLevel(DelegateExecution execution, String nextLevel) {
    String from = (String) execution.getVariable("handlingLevel");
    execution.setVariable("handlingLevel", nextLevel);
    execution.setVariable("mediationAttempts", 0);
    execution.setVariable("mediationStartedAt", deadlines.now());
    execution.removeVariable(EXTENDED_TO);
    // The mediator whose failed session moves the case up is who handed it over (the audit trail
    // names them).
    var by = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    journal.handedOver(
        execution.getProcessBusinessKey(),
        nextLevel,
        from + " 调解未成，移交上一级",
        by == null ? null : by.getUserId());
  }
}
