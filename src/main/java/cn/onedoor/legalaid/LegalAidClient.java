package cn.onedoor.legalaid;

import cn.onedoor.bridge.ExternalSystem;
import cn.onedoor.bridge.OutboundCall;
import cn.onedoor.bridge.OutboundRequests.Key;
import cn.onedoor.bridge.Receipt;
import org.springframework.stereotype.Component;

/**
 * The legal-aid system's side of the contract: applications and objections go there; its decision,
 * the lawyer it assigns and its objection decision come back as callbacks ({@link
 * LegalAidCallbackController}).
 */
@Component
public class LegalAidClient {

  public static final String APPLICATIONS = "/applications";
  public static final String OBJECTIONS = "/objections";

  /**
   * 法律援助申请; urgent: a deadline less than 7 days away, aid first and the review after (arts 43-44).
   */
  public record Application(String caseCode, boolean urgent, String aidMatter) {}

  /** 当事人对不予援助决定的异议. */
  public record Objection(String caseCode, String reason) {}

  private final OutboundCall call;

  LegalAidClient(OutboundCall call) {
    this.call = call;
  }

  public Receipt submitApplication(Key key, Application application) {
    return call.post(ExternalSystem.LEGAL_AID, APPLICATIONS, key, application, Receipt.class);
  }

  public Receipt submitObjection(Key key, Objection objection) {
    return call.post(ExternalSystem.LEGAL_AID, OBJECTIONS, key, objection, Receipt.class);
  }
}
