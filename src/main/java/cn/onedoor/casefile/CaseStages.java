package cn.onedoor.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code ${caseStages.enter(execution, 'MEDIATION')}} on a call activity's start: the case's stage, visible outside
 * the engine. Designers see and set it in the Modeler's listener panel.
 */
@Component("caseStages")
public class CaseStages {

  private final CaseJournal journal;

  CaseStages(CaseJournal journal) {
    this.journal = journal;
  }

  public void enter(DelegateExecution execution, String stage) {
    journal.stageEntered(execution.getProcessBusinessKey(), CaseStage.valueOf(stage));
  }

  /** On the end of the mediation call: its outcome, for the supervisors' mediation success rate. */
  public void mediationEnded(DelegateExecution execution) {
    Object outcome = execution.getVariable("mediationOutcome");
    journal.mediationEnded(execution.getProcessBusinessKey(), outcome == null ? null : outcome.toString());
  }

  public void closed(DelegateExecution execution) {
    Object reason = execution.getVariable("closureReason");
    journal.closed(execution.getProcessBusinessKey(), reason == null ? null : reason.toString());
  }
}
