package cn.onedoor.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.chain.ChainTest;
import cn.onedoor.support.PostgresTestDatabase;
import java.util.HashSet;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On PostgreSQL the engine's "which groups hold any authorization" is answered through the group
 * index ({@link AuthorizedGroupsByIndex}), with the same groups as the engine's own full read, and
 * a village mediator still sees the case that waits for their group.
 */
@Import(PostgresTestDatabase.class)
class PostgresAuthorizedGroupsTest extends ChainTest {

  @Autowired ProcessEngine engine;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theGroupsHoldingAuthorizationsAreTheEnginesOwnAndTheMediatorSeesTheCase() {
    String caseCode = register(villageNeighbourDispute());
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(
            configuration.getDbSqlSessionFactory().mapStatement(AuthorizedGroupsByIndex.STATEMENT))
        .isEqualTo(AuthorizedGroupsByIndex.BY_INDEX);
    List<String> byIndex =
        configuration
            .getCommandExecutorTxRequired()
            .execute(
                context ->
                    context
                        .getDbEntityManager()
                        .<String>selectList(AuthorizedGroupsByIndex.STATEMENT));
    List<String> fullRead =
        jdbc.queryForList(
            "select distinct group_id_ from act_ru_authorization where group_id_ is not null",
            String.class);
    assertThat(fullRead).contains("mediator:village:511725104001");
    assertThat(new HashSet<>(byIndex)).isEqualTo(new HashSet<>(fullRead));
    assertThat(byIndex).hasSameSizeAs(fullRead);

    identityService.setAuthentication("villagemediator", groupsOf("villagemediator"));
    try {
      assertThat(taskService.createTaskQuery().processInstanceBusinessKey(caseCode).list())
          .isNotEmpty();
    } finally {
      identityService.clearAuthentication();
    }
  }

  /**
   * {@link EngineQueryIndexes} indexed the engine's tables after the engine created them (our
   * migrations ran before, on an empty schema), and the filters' questions still find the task: the
   * mediator's task, due in days, is among the tasks due within a year and has no follow-up date
   * today.
   */
  @Test
  void theEngineQueryIndexesExistAndTheMediatorsDueTaskIsStillFound() {
    String caseCode = register(villageNeighbourDispute());
    assertThat(
            jdbc.queryForList(
                "select indexname from pg_indexes where indexname like 'onedoor_idx_%'",
                String.class))
        .contains(
            "onedoor_idx_auth_user_id",
            "onedoor_idx_auth_group_task",
            "onedoor_idx_task_due_date",
            "onedoor_idx_task_follow_up");
    identityService.setAuthentication("villagemediator", groupsOf("villagemediator"));
    try {
      java.util.Date now = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime();
      assertThat(
              taskService
                  .createTaskQuery()
                  .processInstanceBusinessKey(caseCode)
                  .dueAfter(now)
                  .dueBefore(new java.util.Date(now.getTime() + 365L * 24 * 3600 * 1000))
                  .list())
          .isNotEmpty();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
