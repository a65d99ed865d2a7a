package cn.onedoor.mediation;

import cn.onedoor.casefile.CaseJournal;
import cn.onedoor.deadline.ProcessDeadlines;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The mediation clock of one level: starts when mediation starts at a level, restarts when the case
 * moves up the ladder (the new level gets its own period), and expires at the statutory limit or
 * after the local overrun.
 */
@Component("mediationClock")
public class MediationClock {

  private final ProcessDeadlines deadlines;
  private final MediationSettings settings;
  private final CaseJournal journal;

  MediationClock(ProcessDeadlines deadlines, MediationSettings settings, CaseJournal journal) {
    this.deadlines = deadlines;
    this.settings = settings;
    this.journal = journal;
  }

  public void start(DelegateExecution execution) {
    execution.setVariable("mediationStartedAt", deadlines.now());
    execution.setVariable("mediationAttempts", 0);
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
