package cn.onedoor.grid;

import cn.onedoor.bridge.OutboundRequests;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Kept for the upgrade only: stage reports now leave from the outbox ({@code
 * province/StageReports}), but a county's database still holds the deployed versions of {@code
 * case-status-report}, and a grid case's report instance in flight when the new version starts
 * still calls this bean. Without it that job would end as an incident nobody can resolve; with it
 * the report goes out under its old key, so the grid system sees it once. Remove it one release
 * after the outbox.
 */
@Component("reportStatusToGrid")
class ReportStatusToGridDelegate implements JavaDelegate {

  private final OutboundRequests outbound;
  private final GridStatusReports reports;

  ReportStatusToGridDelegate(OutboundRequests outbound, GridStatusReports reports) {
    this.outbound = outbound;
    this.reports = reports;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String stage = (String) execution.getVariable("stage");
    reports.stageEntered(
        outbound.key(execution, "GRID_STATUS_" + stage), execution.getProcessBusinessKey(), stage);
  }
}
