package cn.onedoor.justice;

import cn.onedoor.bridge.ExternalSystem;
import cn.onedoor.bridge.OutboundCall;
import cn.onedoor.bridge.OutboundRequests.Key;
import cn.onedoor.bridge.Receipt;
import org.springframework.stereotype.Component;

/**
 * The 县司法局's side of the contract: an applicant's objection to the legal-aid centre's refusal or
 * termination of aid goes to the department that set up the centre, not to the centre (法律援助法 art
 * 49); its review (keep the decision, or order the centre to correct it) comes back as the callback
 * objection-reviewed ({@link JusticeBureauCallbackController}) within 5 days.
 */
@Component
public class JusticeBureauClient {

  public static final String LEGAL_AID_OBJECTIONS = "/legal-aid-objections";

  /**
   * @param decisionKind REFUSAL (不予法律援助) or TERMINATION (终止法律援助, after the review of aid given
   *     first)
   * @param decisionReasons the reasons the centre gave in writing
   * @param reason the applicant's grounds, as the legal-aid officer recorded them
   */
  public record Objection(
      String caseCode, String decisionKind, String decisionReasons, String reason) {}

  private final OutboundCall call;

  JusticeBureauClient(OutboundCall call) {
    this.call = call;
  }

  public Receipt submitObjection(Key key, Objection objection) {
    return call.post(
        ExternalSystem.JUSTICE_BUREAU, LEGAL_AID_OBJECTIONS, key, objection, Receipt.class);
  }
}
