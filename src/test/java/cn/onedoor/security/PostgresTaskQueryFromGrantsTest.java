package cn.onedoor.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.chain.ChainTest;
import cn.onedoor.support.PostgresTestDatabase;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * On PostgreSQL the task query of a user whose grants name tasks one by one is sent with the grants
 * joined on the task's id ({@link TaskQueryFromGrants}), and every Tasklist filter still shows
 * every demo user exactly what the engine's own statement shows them.
 */
@Import(PostgresTestDatabase.class)
class PostgresTaskQueryFromGrantsTest extends ChainTest {

  private static final OffsetDateTime A_WEEK_LATER = MONDAY_MORNING.plusDays(7);

  @Autowired ProcessEngine engine;
  @Autowired IdentityService identityService;
  @Autowired FilterService filterService;

  @Test
  void theMediatorsGrantsAreJoinedOnTheTaskIdAndTheCountySupervisorsOnTheirGrantOnAll() {
    startOfTheWorkingDay();
    register(villageNeighbourDispute());
    assertThat(taskQuerySql("villagemediator"))
        .contains(TaskQueryFromGrants.BY_TASK_ID)
        .containsPattern("inner join\\s*\\(\\s*SELECT A");
    // READ_TASK on every definition: every task matches that one grant
    assertThat(taskQuerySql("countysupervisor"))
        .contains(TaskQueryFromGrants.BY_STAR)
        .containsPattern("inner join\\s*\\(\\s*SELECT A");
  }

  @Test
  void everyFilterShowsEveryDemoUserWhatTheEnginesOwnStatementShows() {
    startOfTheWorkingDay();
    register(villageNeighbourDispute());
    register(villageNeighbourDispute());
    Map<String, Object> tuxi = villageNeighbourDispute();
    tuxi.put("townCode", "511725103");
    tuxi.put("villageCode", "511725103001");
    register(tuxi);
    // consent due in three working days: a week later the tasks are overdue and escalated
    moveClockTo(A_WEEK_LATER);

    Map<String, List<String>> rewritten = everyFilterOfEveryUser();
    DbSqlSessionFactory sessions = configuration().getDbSqlSessionFactory();
    Map<String, String> ours = sessions.getStatementMappings();
    Map<String, String> engines = new HashMap<>(ours);
    TaskQueryFromGrants.STATEMENTS.forEach(engines::remove);
    sessions.setStatementMappings(engines);
    Map<String, List<String>> enginesOwn;
    try {
      enginesOwn = everyFilterOfEveryUser();
    } finally {
      sessions.setStatementMappings(ours);
    }

    assertThat(rewritten).isEqualTo(enginesOwn);
    // the comparison saw what the rewrite is for: a mediator's overdue task, a supervisor's
    assertThat(rewritten.get("villagemediator/已超期")).isNotEmpty();
    List<String> town = rewritten.get("townsupervisor/三汇镇已超期");
    List<String> county = rewritten.get("countysupervisor/全县已超期");
    // the town's: its two cases' overdue tasks; the county's: those and 土溪镇's
    assertThat(town).hasSizeGreaterThan(2);
    assertThat(county)
        .hasSizeGreaterThan(town.size())
        .containsAll(town.subList(0, town.size() - 1));
  }

  /** "user/filter" → the ids of the tasks the filter lists for them, in order, then the count. */
  private Map<String, List<String>> everyFilterOfEveryUser() {
    Map<String, List<String>> seen = new LinkedHashMap<>();
    for (User user : identityService.createUserQuery().list()) {
      List<String> groups = groupsOf(user.getId());
      identityService.setAuthentication(user.getId(), groups);
      try {
        for (Filter filter : filterService.createFilterQuery().list()) {
          List<String> tasks =
              new java.util.ArrayList<>(
                  filterService
                      .listPage(
                          filter.getId(),
                          taskService.createTaskQuery().orderByTaskCreateTime().desc(),
                          0,
                          15)
                      .stream()
                      .map(task -> ((Task) task).getId())
                      .toList());
          tasks.add("count " + filterService.count(filter.getId()));
          seen.put(user.getId() + "/" + filter.getName(), tasks);
        }
      } finally {
        identityService.clearAuthentication();
      }
    }
    return seen;
  }

  /** The statement the engine sends for the user's overdue tasks (the 已超期 filter's question). */
  private String taskQuerySql(String user) {
    identityService.setAuthentication(user, groupsOf(user));
    try {
      return configuration()
          .getCommandExecutorTxRequired()
          .execute(
              context -> {
                TaskQueryImpl query =
                    (TaskQueryImpl) taskService.createTaskQuery().dueBefore(ClockUtil.now());
                context.getAuthorizationManager().configureTaskQuery(query);
                // as the query does when it runs (TaskQueryImpl.decideAuthorizationJoinType)
                query.getAuthCheck().setUseLeftJoin(configuration().isCmmnEnabled());
                return configuration()
                    .getSqlSessionFactory()
                    .getConfiguration()
                    .getMappedStatement(
                        configuration()
                            .getDbSqlSessionFactory()
                            .mapStatement("selectTaskByQueryCriteria"))
                    .getBoundSql(query)
                    .getSql();
              });
    } finally {
      identityService.clearAuthentication();
    }
  }

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }
}
