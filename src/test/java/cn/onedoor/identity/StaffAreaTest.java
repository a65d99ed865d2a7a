package cn.onedoor.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.identity.StaffArea.AreaUnit;
import cn.onedoor.identity.StaffArea.Registration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The role × unit model on its own: what a person's group ids say they may read and do. */
class StaffAreaTest {

  private static final String COUNTY = "511725";
  private static final List<AreaUnit> VILLAGE_CASE =
      List.of(new AreaUnit("town", "511725104"), new AreaUnit("village", "511725104001"));
  private static final List<AreaUnit> JOINT_CASE =
      List.of(
          new AreaUnit("town", "511725112"),
          new AreaUnit("village", "511725112001"),
          new AreaUnit("department", "JUSTICE"));

  private static StaffArea of(String... groups) {
    return StaffArea.of("someone", List.of(groups), COUNTY);
  }

  @Test
  void groupIdsAreReadBackIntoRoleLevelAndUnit() {
    assertThat(StaffGroups.parse("supervisor:town:511725104"))
        .hasValueSatisfying(
            group -> {
              assertThat(group.role()).isEqualTo(StaffRole.SUPERVISOR);
              assertThat(group.level()).isEqualTo("town");
              assertThat(group.unit()).isEqualTo("511725104");
            });
    assertThat(StaffGroups.parse("camunda-admin")).isEmpty();
    assertThat(StaffGroups.parse("nobody:town:511725104")).isEmpty();
    assertThat(StaffGroups.parse("mediator:town:")).isEmpty();
  }

  @Test
  void supervisorsSuperviseThroughTheirWidestGroupOfThisCountyOnly() {
    assertThat(of("supervisor:town:511725104", "supervisor:leader:511725").supervisingGroup())
        .map(StaffGroups.StaffGroup::level)
        .hasValue("leader");
    assertThat(of("supervisor:town:511725104", "supervisor:county:511725").supervisingGroup())
        .map(StaffGroups.StaffGroup::level)
        .hasValue("county");
    assertThat(of("supervisor:town:511725104").supervisingGroup())
        .map(StaffGroups.StaffGroup::unit)
        .hasValue("511725104");
    assertThat(of("supervisor:county:511702").supervisingGroup())
        .as("another county's supervisor")
        .isEmpty();
    assertThat(of("supervisor:leader:511702").supervisingGroup()).isEmpty();
    assertThat(of("supervisor:town:511702102").supervisingGroup())
        .as("a town of another county")
        .isEmpty();
    assertThat(of("mediator:county:511725", "intake:county:511725").supervisingGroup()).isEmpty();
  }

  @Test
  void villageAndTownStaffReadTheirOwnPlaceOnly() {
    assertThat(of("mediator:village:511725104001").reads(VILLAGE_CASE)).isTrue();
    assertThat(of("mediator:village:511725103001").reads(VILLAGE_CASE)).isFalse();
    assertThat(of("supervisor:town:511725104").reads(VILLAGE_CASE))
        .as("a town supervisor's villages")
        .isTrue();
    assertThat(of("supervisor:town:511725103").reads(VILLAGE_CASE)).isFalse();
    assertThat(of("mediator:county:511725").reads(VILLAGE_CASE)).isTrue();
    assertThat(of("mediator:county:999999").reads(VILLAGE_CASE))
        .as("another county's code")
        .isFalse();
  }

  @Test
  void departmentsReadTheCasesTheyWereGivenAndDesignersAndSystemsNone() {
    assertThat(of("liaison:department:JUSTICE").reads(JOINT_CASE)).isTrue();
    assertThat(of("liaison:department:HRSS").reads(JOINT_CASE)).isFalse();
    assertThat(of("designer:county:511725").reads(VILLAGE_CASE)).isFalse();
    assertThat(of("system:door:GRID").reads(VILLAGE_CASE)).isFalse();
    assertThat(of("camunda-admin").reads(VILLAGE_CASE)).isFalse();
    assertThat(of("camunda-admin").administrator()).isTrue();
  }

