package cn.onedoor.notification;

import cn.onedoor.bridge.OutboundRequests;
import cn.onedoor.deadline.DeadlineService;
import cn.onedoor.notification.SmsGatewayClient.SmsMessage;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 短信告知当事人（案件编码、移交、期限、结果）；号码从案件登记取得，不经过流程变量。 */
@Component("notifyParties")
class NotifyPartiesDelegate implements JavaDelegate {

  private final OutboundRequests outbound;
  private final SmsGatewayClient sms;
  private final SmsTexts texts;
  private final PartyMobiles mobiles;

  NotifyPartiesDelegate(
      OutboundRequests outbound, SmsGatewayClient sms, SmsTexts texts, PartyMobiles mobiles) {
    this.outbound = outbound;
    this.sms = sms;
    this.texts = texts;
    this.mobiles = mobiles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseCode = execution.getProcessBusinessKey();
    String notice = (String) execution.getVariable("notice");
    String stage = (String) execution.getVariable("stage");
    String step = "STAGE_CHANGED".equals(notice) ? "SMS_STAGE_" + stage : "SMS_" + notice;
    Date nextDeadline = (Date) execution.getVariable("nextDeadline");
    sms.send(
        outbound.key(execution, step),
        new SmsMessage(
            caseCode,
            notice,
            mobiles.of(caseCode),
            texts.text(
                notice,
                caseCode,
                stage,
                nextDeadline == null
                    ? null
                    : LocalDate.ofInstant(nextDeadline.toInstant(), DeadlineService.ZONE),
                (String) execution.getVariable("noticeYears"),
                (String) execution.getVariable("legalAidRefusalReasons"),
                "TERMINATION".equals(execution.getVariable("legalAidRefusalKind")))));
  }
}
