package cn.onedoor.organisation;

import static cn.onedoor.identity.StaffRole.COURT;
import static cn.onedoor.identity.StaffRole.LEGALAID;
import static cn.onedoor.identity.StaffRole.LIAISON;
import static cn.onedoor.identity.StaffRole.MEDIATOR;
import static cn.onedoor.identity.StaffRole.SUPERVISOR;

import cn.onedoor.identity.StaffGroups;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Candidate groups of the processes, derived from the case's unit codes through {@link StaffGroups}
 * (the same {@code role:level:unit} ids the people are created with): a new town needs groups in
 * Admin, not a change here or in a diagram.
 */
@Component("unitGroups")
public class UnitGroups {

  private final String county;

  UnitGroups(@Value("${onedoor.county.code}") String county) {
    this.county = county;
  }

  /**
   * Who mediates: people's mediation at the handling level (village, town or county committee); a
   * professional committee for its sector; a stationed department's liaison for the police,
   * procuratorate, petition, arbitration and administrative channels; the county centre's mediators
   * for court-entrusted mediation.
   */
  public String mediatorGroup(
      String channel, String handlingLevel, String townCode, String villageCode) {
    if (channel != null && channel.startsWith("COMMITTEE_")) {
      return StaffGroups.groupId(MEDIATOR, "committee", channel.substring("COMMITTEE_".length()));
    }
    if (channel != null
        && !channel.startsWith("PEOPLES_")
        && !"COURT".equals(channel)
        && !"NONE".equals(channel)) {
      return departmentLiaisons(channel);
    }
    return switch (handlingLevel == null ? "COUNTY" : handlingLevel) {
      case "VILLAGE" ->
          villageCode == null || villageCode.isBlank()
              ? StaffGroups.groupId(MEDIATOR, "town", townCode)
              : StaffGroups.groupId(MEDIATOR, "village", villageCode);
      case "TOWN" -> StaffGroups.groupId(MEDIATOR, "town", townCode);
      default -> countyMediators();
    };
  }

  /**
   * The unit that holds a case handled in this channel at this level: the unit part of its
   * mediators' group.
   */
  public String responsibleUnit(
      String channel, String handlingLevel, String townCode, String villageCode) {
    String group = mediatorGroup(channel, handlingLevel, townCode, villageCode);
    return group.substring(group.lastIndexOf(StaffGroups.SEPARATOR) + 1);
  }

  public String departmentLiaisons(String department) {
    return StaffGroups.groupId(LIAISON, "department", department);
  }

  public String countyMediators() {
    return StaffGroups.groupId(MEDIATOR, "county", county);
  }

  public String countySupervisors() {
    return StaffGroups.groupId(SUPERVISOR, "county", county);
  }

  /**
   * Leader-listed supervision (挂牌督办) by a county leader; the group id still contains "supervisor".
   */
  public String countyLeaders() {
    return StaffGroups.groupId(SUPERVISOR, "leader", county);
  }

  /**
   * The supervisor over a unit: villages and towns answer to the town's supervisor, the rest to the
   * county's.
   */
  public String supervisorOf(String handlingLevel, String townCode) {
    if (("VILLAGE".equals(handlingLevel) || "TOWN".equals(handlingLevel))
        && townCode != null
        && !townCode.isBlank()) {
      return StaffGroups.groupId(SUPERVISOR, "town", townCode);
    }
    return countySupervisors();
  }

  public String courtLiaisons() {
    return StaffGroups.groupId(COURT, "county", county);
  }

  /**
   * The police officers stationed at the county centre (公调对接): they hold the police's procedures on
   * a case — 治安调解 sessions and chasing the police's acceptance of a transfer (docs/chain.md,
   * "Police").
   */
  public String policeLiaisons() {
    return departmentLiaisons("POLICE");
  }

  public String legalAidOfficers() {
    return StaffGroups.groupId(LEGALAID, "county", county);
  }
}
