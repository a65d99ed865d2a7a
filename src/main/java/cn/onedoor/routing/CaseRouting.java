package cn.onedoor.routing;

import cn.onedoor.casefile.CaseJournal;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Takes channel-routing.dmn's answer apart into the variables the gateways and forms read, and
 * records it.
 */
@Component("caseRouting")
public class CaseRouting {

  private static final String[] OUTPUTS = {
    "channel",
    "handlingLevel",
    "jointHandling",
    "slaPeriod",
    "slaUnit",
    "confirmable",
    // the due date of the first 治安调解 session (public-security-mediation.bpmn); "" elsewhere
    "firstSessionPeriod",
    "firstSessionUnit"
  };

  private final CaseJournal journal;

  CaseRouting(CaseJournal journal) {
    this.journal = journal;
  }

  public void apply(DelegateExecution execution, Map<String, Object> routing) {
    for (String output : OUTPUTS) {
      execution.setVariable(output, routing.get(output));
    }
    journal.routed(
        execution.getProcessBusinessKey(),
        (String) routing.get("channel"),
        (String) routing.get("handlingLevel"),
        (String) execution.getVariable("riskGrade"));
  }
}
