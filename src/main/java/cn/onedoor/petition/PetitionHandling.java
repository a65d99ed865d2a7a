package cn.onedoor.petition;

import cn.onedoor.casefile.CaseJournal;
import cn.onedoor.deadline.ProcessDeadlines;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The clocks and outcome of a petition (processes/petition-handling.bpmn, 信访工作条例): the handling
 * period set once on receipt and extended once, only with an approval recorded; the moments from
 * which the petitioner's 30 days to ask for 复查 / 复核 and the 30 days to answer run. The periods
 * themselves stand in the diagram; this bean keeps the moments as data.
 */
@Component("petitionHandling")
public class PetitionHandling {

  static final String HANDLING_DUE = "handlingDue";
  static final String HANDLING_EXTENDED = "handlingExtended";

  private final ProcessDeadlines deadlines;
  private final CaseJournal journal;

  PetitionHandling(ProcessDeadlines deadlines, CaseJournal journal) {
    this.deadlines = deadlines;
    this.journal = journal;
  }

  /** On receipt: the handling period (channel-routing.dmn, 60 days) runs from today. */
  public void received(DelegateExecution execution, String period, String unit) {
    Date now = deadlines.now();
    execution.setVariable("petitionReceivedAt", now);
    execution.setVariable(HANDLING_DUE, deadlines.period(now, period, unit));
    execution.setVariable(HANDLING_EXTENDED, false);
  }

  /**
   * 经批准延长: once, by the period the diagram names, only with who approved it and when; the approval
   * goes on the case so supervision tells an extended petition from a late one.
   */
  public void extend(
      DelegateExecution execution, String period, Object approvedBy, Object approvedOn) {
    if (Boolean.TRUE.equals(execution.getVariable(HANDLING_EXTENDED))) {
      throw new PetitionRuleException("办理期限已经延长过一次，不能再次延长（信访工作条例：延长期限不得超过30日）");
    }
    if (approvedBy == null
        || approvedBy.toString().isBlank()
        || approvedOn == null
        || approvedOn.toString().isBlank()) {
      throw new PetitionRuleException("延长办理期限须经批准：请填写批准人和批准日期");
    }
    execution.setVariable(
        HANDLING_DUE, deadlines.extend(execution.getVariable(HANDLING_DUE), period, "CALENDAR"));
    execution.setVariable(HANDLING_EXTENDED, true);
    journal.record(
        execution.getProcessBusinessKey(),
        "CLOCK_EXTENDED",
        null,
        "信访事项办理 延长 " + period + "：经" + approvedBy.toString().strip() + "于" + approvedOn + "批准",
        approver(execution));
  }

  private static String approver(DelegateExecution execution) {
    // who recorded the approval (the liaison completing the task); the approver is named in the
    // entry
    var by = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return by == null ? null : by.getUserId();
  }

  /** The moment a step is taken (处理意见出具, 复查请求, 复查意见, 复核请求): the next 30-day period runs from it. */
  public void stepTaken(DelegateExecution execution, String moment) {
    execution.setVariable(moment, deadlines.now());
  }

  /** How the petition ended, read back by dispute-case. */
  public void ended(DelegateExecution execution, String outcome) {
    execution.setVariable("petitionOutcome", outcome);
  }
}
