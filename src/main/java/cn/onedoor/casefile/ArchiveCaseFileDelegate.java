package cn.onedoor.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 案卷归档: the closure is written to the case file; the file is kept for the county's retention
 * period.
 */
@Component("archiveCaseFile")
class ArchiveCaseFileDelegate implements JavaDelegate {

  private final CaseJournal journal;

  ArchiveCaseFileDelegate(CaseJournal journal) {
    this.journal = journal;
  }

  @Override
  public void execute(DelegateExecution execution) {
    journal.record(
        execution.getProcessBusinessKey(),
        "ARCHIVED",
        CaseStage.CLOSED,
        "结案原因："
            + execution.getVariable("closureReason")
            + "；满意度："
            + execution.getVariable("satisfaction"),
        null);
  }
}
