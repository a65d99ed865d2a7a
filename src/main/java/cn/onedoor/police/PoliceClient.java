package cn.onedoor.police;

import cn.onedoor.bridge.ExternalSystem;
import cn.onedoor.bridge.OutboundCall;
import cn.onedoor.bridge.OutboundRequests.Key;
import cn.onedoor.bridge.Receipt;
import org.springframework.stereotype.Component;

/**
 * The police's side of the contract (公安机关执法办案系统): a transfer with a report (移送公安, 人民调解法 art 25)
 * and, after a failed 治安调解, the referral for the police's punishment decision (治安管理处罚法). The
 * acceptance of a transfer comes back as a callback ({@link PoliceCallbackController}).
 */
@Component
public class PoliceClient {

  public static final String TRANSFERS = "/transfers";
  public static final String PUNISHMENT_REFERRALS = "/punishment-referrals";

  /**
   * 移送报告: why the case is the police's (SUSPECTED_CRIME, VIOLENCE, MINOR_CRIME,
   * EXCLUDED_PUBLIC_ORDER) and the facts the county recorded.
   */
  public record Transfer(String caseCode, String reason, String disputeType, String summary) {}

  /** 治安调解不成: the police decide on punishment (依法处罚). */
  public record PunishmentReferral(String caseCode, String mediationResult) {}

  private final OutboundCall call;

  PoliceClient(OutboundCall call) {
    this.call = call;
  }

  public Receipt transfer(Key key, Transfer transfer) {
    return call.post(ExternalSystem.POLICE, TRANSFERS, key, transfer, Receipt.class);
  }

  public Receipt referForPunishment(Key key, PunishmentReferral referral) {
    return call.post(ExternalSystem.POLICE, PUNISHMENT_REFERRALS, key, referral, Receipt.class);
  }
}
