package cn.onedoor.mediation;

import cn.onedoor.deadline.ProcessDeadlines;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * When to visit the parties about performance: the agreed date, or the local default after the
 * agreement.
 */
@Component("agreementFollowUp")
public class AgreementFollowUp {

  private final ProcessDeadlines deadlines;
  private final MediationSettings settings;

  AgreementFollowUp(ProcessDeadlines deadlines, MediationSettings settings) {
    this.deadlines = deadlines;
    this.settings = settings;
  }

  public Date visitDate(DelegateExecution execution) {
    Object agreed = execution.getVariable("performanceDueDate");
    if (agreed != null && !agreed.toString().isBlank()) {
      return deadlines.period(agreed, "P0D", "CALENDAR", false);
    }
    return deadlines.period(
        deadlines.now(), settings.defaultFollowUpAfter().toString(), "CALENDAR");
  }
}
