package cn.onedoor.province;

import cn.onedoor.bridge.ExternalSystem;
import cn.onedoor.bridge.OutboundCall;
import cn.onedoor.bridge.OutboundRequests.Key;
import cn.onedoor.bridge.Receipt;
import org.springframework.stereotype.Component;

/** 四川省矛盾纠纷多元化解信息系统: every case's registration, each stage it enters, and its closure. */
@Component
public class ProvincialPlatformClient {

  public static final String CASE_REPORTS = "/case-reports";

  /**
   * One report. report: REGISTRATION, STAGE or CLOSURE; stage: the stage entered (docs/domain.md §4
   * names, e.g. MEDIATION); occurredAt: ISO-8601 with offset.
   */
  public record CaseReport(
      String caseCode, String countyCode, String report, String stage, String occurredAt) {}

  private final OutboundCall call;

  ProvincialPlatformClient(OutboundCall call) {
    this.call = call;
  }

  public Receipt report(Key key, CaseReport report) {
    return call.post(ExternalSystem.PROVINCIAL_PLATFORM, CASE_REPORTS, key, report, Receipt.class);
  }
}
