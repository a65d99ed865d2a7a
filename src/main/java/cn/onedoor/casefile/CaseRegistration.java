package cn.onedoor.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The start of every case. The intake (every door, the Tasklist start form included) has registered
 * the case and started the process with its code as business key; this enters the case into the
 * journal.
 */
@Component("caseRegistration")
public class CaseRegistration {

  private final CaseJournal journal;

  CaseRegistration(CaseJournal journal) {
    this.journal = journal;
  }

  public void registered(DelegateExecution execution) {
    String caseCode = execution.getProcessBusinessKey();
    if (caseCode == null || caseCode.isBlank()) {
      throw new CaseNotRegisteredException("（无编号）");
    }
    execution.setVariable("caseCode", caseCode);
    journal.registered(caseCode);
  }
}
