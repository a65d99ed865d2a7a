package cn.onedoor.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.SqlSource;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, the engine's task query with authorization checks (every Tasklist filter, page and
 * count) joins the user's grants on what they can match, so PostgreSQL plans from them (issue #15,
 * the scale benchmark; plans in docs/benchmarks.md "Flat as cases pile up").
 *
 * <p>The engine joins the user's and their groups' grants to the tasks on {@code AUTH.RESOURCE_ID_
 * IN (RES.ID_, D.KEY_, '*')}: the task's own grant, a grant on its process definition, or one on
 * every resource. PostgreSQL cannot look a task up by an OR across two tables, so it reads every
 * task the filter matches and compares each with each grant: at 1.1 million cases a village
 * mediator's 已超期 read every overdue task of the county (41,668) against the mediator's grants to
 * keep the few the mediator may see, 3 s. And it cannot tell how many tasks the OR keeps: for a
 * user who reads every task it guesses one, sorts all of them for a page of 15 (105 ms) instead of
 * reading the newest first. Which grants the user holds is one indexed lookup before the statement
 * ({@link #GRANTS_NAMING}); then:
 *
 * <ul>
 *   <li>no grant names {@code *} or a definition's key (the mediators, a town's supervisors): the
 *       OR can only match the task's id, and the statement is sent with {@link #BY_TASK_ID} — the
 *       same tasks, found from the grants through the tasks' primary key;
 *   <li>a grant names {@code *} (the county-wide supervisors: READ_TASK on every definition,
 *       RoleGrants): every task matches it, and the statement is sent with {@link #BY_STAR} — the
 *       same tasks, each joined to that one grant, which PostgreSQL counts right;
 *   <li>a grant names a definition's key but none {@code *} (nobody in RoleGrants; an
 *       administrator's own grant): the engine's statement.
 * </ul>
 *
 * The statement keeps its parameters, criteria, ordering and paging ({@code select distinct} and
 * {@code count(distinct …)} as before); a statement without the expected shape (another engine
 * version) is sent as the engine built it. {@code PostgresTaskQueryFromGrantsTest} checks that
 * every shared filter shows every demo user the very tasks the engine's own statement shows.
 *
 * <p>The rewritten statement takes the engine's inner join of the grants, the one the engine builds
 * with CMMN off: with CMMN on (the engine's default, kept: its tables stay in the schema the
 * engine's upgrade scripts expect) it left-joins them and lets a CMMN case task through without a
 * grant, an OR that keeps PostgreSQL reading every task; the county deploys no case models, so no
 * task is a case task. Registered as database-specific mappings of the engine's statement names,
 * like {@link AuthorizedGroupsByIndex}; H2 (the default run) keeps the engine's statements.
 */
@Component
class TaskQueryFromGrants extends AbstractProcessEnginePlugin {

  static final List<String> STATEMENTS =
      List.of("selectTaskByQueryCriteria", "selectTaskCountByQueryCriteria");

  static final String SUFFIX = "_onedoorFromGrants";

  /** Task.xml's join condition, as PostgreSQL's constants spell it. */
  private static final Pattern JOIN =
      Pattern.compile(
          "AUTH ON \\(AUTH\\.RESOURCE_ID_ IN \\(\\s*RES\\.ID_\\s*,\\s*D\\.KEY_\\s*,\\s*'\\*'\\s*\\)\\)");

  static final String BY_TASK_ID = "AUTH ON (AUTH.RESOURCE_ID_ = RES.ID_)";

  static final String BY_STAR = "AUTH ON (AUTH.RESOURCE_ID_ = '*')";

  /**
   * Does a grant the engine's join reads (the user's, {@code *}'s or the groups', of the
   * permissions checked) name every resource, or a process definition's key? The grant selection is
   * Authorization.xml's authCheckJoinWithoutOnClause.
   */
  private static final String GRANTS_NAMING =
      """
      select exists (select 1 from {p}ACT_RU_AUTHORIZATION A where A.RESOURCE_ID_ = '*' and {grants}),
        exists (select 1 from {p}ACT_RU_AUTHORIZATION A where {grants}
          and A.RESOURCE_ID_ in (select KEY_ from {p}ACT_RE_PROCDEF))""";

  private static final String GRANTS =
      "A.TYPE_ < 2 and (A.USER_ID_ in (?, '*') or A.GROUP_ID_ = any (?)) and ({checks})";

  private String prefix = "";

  @Override
  public void postInit(ProcessEngineConfigurationImpl engine) {
    if (!DbSqlSessionFactory.POSTGRES.equals(engine.getDatabaseType())) {
      return;
    }
    prefix = engine.getDatabaseTablePrefix() == null ? "" : engine.getDatabaseTablePrefix();
    Configuration mybatis = engine.getSqlSessionFactory().getConfiguration();
    DbSqlSessionFactory sessions = engine.getDbSqlSessionFactory();
    Map<String, String> mappings =
        sessions.getStatementMappings() == null
            ? new HashMap<>()
            : new HashMap<>(sessions.getStatementMappings());
    for (String statement : STATEMENTS) {
      String engines = mappings.getOrDefault(statement, statement);
      String ours = statement + SUFFIX;
      if (!mybatis.hasStatement(ours)) {
        MappedStatement original = mybatis.getMappedStatement(engines);
        mybatis.addMappedStatement(
            new MappedStatement.Builder(
                    mybatis,
                    ours,
                    fromGrants(mybatis, original.getSqlSource()),
                    original.getSqlCommandType())
                .resultMaps(original.getResultMaps())
                .parameterMap(original.getParameterMap())
                .statementType(original.getStatementType())
                .resultSetType(original.getResultSetType())
                .fetchSize(original.getFetchSize())
                .timeout(original.getTimeout())
                .lang(original.getLang())
                .build());
      }
      mappings.put(statement, ours);
    }
    sessions.setStatementMappings(mappings);
  }

  private SqlSource fromGrants(Configuration mybatis, SqlSource engines) {
    return parameters -> {
      if (!(parameters instanceof ListQueryParameterObject query)
          || !query.getAuthCheck().getShouldPerformAuthorizatioCheck()
          || query.getAuthCheck().getAuthUserId() == null) {
        return engines.getBoundSql(parameters);
      }
      String on = joinFor(query.getAuthCheck());
      if (on == null) {
        return engines.getBoundSql(parameters);
      }
      // The engine's inner join (as with CMMN off): with CMMN on it left-joins the grants and lets
      // a
      // CMMN case task through without one, an OR that keeps PostgreSQL reading every task. The
      // county deploys no case models, so no task is a case task.
      boolean leftJoin = query.getAuthCheck().isUseLeftJoin();
      query.getAuthCheck().setUseLeftJoin(false);
      BoundSql bound;
      try {
        bound = engines.getBoundSql(parameters);
      } finally {
        query.getAuthCheck().setUseLeftJoin(leftJoin);
      }
      Matcher join = JOIN.matcher(bound.getSql());
      if (!join.find() || join.find()) {
        return engines.getBoundSql(parameters);
      }
      BoundSql ours =
          new BoundSql(
              mybatis,
              join.replaceFirst(Matcher.quoteReplacement(on)),
              bound.getParameterMappings(),
              bound.getParameterObject());
      bound.getAdditionalParameters().forEach(ours::setAdditionalParameter);
      return ours;
    };
  }

  /**
   * {@link #BY_STAR}, {@link #BY_TASK_ID}, or {@code null} for the engine's join; asked on the
   * command's own connection, in its transaction, just before the task query.
   */
  private String joinFor(AuthorizationCheck check) {
    CompositePermissionCheck permissions = check.getPermissionChecks();
    List<PermissionCheck> atomic = permissions == null ? List.of() : permissions.getAtomicChecks();
    if (check.getAuthUserId() == null || atomic == null || atomic.isEmpty()) {
      return null;
    }
    String grants =
        GRANTS.replace(
            "{checks}",
            atomic.stream()
                .map(c -> "(A.RESOURCE_TYPE_ = ? and A.PERMS_ & ? = ?)")
                .collect(Collectors.joining(permissions.isDisjunctive() ? " or " : " and ")));
    String sql = GRANTS_NAMING.replace("{grants}", grants).replace("{p}", prefix);
    Connection connection =
        Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      List<String> groups = check.getAuthGroupIds() == null ? List.of() : check.getAuthGroupIds();
      int i = 1;
      for (int twice = 0; twice < 2; twice++) {
        statement.setString(i++, check.getAuthUserId());
        statement.setArray(i++, connection.createArrayOf("varchar", groups.toArray()));
        for (PermissionCheck c : atomic) {
          statement.setInt(i++, c.getResourceType());
          statement.setInt(i++, c.getPerms());
          statement.setInt(i++, c.getPerms());
        }
      }
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        if (result.getBoolean(1)) {
          return BY_STAR;
        }
        return result.getBoolean(2) ? null : BY_TASK_ID;
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("could not read the grants behind a task query", e);
    }
  }
}
