package cn.onedoor.grid;

import cn.onedoor.bridge.OutboundRequests;
import cn.onedoor.casefile.CaseStage;
import cn.onedoor.grid.GridSystemClient.StatusUpdate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** 向省网格化系统回告网格员上报事件的办理状态；事件编号取自案件登记（externalRef），不经过流程变量。 */
@Component("reportStatusToGrid")
class ReportStatusToGridDelegate implements JavaDelegate {

  private final OutboundRequests outbound;
  private final GridSystemClient grid;
  private final JdbcTemplate jdbc;

  ReportStatusToGridDelegate(OutboundRequests outbound, GridSystemClient grid, JdbcTemplate jdbc) {
    this.outbound = outbound;
    this.grid = grid;
    this.jdbc = jdbc;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseCode = execution.getProcessBusinessKey();
    String stage = (String) execution.getVariable("stage");
    String reportId =
        jdbc
            .queryForList(
                "select external_ref from dispute_case where case_code = ?", String.class, caseCode)
            .stream()
            .filter(ref -> ref != null)
            .findFirst()
            .orElseThrow(
                () -> new IllegalStateException("case " + caseCode + " has no grid report id"));
    grid.sendStatus(
        outbound.key(execution, "GRID_STATUS_" + stage),
        new StatusUpdate(
            reportId,
            caseCode,
            stage,
            "案件编码 " + caseCode + "：" + CaseStage.valueOf(stage).chineseName()));
  }
}
