package cn.onedoor.decisions;

import cn.onedoor.routing.DisputeType;
import java.util.Arrays;
import java.util.List;

/**
 * The values the intake can produce and the codes the processes expect (the process-variable
 * contract), written out once for the decision tests. A table that stops covering one of them fails
 * its exhaustive test.
 */
final class Codes {

  static final List<String> SOURCES =
      List.of("WINDOW", "GRID", "HOTLINE", "ONLINE", "COURT", "POLICE", "PETITION");

  /** Where a case was reported; null when the door has no level (hotline, online, transfers). */
  static final List<String> REPORTED_LEVELS = Arrays.asList("VILLAGE", "TOWN", "COUNTY", null);

  static final List<String> LEVELS = List.of("VILLAGE", "TOWN", "COUNTY");
  static final List<String> ACCEPTED_ELSEWHERE =
      List.of("NONE", "COURT", "POLICE", "ADMINISTRATION", "ARBITRATION");

  /** Highest first: the priority order of risk-grading. */
  static final List<String> RISK_GRADES = List.of("RED", "ORANGE", "YELLOW", "BLUE");

  static final List<String> DISPUTE_TYPES =
      Arrays.stream(DisputeType.values()).map(DisputeType::code).toList();
  static final List<Boolean> BOOLEANS = List.of(false, true);

  static final List<String> CHANNELS =
      List.of(
          "PEOPLES_VILLAGE",
          "PEOPLES_TOWN",
          "PEOPLES_COUNTY",
          "COMMITTEE_MEDICAL",
          "COMMITTEE_TRAFFIC",
          "COMMITTEE_LABOUR",
          "COMMITTEE_FAMILY",
          "COMMITTEE_PROPERTY",
          "COMMITTEE_CONSUMER",
          "COMMITTEE_CONSTRUCTION",
          "COMMITTEE_FINANCE",
          "COMMITTEE_LAND",
          "POLICE",
          "PROCURATORATE",
          "ARBITRATION",
          "COURT",
          "PETITION",
          "ADMINISTRATIVE",
          "NONE");

  private Codes() {}

  /** People's mediation or a professional committee: the voluntary mediation channels. */
  static boolean isMediationChannel(String channel) {
    return channel.startsWith("PEOPLES_") || channel.startsWith("COMMITTEE_");
  }
}
