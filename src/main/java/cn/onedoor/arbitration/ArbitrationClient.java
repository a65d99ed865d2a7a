package cn.onedoor.arbitration;

import cn.onedoor.bridge.ExternalSystem;
import cn.onedoor.bridge.OutboundCall;
import cn.onedoor.bridge.OutboundRequests.Key;
import cn.onedoor.bridge.Receipt;
import org.springframework.stereotype.Component;

/**
 * The labour arbitration commission's side of the contract (劳动人事争议仲裁委员会): the worker's application
 * goes there; its acceptance (art 29), an extension of the award period (art 43) and the award
 * (arts 47, 50) come back as callbacks ({@link ArbitrationCallbackController}).
 */
@Component
public class ArbitrationClient {

  public static final String APPLICATIONS = "/arbitration-applications";

  /** 劳动争议仲裁申请 after failed labour mediation; the claim is the case summary as registered. */
  public record Application(String caseCode, String disputeType, String claim) {}

  private final OutboundCall call;

  ArbitrationClient(OutboundCall call) {
    this.call = call;
  }

  public Receipt submitApplication(Key key, Application application) {
    return call.post(ExternalSystem.ARBITRATION, APPLICATIONS, key, application, Receipt.class);
  }
}
