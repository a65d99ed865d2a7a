package cn.onedoor.court;

import cn.onedoor.bridge.ExternalSystem;
import cn.onedoor.bridge.OutboundCall;
import cn.onedoor.bridge.OutboundRequests.Key;
import cn.onedoor.bridge.Receipt;
import org.springframework.stereotype.Component;

/**
 * The court's side of the contract (法院调解平台 / e-filing): what we send it. Its answers come back as
 * callbacks ({@link CourtCallbackController}). Paths and bodies are documented in the outbound
 * contract.
 */
@Component
public class CourtClient {

  public static final String CONFIRMATION_APPLICATIONS = "/confirmation-applications";
  public static final String ENTRUSTED_MEDIATION_RESULTS = "/entrusted-mediation-results";
  public static final String FILING_REQUESTS = "/filing-requests";
  public static final String ENFORCEMENT_APPLICATIONS = "/enforcement-applications";

  /** 司法确认申请: both parties apply jointly within 30 days of the agreement. */
  public record ConfirmationApplication(
      String caseCode, String agreementDate, String disputeType) {}

  /**
   * 委派/委托调解结果: SETTLED, NOT_SETTLED (refused, failed, or the period ended without an agreement: the
   * court files the case, or tries it when alreadyFiled) or EXTENDED (both parties agreed to 30
   * more days, once). alreadyFiled: 委托 (after filing) rather than 委派.
   */
  public record EntrustedMediationResult(String caseCode, String result, boolean alreadyFiled) {}

  /**
   * 起诉材料: alreadyFiled when the court had accepted the matter before it came to us (post-filing
   * mediation).
   */
  public record FilingRequest(
      String caseCode, String disputeType, boolean alreadyFiled, String courtProcedure) {}

  /** 强制执行申请. */
  public record EnforcementApplication(String caseCode) {}

  private final OutboundCall call;

  CourtClient(OutboundCall call) {
    this.call = call;
  }

  public Receipt submitConfirmationApplication(Key key, ConfirmationApplication application) {
    return call.post(
        ExternalSystem.COURT, CONFIRMATION_APPLICATIONS, key, application, Receipt.class);
  }

  public Receipt reportEntrustedMediationResult(Key key, EntrustedMediationResult result) {
    return call.post(ExternalSystem.COURT, ENTRUSTED_MEDIATION_RESULTS, key, result, Receipt.class);
  }

  public Receipt requestFiling(Key key, FilingRequest request) {
    return call.post(ExternalSystem.COURT, FILING_REQUESTS, key, request, Receipt.class);
  }

  public Receipt submitEnforcementApplication(Key key, EnforcementApplication application) {
    return call.post(
        ExternalSystem.COURT, ENFORCEMENT_APPLICATIONS, key, application, Receipt.class);
  }
}
