package cn.onedoor.routing;

import cn.onedoor.casefile.CaseJournal;
import cn.onedoor.casefile.CaseStage;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Joint handling's record on the case (not named jointHandling: the routing decision's variable of
 * that name would shadow the bean in expressions): the consultation's lead unit and each
 * department's opinion. The departments work in parallel on one form, so the opinion variable is
 * overwritten by the next department; the journal keeps every one, attributed to the department and
 * the person.
 */
@Component("jointHandlingRecord")
public class JointHandlingRecord {

  private final CaseJournal journal;

  JointHandlingRecord(CaseJournal journal) {
    this.journal = journal;
  }

  public void recordConsultation(DelegateTask task) {
    journal.record(
        caseCode(task),
        "CONSULTATION",
        CaseStage.JOINT_HANDLING,
        "牵头单位：" + task.getVariable("leadUnit") + "；会商意见：" + task.getVariable("consultationSummary"),
        task.getAssignee());
  }

  public void recordOpinion(DelegateTask task) {
    journal.record(
        caseCode(task),
        "DEPARTMENT_OPINION",
        CaseStage.JOINT_HANDLING,
        task.getVariable("department") + "：" + task.getVariable("departmentOpinion"),
        task.getAssignee());
  }

  /**
   * Joint work done: the county holds the case from here on (dispute-case reads {@code
   * handlingLevel} back).
   */
  public void handOverToCounty(DelegateExecution execution) {
    execution.setVariable("handlingLevel", "COUNTY");
  }

  private static String caseCode(DelegateTask task) {
    return task.getExecution().getProcessBusinessKey();
  }
}
