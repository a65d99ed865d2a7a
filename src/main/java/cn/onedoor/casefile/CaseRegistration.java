package cn.onedoor.casefile;

import java.time.Clock;
import java.time.Year;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The start of every case: a case started from the Tasklist start form has no business key yet (form starts send
 * none), so it draws its code here; a case started by the intake API already has one.
 */
@Component("caseRegistration")
public class CaseRegistration {

  private final CaseCodes caseCodes;
  private final CaseJournal journal;
  private final IdentityService identityService;
  private final Clock clock;

  CaseRegistration(CaseCodes caseCodes, CaseJournal journal, IdentityService identityService, Clock clock) {
    this.caseCodes = caseCodes;
    this.journal = journal;
    this.identityService = identityService;
    this.clock = clock;
  }

  public void registered(DelegateExecution execution) {
    String caseCode = execution.getProcessBusinessKey();
    if (caseCode == null || caseCode.isBlank()) {
      caseCode = caseCodes.next(Year.now(clock));
      execution.setProcessBusinessKey(caseCode);
    }
    execution.setVariable("caseCode", caseCode);
    // The start form sends no village for a case reported at a town or the county; candidate groups read it.
    if (!execution.hasVariable("villageCode")) {
      execution.setVariable("villageCode", null);
    }
    if (execution.getVariable("source") == null) {
      execution.setVariable("source", "WINDOW");
    }
    String officer = identityService.getCurrentAuthentication() == null
        ? null : identityService.getCurrentAuthentication().getUserId();
    if (execution.getVariable("receivedBy") == null && officer != null) {
      execution.setVariable("receivedBy", officer);
    }
    journal.registered(caseCode, officer);
  }
}
