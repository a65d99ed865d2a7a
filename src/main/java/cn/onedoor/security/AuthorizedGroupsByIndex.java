package cn.onedoor.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ResultMap;
import org.apache.ibatis.mapping.SqlCommandType;
import org.apache.ibatis.mapping.SqlSource;
import org.apache.ibatis.scripting.xmltags.XMLLanguageDriver;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, the engine's question "which groups hold any authorization?" answered by hopping
 * through the group index instead of reading all of it (issue #15, the scale benchmark).
 *
 * <p>Before every command with authorization checks (each Tasklist filter, each task list, Cockpit)
 * the engine intersects the user's groups with {@code SELECT distinct(GROUP_ID_) FROM
 * ACT_RU_AUTHORIZATION} (statement {@code selectAuthorizedGroupIds}): a read of every authorization
 * row, which grows with every case ever registered (60 rows per open case, 65 left per closed one
 * today). On 110,000 authorization rows it took 59 ms, 10× that on 1.1 M, for an answer of a few
 * hundred group ids (camunda/camunda-bpm-platform#5485; Camunda 7 has no switch to skip it). The
 * same answer as a loose index scan — a recursive query that asks the group index for the next
 * group after the last one — costs one index descent per group: flat however many cases there are.
 * Nulls are left out here as the engine leaves them out after the query.
 *
 * <p>Registered as a database-specific mapping of the engine's own statement name (the way the
 * engine maps its statements per database), for PostgreSQL only: H2 (the default run) keeps the
 * engine's statement. Engine-internal classes (impl.db.sql): on a move to a fork, one file to
 * check.
 */
@Component
class AuthorizedGroupsByIndex extends AbstractProcessEnginePlugin {

  static final String STATEMENT = "selectAuthorizedGroupIds";
  static final String BY_INDEX = "selectAuthorizedGroupIds_onedoorByIndex";

  private static final String SQL =
      """
      with recursive g(group_id) as (
        (select GROUP_ID_ from ${prefix}ACT_RU_AUTHORIZATION where GROUP_ID_ is not null order by GROUP_ID_ limit 1)
        union all
        select (select a.GROUP_ID_ from ${prefix}ACT_RU_AUTHORIZATION a where a.GROUP_ID_ > g.group_id
                order by a.GROUP_ID_ limit 1)
        from g where g.group_id is not null
      )
      select group_id from g where group_id is not null""";

  @Override
  public void postInit(ProcessEngineConfigurationImpl engine) {
    if (!DbSqlSessionFactory.POSTGRES.equals(engine.getDatabaseType())) {
      return;
    }
    Configuration mybatis = engine.getSqlSessionFactory().getConfiguration();
    if (!mybatis.hasStatement(BY_INDEX)) {
      SqlSource sql = new XMLLanguageDriver().createSqlSource(mybatis, SQL, null);
      mybatis.addMappedStatement(
          new MappedStatement.Builder(mybatis, BY_INDEX, sql, SqlCommandType.SELECT)
              .resultMaps(
                  List.of(
                      new ResultMap.Builder(mybatis, BY_INDEX + "-result", String.class, List.of())
                          .build()))
              .build());
    }
    DbSqlSessionFactory sessions = engine.getDbSqlSessionFactory();
    Map<String, String> mappings =
        sessions.getStatementMappings() == null
            ? new HashMap<>()
            : new HashMap<>(sessions.getStatementMappings());
    mappings.put(STATEMENT, BY_INDEX);
    sessions.setStatementMappings(mappings);
  }
}
