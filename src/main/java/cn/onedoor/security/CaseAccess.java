package cn.onedoor.security;

import cn.onedoor.identity.StaffArea;
import cn.onedoor.identity.StaffArea.AreaUnit;
import cn.onedoor.identity.StaffArea.Registration;
import cn.onedoor.identity.SystemUser;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Who may see and do what with a case, for our own API and pages: the same model ({@link
 * StaffArea}) the engine's authorizations are derived from, so Cockpit, Tasklist, the REST API and
 * our API answer alike. Controllers call {@code require...}; a refusal is a 403 problem description
 * ({@link CaseAccessDeniedException}).
 *
 * <p>A case's units are in {@code case_unit}: the village and town where it arose (from
 * registration on) and every committee or department that was given a task on it ({@link
 * CaseAuthorizations} keeps the table and the engine's per-case grants in step).
 */
@Service
public class CaseAccess {

  private final IdentityService identityService;
  private final JdbcTemplate jdbc;
  private final String countyCode;

  CaseAccess(
      IdentityService identityService,
      JdbcTemplate jdbc,
      @Value("${onedoor.county.code}") String countyCode) {
    this.identityService = identityService;
    this.jdbc = jdbc;
    this.countyCode = countyCode;
  }

  /** The person's area, from their groups as the engine's identity service has them now. */
  public StaffArea areaOf(String userId) {
    List<String> groups =
        SystemUser.call(
            identityService,
            () ->
                identityService.createGroupQuery().groupMember(userId).list().stream()
                    .map(Group::getId)
                    .toList());
    return StaffArea.of(userId, groups, countyCode);
  }

  /** The units that hold or held the case (empty for an unknown case code). */
  public List<AreaUnit> unitsOf(String caseCode) {
    return jdbc.query(
        "select unit_level, unit_code from case_unit where case_code = ? order by reached_at",
        (rs, row) -> new AreaUnit(rs.getString(1), rs.getString(2)),
        caseCode);
  }

  public boolean mayRead(String userId, String caseCode) {
    return areaOf(userId).reads(unitsOf(caseCode));
  }

  /** The case's status and history: staff whose area holds it. */
  public void requireRead(String userId, String caseCode) {
    if (!mayRead(userId, caseCode)) {
      throw new CaseAccessDeniedException(
          "用户 " + userId + " 无权查看案件 " + caseCode + "：案件不在其辖区或承办范围内");
    }
  }

  /**
   * The parties' full identities: a role whose work needs them, with the case in that role's area.
   */
  public void requireFullPersonalData(String userId, String caseCode) {
    StaffArea area = areaOf(userId);
    List<AreaUnit> units = unitsOf(caseCode);
    if (!area.readsFullPersonalData(units)) {
      throw new CaseAccessDeniedException(
          area.reads(units)
              ? "用户 " + userId + " 的角色无需读取当事人完整身份信息"
              : "用户 " + userId + " 无权查看案件 " + caseCode + "：案件不在其辖区或承办范围内");
    }
  }

  /**
   * Registering a case at a door ({@code source}): intake and mediators anywhere, a system at its
   * own door.
   */
  public void requireRegister(String userId, String source) {
    Registration answer = areaOf(userId).mayRegister(source);
    if (answer == Registration.NOT_A_REGISTERING_ROLE) {
      throw new CaseAccessDeniedException("用户 " + userId + " 无权登记案件");
    }
    if (answer == Registration.OTHER_DOOR) {
      throw new CaseAccessDeniedException(
          "用户 " + userId + " 只能从本系统的入口登记案件，不能以 " + source + " 登记", "source");
    }
  }

  public boolean mayRegister(String userId, String source) {
    return areaOf(userId).mayRegister(source) == Registration.ALLOWED;
  }

  /** The county's audit trail: county supervisors and the county leader. */
  public void requireCountySupervisor(String userId) {
    if (!areaOf(userId).supervisesCounty()) {
      throw new CaseAccessDeniedException("只有县级督办人员可以查看审计记录");
    }
  }
}
