package cn.onedoor.province;

import cn.onedoor.casefile.CaseStageEntered;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every stage a case enters is reported to the provincial platform (and to the parties and, for a
 * grid worker's report, to the grid system) by a small process of its own, {@code
 * case-status-report.bpmn}: started in the transaction that entered the stage, its calls run
 * asynchronously with the same retries and incidents as every other call, and a failing report
 * never holds up the case.
 */
@Component
class StageReports {

  static final String PROCESS_KEY = "case-status-report";

  private final RuntimeService runtimeService;

  StageReports(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @EventListener
  void stageEntered(CaseStageEntered entered) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseCode", entered.caseCode());
    variables.put("report", "STAGE");
    variables.put("stage", entered.stage().name());
    variables.put("stageVisit", entered.visit());
    variables.put("source", entered.source());
    runtimeService.startProcessInstanceByKey(PROCESS_KEY, entered.caseCode(), variables);
  }
}
