package cn.onedoor.cost;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.chain.ChainTest;
import cn.onedoor.identity.StaffArea;
import cn.onedoor.identity.StaffGrants;
import cn.onedoor.identity.StaffGroups;
import cn.onedoor.identity.StaffGroups.StaffGroup;
import cn.onedoor.security.CaseAccess;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine authorizations one closed case leaves behind (issue #15: at most 5 on the agreement
 * path), named row by row: resource, permissions, group or user, and which instance of the case
 * (the root {@code dispute-case} or a stage it called). While the case runs its units' groups read
 * every instance of it in the engine; once it is closed they read it through our API, which checks
 * {@code case_unit} itself ({@code security.CaseAuthorizations}).
 */
class GrantsLeftTest extends ChainTest {

  @Autowired ProcessEngine engine;
  @Autowired StaffGrants staffGrants;
  @Autowired JdbcTemplate jdbc;
  @Autowired CaseAccess caseAccess;

  @Value("${onedoor.county.code}")
  String countyCode;

  /** A grant as a reader of the table would describe it. */
  record Left(String resource, String resourceId, String who, int permissions, String instance) {}

  static List<String> paths() {
    return CasePaths.all().stream().map(CasePaths.Path::name).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paths")
  void aClosedCaseLeavesAtMostFiveGrantsAndEachIsNamed(String pathName) {
    CasePaths.Path path = CasePaths.named(pathName);
    InProcessWork work = new InProcessWork(engine, intake, caseMessages, staffGrants, stageReports);
    // A first case brings every group's baseline in step; only the second one's grants are counted.
    path.oneCase().apply(work);
    Set<String> before = ids();
    String caseCode = path.oneCase().apply(work);
    assertThat(work.isOpen(caseCode)).as("case %s closed", caseCode).isFalse();

    List<Left> left =
        jdbc
            .query(
                """
            select a.id_, a.resource_type_, a.resource_id_, coalesce(a.group_id_, 'user ' || a.user_id_),
              a.perms_, h.proc_def_key_, h.super_process_instance_id_
            from act_ru_authorization a
            left join act_hi_procinst h on h.proc_inst_id_ = a.resource_id_
            order by a.resource_type_, h.proc_def_key_, a.group_id_""",
                (rs, row) ->
                    before.contains(rs.getString(1))
                        ? null
                        : new Left(
                            resourceName(rs.getInt(2)),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getInt(5),
                            rs.getString(6) == null
                                ? "-"
                                : rs.getString(6)
                                    + (rs.getString(7) == null ? " (root)" : " (stage)")))
            .stream()
            .filter(row -> row != null)
            .toList();
    System.out.printf(
        "grants left by one closed %s case: %d%n%s%n",
        pathName, left.size(), left.stream().map(Left::toString).collect(Collectors.joining("\n")));
    assertThat(left).as("grants a closed %s case leaves", pathName).hasSizeLessThanOrEqualTo(5);

    List<String> workedIt =
        jdbc
            .queryForList(
                """
            select distinct l.group_id_ from act_hi_identitylink l
            join case_instance i on i.process_instance_id = l.root_proc_inst_id_
            where i.case_code = ? and l.type_ = 'candidate' and l.group_id_ is not null""",
                String.class,
                caseCode)
            .stream()
            .filter(group -> StaffGroups.parse(group).filter(StaffGroup::readsCases).isPresent())
            .toList();
    assertThat(workedIt).as("groups that worked the %s case", pathName).isNotEmpty();
    assertThat(workedIt)
        .as("who worked the closed case still reads it, through our API")
        .allSatisfy(
            group ->
                assertThat(
                        StaffArea.of("member of " + group, List.of(group), countyCode)
                            .reads(caseAccess.unitsOf(caseCode)))
                    .as(group)
                    .isTrue());
  }

  private Set<String> ids() {
    return Set.copyOf(jdbc.queryForList("select id_ from act_ru_authorization", String.class));
  }

  private static String resourceName(int type) {
    for (Resources resource : Resources.values()) {
      if (resource.resourceType() == type) {
        return resource.name();
      }
    }
    return String.valueOf(type);
  }
}
