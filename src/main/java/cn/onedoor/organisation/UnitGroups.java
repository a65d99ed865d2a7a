package cn.onedoor.organisation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Candidate groups of the processes, derived from the case's unit codes ({@code role:level:unit}, the shape of
 * {@code identity/StaffGroups}): a new town needs groups in Admin, not a change here or in a diagram.
 */
@Component("unitGroups")
public class UnitGroups {

  private final String county;

  UnitGroups(@Value("${onedoor.county.code}") String county) {
    this.county = county;
  }

  /**
   * Who mediates: people's mediation at the handling level (village, town or county committee); a professional
   * committee for its sector; a stationed department's liaison for the police, procuratorate, petition,
   * arbitration and administrative channels; the county centre's mediators for court-entrusted mediation.
   */
  public String mediatorGroup(String channel, String handlingLevel, String townCode, String villageCode) {
    if (channel != null && channel.startsWith("COMMITTEE_")) {
      return "mediator:committee:" + channel.substring("COMMITTEE_".length());
    }
    if (channel != null && !channel.startsWith("PEOPLES_") && !"COURT".equals(channel) && !"NONE".equals(channel)) {
      return departmentLiaisons(channel);
    }
    return switch (handlingLevel == null ? "COUNTY" : handlingLevel) {
      case "VILLAGE" -> villageCode == null || villageCode.isBlank()
          ? "mediator:town:" + townCode : "mediator:village:" + villageCode;
      case "TOWN" -> "mediator:town:" + townCode;
      default -> countyMediators();
    };
  }

  public String departmentLiaisons(String department) {
    return "liaison:department:" + department;
  }

  public String countyMediators() {
    return "mediator:county:" + county;
  }

  public String countySupervisors() {
    return "supervisor:county:" + county;
  }

  /** Leader-listed supervision (挂牌督办) by a county leader; the group id still contains "supervisor". */
  public String countyLeaders() {
    return "supervisor:leader:" + county;
  }

  /** The supervisor over a unit: villages and towns answer to the town's supervisor, the rest to the county's. */
  public String supervisorOf(String handlingLevel, String townCode) {
    if (("VILLAGE".equals(handlingLevel) || "TOWN".equals(handlingLevel)) && townCode != null && !townCode.isBlank()) {
      return "supervisor:town:" + townCode;
    }
    return countySupervisors();
  }

  public String courtLiaisons() {
    return "court:county:" + county;
  }

  public String legalAidOfficers() {
    return "legalaid:county:" + county;
  }
}
