package cn.onedoor.police;

import cn.onedoor.bridge.OutboundRequests;
import cn.onedoor.police.PoliceClient.PunishmentReferral;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 治安调解不成：告知公安机关依法作出处罚决定（治安管理处罚法）。 */
@Component("referForPunishment")
class ReferForPunishmentDelegate implements JavaDelegate {

  private final OutboundRequests outbound;
  private final PoliceClient police;

  ReferForPunishmentDelegate(OutboundRequests outbound, PoliceClient police) {
    this.outbound = outbound;
    this.police = police;
  }

  @Override
  public void execute(DelegateExecution execution) {
    police.referForPunishment(
        outbound.key(execution, "POLICE_PUNISHMENT_REFERRAL"),
        new PunishmentReferral(
            execution.getProcessBusinessKey(),
            (String) execution.getVariable("policeMediationResult")));
  }
}
