package cn.onedoor.county;

import cn.onedoor.county.StaffImport.FirstPasswordNotice;
import cn.onedoor.notification.SmsGatewayClient;
import cn.onedoor.notification.SmsTexts;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells new staff their first password by SMS through the gateway, after the load is committed (a
 * load that fails sends nothing). The password travels only in this request: nothing on our side
 * keeps it ({@link SmsGatewayClient#sendStaffAccount}). A notice the gateway did not take is
 * marked, and the next load of the staff file makes a new password and sends it again.
 */
@Component
class StaffNotices {

  private static final Logger LOG = LoggerFactory.getLogger(StaffNotices.class);

  private final SmsGatewayClient gateway;
  private final SmsTexts texts;
  private final StaffImport staffImport;

  StaffNotices(SmsGatewayClient gateway, SmsTexts texts, StaffImport staffImport) {
    this.gateway = gateway;
    this.texts = texts;
    this.staffImport = staffImport;
  }

  /** Sends each notice; answers the user names whose notice did not go out. */
  List<String> send(List<FirstPasswordNotice> notices) {
    List<String> notSent = new ArrayList<>();
    for (FirstPasswordNotice notice : notices) {
      try {
        gateway.sendStaffAccount(
            "staff-account:" + notice.userId() + ":" + UUID.randomUUID(),
            notice.mobile(),
            texts.staffAccount(notice.name(), notice.userId(), notice.password()));
        staffImport.sent(notice.userId());
      } catch (RuntimeException gatewayFailed) {
        LOG.warn(
            "First password SMS to {} not sent: {}", notice.userId(), gatewayFailed.getMessage());
        staffImport.notSent(notice.userId());
        notSent.add(notice.userId());
      }
    }
    return notSent;
  }
}
