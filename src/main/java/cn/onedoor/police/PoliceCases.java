package cn.onedoor.police;

import cn.onedoor.casefile.CaseJournal;
import cn.onedoor.casefile.CaseStage;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What the police's procedures (police-transfer.bpmn, public-security-mediation.bpmn) record on the
 * case: the transfer accepted under the police's case number, a 治安调解 settled, or its failure handed
 * to the police's punishment decision. The journal is where staff, the supervisors and the closure
 * read it; the diagram names the moment.
 */
@Component("policeCases")
public class PoliceCases {

  private final CaseJournal journal;

  PoliceCases(CaseJournal journal) {
    this.journal = journal;
  }

  public void transferAccepted(DelegateExecution execution) {
    journal.record(
        execution.getProcessBusinessKey(),
        "POLICE_TRANSFER_ACCEPTED",
        CaseStage.POLICE,
        "公安机关已受案：" + execution.getVariable("policeCaseNumber"),
        null);
  }

  public void mediated(DelegateExecution execution) {
    journal.record(
        execution.getProcessBusinessKey(),
        "POLICE_MEDIATION_SETTLED",
        CaseStage.POLICE,
        "治安调解达成协议并已履行",
        null);
  }

  public void referredForPunishment(DelegateExecution execution) {
    journal.record(
        execution.getProcessBusinessKey(),
        "PUNISHMENT_REFERRED",
        CaseStage.POLICE,
        "治安调解不成，已告知公安机关依法作出处罚决定",
        null);
  }
}
