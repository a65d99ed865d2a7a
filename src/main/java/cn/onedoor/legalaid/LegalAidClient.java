package cn.onedoor.legalaid;

import cn.onedoor.bridge.ExternalSystem;
import cn.onedoor.bridge.OutboundCall;
import cn.onedoor.bridge.OutboundRequests.Key;
import cn.onedoor.bridge.Receipt;
import org.springframework.stereotype.Component;

/**
 * The legal-aid system's side of the contract: applications go there; its decision (with its
 * reasons when it refuses) and the lawyer it assigns come back as callbacks ({@link
 * LegalAidCallbackController}). Objections to its refusals go to the 县司法局, not here
 * (justice/JusticeBureauClient).
 */
@Component
public class LegalAidClient {

  public static final String APPLICATIONS = "/applications";

  /**
   * 法律援助申请; urgent: a deadline less than 7 days away, aid first and the review after (arts 43-44).
   */
  public record Application(String caseCode, boolean urgent, String aidMatter) {}

  private final OutboundCall call;

  LegalAidClient(OutboundCall call) {
    this.call = call;
  }

  public Receipt submitApplication(Key key, Application application) {
    return call.post(ExternalSystem.LEGAL_AID, APPLICATIONS, key, application, Receipt.class);
  }
}
