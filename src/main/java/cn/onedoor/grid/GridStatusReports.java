package cn.onedoor.grid;

import cn.onedoor.bridge.OutboundRequests.Key;
import cn.onedoor.casefile.CaseStage;
import cn.onedoor.grid.GridSystemClient.StatusUpdate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 向省网格化系统回告网格员上报事件的办理状态 (sent by the stage-report outbox, {@code province/StageReports});
 * 事件编号取自案件登记（externalRef），不经过流程变量。
 */
@Component
public class GridStatusReports {

  private final GridSystemClient grid;
  private final JdbcTemplate jdbc;

  GridStatusReports(GridSystemClient grid, JdbcTemplate jdbc) {
    this.grid = grid;
    this.jdbc = jdbc;
  }

  public void stageEntered(Key key, String caseCode, String stage) {
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
        key,
        new StatusUpdate(
            reportId,
            caseCode,
            stage,
            "案件编码 " + caseCode + "：" + CaseStage.valueOf(stage).chineseName()));
  }
}
