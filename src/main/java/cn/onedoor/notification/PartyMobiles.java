package cn.onedoor.notification;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The parties' mobile numbers for a case, read from the case registry at the moment of sending, never carried in
 * process variables (DOMAIN §7). A case registered without parties on file (e.g. from the Tasklist start form)
 * has none: the gateway then records the notice and sends nothing.
 */
@Component
class PartyMobiles {

  List<String> of(String caseCode) {
    // The case registry with the parties' numbers arrives with the intake (issue 4).
    return List.of();
  }
}