  @Test
  void fullPersonalDataNeedsARoleThatNeedsItWithTheCaseInThatRolesArea() {
    assertThat(of("mediator:village:511725104001").readsFullPersonalData(VILLAGE_CASE)).isTrue();
    assertThat(of("supervisor:county:511725").readsFullPersonalData(VILLAGE_CASE)).isFalse();
    assertThat(of("liaison:department:JUSTICE").readsFullPersonalData(JOINT_CASE)).isFalse();
    assertThat(of("legalaid:county:511725").readsFullPersonalData(JOINT_CASE)).isTrue();
    // Two hats: the supervisor's reaches the case, the mediator's (which needs the data) does not.
    assertThat(
            of("supervisor:county:511725", "mediator:village:511725103001")
                .readsFullPersonalData(VILLAGE_CASE))
        .isFalse();
  }

  @Test
  void staffRegisterAtAnyDoorASystemOnlyAtItsOwn() {
    assertThat(of("intake:county:511725").mayRegister("HOTLINE")).isEqualTo(Registration.ALLOWED);
    assertThat(of("mediator:village:511725104001").mayRegister("WINDOW"))
        .isEqualTo(Registration.ALLOWED);
    assertThat(of("system:door:GRID").mayRegister("GRID")).isEqualTo(Registration.ALLOWED);
    assertThat(of("system:door:GRID").mayRegister("WINDOW")).isEqualTo(Registration.OTHER_DOOR);
    assertThat(of("supervisor:county:511725").mayRegister("WINDOW"))
        .isEqualTo(Registration.NOT_A_REGISTERING_ROLE);
    assertThat(of("camunda-admin").mayRegister("WINDOW"))
        .isEqualTo(Registration.NOT_A_REGISTERING_ROLE);
  }

  @Test
  void aUnitsCasesAreReadByTheRolesThatWorkAtThatLevel() {
    assertThat(StaffArea.readersOf(new AreaUnit("village", "511725104001")))
        .containsExactlyInAnyOrder("intake:village:511725104001", "mediator:village:511725104001");
    assertThat(StaffArea.readersOf(new AreaUnit("town", "511725104")))
        .containsExactlyInAnyOrder(
            "intake:town:511725104", "mediator:town:511725104", "supervisor:town:511725104");
    assertThat(StaffArea.readersOf(new AreaUnit("department", "POLICE")))
        .containsExactly("liaison:department:POLICE");
    assertThat(StaffArea.readersOf(new AreaUnit("committee", "MEDICAL")))
        .containsExactly("mediator:committee:MEDICAL");
    assertThat(StaffArea.readersOf(new AreaUnit("county", COUNTY)))
        .as("county groups read all by role")
        .isEmpty();
  }

  @Test
  void theBaselineLetsDesignersDeployButReadNoCase() {
    var designer =
        RoleGrants.baseline(StaffGroups.parse("designer:county:511725").orElseThrow(), COUNTY);
    assertThat(designer)
        .extracting(grant -> grant.resource().resourceName())
        .contains("Deployment", "Application")
        .doesNotContain("ProcessInstance");
    assertThat(designer)
        .noneSatisfy(
            grant ->
                assertThat(grant.permissions())
                    .extracting(Object::toString)
                    .containsAnyOf("READ_INSTANCE", "READ_HISTORY", "READ_TASK"));
    var townSupervisor =
        RoleGrants.baseline(StaffGroups.parse("supervisor:town:511725104").orElseThrow(), COUNTY);
    assertThat(townSupervisor)
        .as("a town supervisor reads cases per case, not all")
        .noneSatisfy(
            grant ->
                assertThat(grant.permissions())
                    .extracting(Object::toString)
                    .contains("READ_INSTANCE"));
  }
}
