package cn.onedoor.grid;

import cn.onedoor.bridge.ExternalSystem;
import cn.onedoor.bridge.OutboundCall;
import cn.onedoor.bridge.OutboundRequests.Key;
import cn.onedoor.bridge.Receipt;
import org.springframework.stereotype.Component;

/**
 * 四川省网格化服务管理系统: for a case a grid worker reported, its status goes back to that report, so the grid
 * worker sees in their own app that it was registered, where it stands and how it ended.
 */
@Component
public class GridSystemClient {

  public static final String REPORT_STATUS = "/report-status";

  /**
   * reportId: the grid system's own id of the report (our externalRef); stage: docs/domain.md §4
   * names.
   */
  public record StatusUpdate(String reportId, String caseCode, String stage, String text) {}

  private final OutboundCall call;

  GridSystemClient(OutboundCall call) {
    this.call = call;
  }

  public Receipt sendStatus(Key key, StatusUpdate update) {
    return call.post(ExternalSystem.GRID, REPORT_STATUS, key, update, Receipt.class);
  }
}
