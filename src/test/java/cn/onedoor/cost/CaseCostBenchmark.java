package cn.onedoor.cost;

import cn.onedoor.bridge.ExternalSystem;
import cn.onedoor.bridge.ExternalSystemsProperties;
import cn.onedoor.chain.ChainTest;
import cn.onedoor.identity.StaffGrants;
import cn.onedoor.support.PostgresTestDatabase;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What one closed case costs on PostgreSQL, per path of the chain (issue #15 item 1), in the spirit
 * of Camunda's engine performance suite and its SQL statement log. Cases are worked through the
 * public APIs ({@link HttpWork}) against embedded PostgreSQL, the other systems at the wire
 * (WireMock accepting everything, so none of the simulation's own instances is counted); after one
 * warm-up case per path, {@code -Dcost.cases} cases (default 5) are measured and divided:
 *
 * <ul>
 *   <li>rows inserted, updated and deleted per table and statements executed, at the JDBC level
 *       ({@link StatementCounter}, every thread);
 *   <li>WAL bytes ({@code pg_current_wal_lsn()} before and after);
 *   <li>history bytes (every {@code act_hi_*} table with its indexes and TOAST) and all engine
 *       tables ({@code act_*});
 *   <li>authorization rows and other runtime rows ({@code act_ru_*}) left once the cases closed;
 *   <li>process instances and history variable instances per case.
 * </ul>
 *
 * Not part of {@code ./mvnw verify}; the figures go to the console and {@code
 * target/cost-benchmark.md}:
 *
 * <pre>
 * ./mvnw -Dtest=CaseCostBenchmark -Dbenchmark=true -Dsurefire.failIfNoSpecifiedTests=false test
 * </pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({PostgresTestDatabase.class, StatementCounter.class})
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class CaseCostBenchmark extends ChainTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired StaffGrants staffGrants;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired ExternalSystemsProperties systems;

  /** What the database holds at one moment. */
  record Snapshot(
      long walLsnBytes,
      long historyBytes,
      long engineBytes,
      long authorizations,
      long runtimeRows,
      long processInstances,
      long historyVariables) {}

  private Snapshot snapshot() {
    long wal =
        jdbc.queryForObject("select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')", Long.class);
    long history = bytesOf("act\\_hi\\_%");
    long engineBytes = bytesOf("act\\_%");
    long authorizations =
        jdbc.queryForObject("select count(*) from act_ru_authorization", Long.class);
    long runtime = 0;
    for (String table :
        jdbc.queryForList(
            "select tablename from pg_tables where schemaname = current_schema()"
                + " and tablename like 'act\\_ru\\_%' and tablename <> 'act_ru_authorization'",
            String.class)) {
      runtime += jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
    long instances = jdbc.queryForObject("select count(*) from act_hi_procinst", Long.class);
    long variables = jdbc.queryForObject("select count(*) from act_hi_varinst", Long.class);
    return new Snapshot(wal, history, engineBytes, authorizations, runtime, instances, variables);
  }

  private long bytesOf(String likePattern) {
    return jdbc.queryForObject(
        "select coalesce(sum(pg_total_relation_size(c.oid)), 0) from pg_class c"
            + " join pg_namespace n on n.oid = c.relnamespace"
            + " where n.nspname = current_schema() and c.relkind = 'r' and c.relname like ?",
        Long.class,
        likePattern);
  }

  @Test
  void whatOneClosedCaseCostsOnEachPath() throws IOException {
    int cases = Integer.getInteger("cost.cases", 5);
    InProcessWork inProcess =
        new InProcessWork(engine, intake, caseMessages, staffGrants, stageReports);
    HttpWork work =
        new HttpWork(
            port,
            json,
            engine,
            inProcess,
            systems.callbackSecret(ExternalSystem.COURT),
            systems.callbackSecret(ExternalSystem.LEGAL_AID));
    StringBuilder summary = new StringBuilder();
    StringBuilder perTable = new StringBuilder();
    summary.append(
        "| per closed case | rows written | inserted | updated | deleted | statements | WAL KB"
            + " | history KB | engine tables KB | authorizations left | runtime rows left"
            + " | process instances | history variables |\n");
    summary.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (CasePaths.Path path : CasePaths.all()) {
      path.oneCase().apply(work);
      Snapshot before = snapshot();
      WriteCounts counts = StatementCounter.openOnEveryThread();
      for (int i = 0; i < cases; i++) {
        path.oneCase().apply(work);
      }
      StatementCounter.close();
      Snapshot after = snapshot();
      Map<String, WriteCounts.Rows> tables = counts.tables();
      long inserted = tables.values().stream().mapToLong(WriteCounts.Rows::inserted).sum();
      long updated = tables.values().stream().mapToLong(WriteCounts.Rows::updated).sum();
      long deleted = tables.values().stream().mapToLong(WriteCounts.Rows::deleted).sum();
      summary.append(
          String.format(
              "| %s | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f | %.1f | %.1f | %.1f | %.1f |%n",
              path.description(),
              (double) counts.written() / cases,
              (double) inserted / cases,
              (double) updated / cases,
              (double) deleted / cases,
              (double) counts.statements() / cases,
              (after.walLsnBytes() - before.walLsnBytes()) / 1024.0 / cases,
              (after.historyBytes() - before.historyBytes()) / 1024.0 / cases,
              (after.engineBytes() - before.engineBytes()) / 1024.0 / cases,
              (double) (after.authorizations() - before.authorizations()) / cases,
              (double) (after.runtimeRows() - before.runtimeRows()) / cases,
              (double) (after.processInstances() - before.processInstances()) / cases,
              (double) (after.historyVariables() - before.historyVariables()) / cases));
      perTable
          .append("\n**")
          .append(path.description())
          .append("**: rows per closed case\n\n| table | inserted | updated | deleted |\n")
          .append("|---|---:|---:|---:|\n");
      List<Map.Entry<String, WriteCounts.Rows>> written = new ArrayList<>(tables.entrySet());
      written.sort(
          Comparator.comparingLong(
                  (Map.Entry<String, WriteCounts.Rows> e) -> e.getValue().written())
              .reversed());
      for (Map.Entry<String, WriteCounts.Rows> table : written) {
        if (table.getValue().written() == 0) {
          continue;
        }
        perTable.append(
            String.format(
                "| %s | %.1f | %.1f | %.1f |%n",
                table.getKey(),
                (double) table.getValue().inserted() / cases,
                (double) table.getValue().updated() / cases,
                (double) table.getValue().deleted() / cases));
      }
    }
    String report =
        "Cost per closed case, "
            + cases
            + " cases per path after one warm-up, PostgreSQL "
            + jdbc.queryForObject("show server_version", String.class)
            + "\n\n"
            + summary
            + perTable;
    System.out.println(report);
    Files.writeString(Path.of("target", "cost-benchmark.md"), report);
  }
}
