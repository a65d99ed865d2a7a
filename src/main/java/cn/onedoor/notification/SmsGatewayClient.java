package cn.onedoor.notification;

import cn.onedoor.bridge.ExternalSystem;
import cn.onedoor.bridge.OutboundCall;
import cn.onedoor.bridge.OutboundRequests.Key;
import cn.onedoor.bridge.Receipt;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The SMS gateway: one message per notice and case. The gateway sends {@code text} to each of
 * {@code recipients}; the Idempotency-Key makes a retried notice one SMS, not two.
 */
@Component
public class SmsGatewayClient {

  public static final String MESSAGES = "/messages";

  /**
   * notice: CASE_REGISTERED, STAGE_CHANGED (a hand-over to another stage), DEADLINE_MOVED (a
   * holiday notice moved the next deadline), CASE_CLOSED; text: what the party reads, in Chinese.
   */
  public record SmsMessage(String caseCode, String notice, List<String> recipients, String text) {}

  private final OutboundCall call;

  SmsGatewayClient(OutboundCall call) {
    this.call = call;
  }

  public Receipt send(Key key, SmsMessage message) {
    return call.post(ExternalSystem.SMS, MESSAGES, key, message, Receipt.class);
  }
}
