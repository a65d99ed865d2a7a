package cn.onedoor.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * {@code ${caseStages.enter(execution, 'MEDIATION')}} on a call activity's start: the case's stage,
 * visible outside the engine. Designers see and set it in the Modeler's listener panel.
 */
@Component("caseStages")
public class CaseStages {

  private final CaseJournal journal;
  private final ApplicationEventPublisher events;

  CaseStages(CaseJournal journal, ApplicationEventPublisher events) {
    this.journal = journal;
    this.events = events;
  }

  /**
   * Also tells the systems around the chain (the provincial platform reports every stage change).
   */
  public void enter(DelegateExecution execution, String stage) {
    String caseCode = execution.getProcessBusinessKey();
    CaseStage entered = CaseStage.valueOf(stage);
    journal.stageEntered(caseCode, entered);
    int visit =
        (int)
            journal.events(caseCode).stream()
                .filter(event -> "STAGE".equals(event.kind()) && stage.equals(event.stage()))
                .count();
    Object source = execution.getVariable("source");
    events.publishEvent(
        new CaseStageEntered(caseCode, entered, visit, source == null ? null : source.toString()));
  }

  /** On the end of the mediation call: its outcome, for the supervisors' mediation success rate. */
  public void mediationEnded(DelegateExecution execution) {
    Object outcome = execution.getVariable("mediationOutcome");
    journal.mediationEnded(
        execution.getProcessBusinessKey(), outcome == null ? null : outcome.toString());
  }

  public void closed(DelegateExecution execution) {
    Object reason = execution.getVariable("closureReason");
    journal.closed(execution.getProcessBusinessKey(), reason == null ? null : reason.toString());
  }
}
