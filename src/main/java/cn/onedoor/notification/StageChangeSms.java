package cn.onedoor.notification;

import cn.onedoor.bridge.OutboundRequests.Key;
import cn.onedoor.notification.SmsGatewayClient.SmsMessage;
import org.springframework.stereotype.Component;

/**
 * 短信告知当事人案件移交到新阶段 (notice STAGE_CHANGED): the text and recipients {@code notifyParties} would send,
 * for the stage-report outbox ({@code province/StageReports}), which sends it outside any process.
 * Numbers are read from the registry at the moment of sending.
 */
@Component
public class StageChangeSms {

  public static final String NOTICE = "STAGE_CHANGED";

  private final SmsGatewayClient sms;
  private final SmsTexts texts;
  private final PartyMobiles mobiles;

  StageChangeSms(SmsGatewayClient sms, SmsTexts texts, PartyMobiles mobiles) {
    this.sms = sms;
    this.texts = texts;
    this.mobiles = mobiles;
  }

  public void send(Key key, String caseCode, String stage) {
    sms.send(
        key,
        new SmsMessage(
            caseCode,
            NOTICE,
            mobiles.of(caseCode),
            texts.text(NOTICE, caseCode, stage, null, null, null, false)));
  }
}
