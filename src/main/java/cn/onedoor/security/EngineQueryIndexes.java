package cn.onedoor.security;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, four indexes on the engine's tables that its task query with authorization checks
 * needs to stay flat as cases pile up (issue #15, the scale benchmark; plans in docs/benchmarks.md
 * "Flat as cases pile up").
 *
 * <p>Every Tasklist filter, task list and Cockpit query of a user joins the grants of the user, of
 * {@code *} and of their groups ({@code A.USER_ID_ in (user, '*') OR A.GROUP_ID_ IN (…)}). The
 * groups have an index of their own ({@code ACT_IDX_AUTH_GROUP_ID}); the user has none whose first
 * column is the user: the engine's unique constraint starts with {@code TYPE_}, and {@code TYPE_ <
 * 2} is a range, so PostgreSQL 17 reads every grant's entry in it to find the user's few — 1.5 ms
 * at 48,000 authorization rows, growing with every case ever registered. A group's grants on tasks
 * (and READ_TASK on definitions, the only two a task query joins) are a tenth of its grants — the
 * rest are its instances' and their history's — and lie on as many pages: at 1.1 million cases the
 * village mediators' group held 3,527 grants on 3,139 pages for 334 task grants (11 ms per task
 * query, twice per filter), so a partial index on the group's task grants alone. The filters 已超期,
 * 两日内到期 and 今日跟进 ask for the due or follow-up date of the tasks, which the engine does not index:
 * every open task was read to find the few due. Partial indexes, as the engine's query always
 * compares with a value or adds {@code … is not null}: a group's grant (most of them) costs the
 * user index nothing, a task without a follow-up date (nearly all) the follow-up index.
 *
 * <p>Why here and not a Flyway migration: on an empty database our migrations run before the engine
 * creates its tables, so a migration cannot index them. After the engine's schema creation or
 * update, each start runs {@code create index if not exists} (nothing to do once they exist), under
 * the start-up lock (operations/StartupLock) like the rest of start-up. H2 (the default run) is
 * left as the engine makes it.
 */
@Component
class EngineQueryIndexes extends AbstractProcessEnginePlugin {

  static final List<String> INDEXES =
      List.of(
          "create index if not exists ONEDOOR_IDX_AUTH_USER_ID on ${prefix}ACT_RU_AUTHORIZATION(USER_ID_)"
              + " where USER_ID_ is not null",
          // the grants a task query reads (TASK READ, PROCESS_DEFINITION READ_TASK) of a group
          "create index if not exists ONEDOOR_IDX_AUTH_GROUP_TASK on ${prefix}ACT_RU_AUTHORIZATION(GROUP_ID_)"
              + " where RESOURCE_TYPE_ in (6, 7)",
          "create index if not exists ONEDOOR_IDX_TASK_DUE_DATE on ${prefix}ACT_RU_TASK(DUE_DATE_)"
              + " where DUE_DATE_ is not null",
          "create index if not exists ONEDOOR_IDX_TASK_FOLLOW_UP on ${prefix}ACT_RU_TASK(FOLLOW_UP_DATE_)"
              + " where FOLLOW_UP_DATE_ is not null");

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    ProcessEngineConfigurationImpl engine =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    if (!DbSqlSessionFactory.POSTGRES.equals(engine.getDatabaseType())) {
      return;
    }
    String prefix = engine.getDatabaseTablePrefix() == null ? "" : engine.getDatabaseTablePrefix();
    try (Connection connection = engine.getDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      for (String index : INDEXES) {
        statement.execute(index.replace("${prefix}", prefix));
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("could not create the engine query indexes", e);
    }
  }
}
