package cn.onedoor.notification;

import cn.onedoor.bridge.ExternalSystem;
import cn.onedoor.bridge.OutboundCall;
import cn.onedoor.bridge.OutboundRequests.Key;
import cn.onedoor.bridge.Receipt;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The SMS gateway: one message per notice and case. The gateway sends {@code text} to each of
 * {@code recipients}; the Idempotency-Key makes a retried notice one SMS, not two.
 */
@Component
public class SmsGatewayClient {

  public static final String MESSAGES = "/messages";

  /** A staff member's first password: the only notice that belongs to no case. */
  public static final String STAFF_ACCOUNT = "STAFF_ACCOUNT";

  /**
   * notice: CASE_REGISTERED, STAGE_CHANGED (a hand-over to another stage), DEADLINE_MOVED (a
   * holiday notice moved the next deadline), CASE_CLOSED, STAFF_ACCOUNT (a staff member's first
   * password; caseCode null); text: what the recipient reads, in Chinese.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SmsMessage(String caseCode, String notice, List<String> recipients, String text) {}

  private final OutboundCall call;

  SmsGatewayClient(OutboundCall call) {
    this.call = call;
  }

  public Receipt send(Key key, SmsMessage message) {
    return call.post(ExternalSystem.SMS, MESSAGES, key, message, Receipt.class);
  }

  /**
   * A staff member's account notice (notice STAFF_ACCOUNT, no case code): it carries their first
   * password, so it is sent without a record on our side ({@link OutboundCall#postUnrecorded}).
   */
  public Receipt sendStaffAccount(String idempotencyKey, String mobile, String text) {
    return call.postUnrecorded(
        ExternalSystem.SMS,
        MESSAGES,
        new Key(null, "STAFF_ACCOUNT", idempotencyKey),
        new SmsMessage(null, STAFF_ACCOUNT, List.of(mobile), text),
        Receipt.class);
  }
}
