package cn.onedoor.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database from before the real towns (V60) with cases in the demo's 三汇镇 (coded 511725102, really
 * 临巴镇) and 有庆镇 (coded 511725104, really 三汇镇): after the upgrade each case is in the same town under
 * its real code, in every table of ours, and no code was mapped twice (三汇镇's cases did not end up
 * in 有庆镇). On H2 (the default run) and PostgreSQL (production).
 */
class RealTownsMigrationTest {

  @Test
  void anH2DatabaseKeepsItsCasesInTheirTownsUnderTheRealCodes() {
    JdbcDataSource database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:real-towns-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    database.setUser("sa");
    upgradeAndCheck(database);
  }

  @Test
  void aPostgresDatabaseKeepsItsCasesInTheirTownsUnderTheRealCodes() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      upgradeAndCheck(postgres.getPostgresDatabase());
    }
  }

  private static void upgradeAndCheck(DataSource database) {
    migrate(database, "51");
    JdbcTemplate jdbc = new JdbcTemplate(database);
    // Registered in the demo's 三汇镇 汇东社区 and handed to its town; and in the demo's 有庆镇 有庆村.
    registered(jdbc, "511725-2026-000001", "511725102", "511725102001");
    registered(jdbc, "511725-2026-000002", "511725104", "511725104001");
    jdbc.update(
        """
        insert into case_hand_over (case_code, from_unit, to_unit, handed_at)
        values ('511725-2026-000001', '511725102001', '511725102', timestamp '2026-03-03 09:00:00')""");
    jdbc.update(
        """
        insert into case_escalation (case_code, rung, target_group, answering_group, raised_at, town_code,
          village_code)
        values ('511725-2026-000001', 'ORDER', 'supervisor:town:511725102', 'mediator:village:511725102001',
          timestamp '2026-03-04 09:00:00', '511725102', '511725102001')""");

    migrate(database, null);

    assertThat(row(jdbc, "dispute_case", "town_code, village_code, responsible_unit", 1))
        .containsExactly("511725104", "511725104001", "511725104001");
    assertThat(row(jdbc, "dispute_case", "town_code, village_code, responsible_unit", 2))
        .containsExactly("511725112", "511725112001", "511725112001");
    assertThat(row(jdbc, "case_progress", "current_unit, town_code, village_code", 1))
        .containsExactly("511725104001", "511725104", "511725104001");
    assertThat(row(jdbc, "case_progress", "current_unit, town_code, village_code", 2))
        .containsExactly("511725112001", "511725112", "511725112001");
    assertThat(row(jdbc, "case_clock", "candidate_group, town_code, village_code", 1))
        .containsExactly("mediator:village:511725104001", "511725104", "511725104001");
    assertThat(row(jdbc, "case_clock", "candidate_group, town_code, village_code", 2))
        .containsExactly("mediator:village:511725112001", "511725112", "511725112001");
    assertThat(
            row(
                jdbc,
                "case_escalation",
                "target_group, answering_group, town_code, village_code",
                1))
        .containsExactly(
            "supervisor:town:511725104",
            "mediator:village:511725104001",
            "511725104",
            "511725104001");
    assertThat(row(jdbc, "case_hand_over", "from_unit, to_unit", 1))
        .containsExactly("511725104001", "511725104");
    assertThat(
            jdbc.queryForList(
                "select unit_level || ' ' || unit_code from case_unit order by case_code, unit_level",
                String.class))
        .containsExactly(
            "town 511725104", "village 511725104001", "town 511725112", "village 511725112001");

    // The unit table: the 37 real towns, the demo villages under 三汇镇 and 有庆镇, marked demo.
    assertThat(
            jdbc.queryForList(
                "select code || ' ' || name from unit where kind = 'TOWN' order by code",
                String.class))
        .containsExactlyElementsOf(
            RealTowns.all().stream().map(town -> town.code() + " " + town.name()).toList());
    assertThat(
            jdbc.queryForList(
                "select code || ' ' || name || ' < ' || parent_code from unit where kind = 'VILLAGE'"
                    + " and demo order by code",
                String.class))
        .containsExactly(
            "511725103001 土溪村 < 511725103",
            "511725104001 汇东社区 < 511725104",
            "511725104002 汇西社区 < 511725104",
            "511725112001 有庆村 < 511725112");
    assertThat(jdbc.queryForObject("select count(*) from unit where demo", Integer.class))
        .isEqualTo(4);
  }

  private static void registered(JdbcTemplate jdbc, String caseCode, String town, String village) {
    jdbc.update(
        """
        insert into dispute_case (case_code, source, report_level, town_code, village_code, received_by,
          dispute_type, summary, amount, occurred_on, party_count, consent_to_mediation, injury, violence,
          crime_suspected, government_body_party, accepted_elsewhere, registered_at, responsible_unit,
          dispute_fingerprint)
        values (?, 'WINDOW', 'VILLAGE', ?, ?, 'intake', 'NEIGHBOUR', '通行纠纷', 100, date '2026-03-01', 2, true,
          false, false, false, false, 'NONE', timestamp '2026-03-02 09:00:00', ?, ?)""",
        caseCode,
        town,
        village,
        village,
        caseCode);
    jdbc.update(
        """
        insert into case_progress (case_code, stage, stage_since, registered_at, current_unit, town_code,
          village_code)
        values (?, 'MEDIATION', timestamp '2026-03-02 09:00:00', timestamp '2026-03-02 09:00:00', ?, ?, ?)""",
        caseCode,
        village,
        town,
        village);
    jdbc.update(
        """
        insert into case_clock (task_id, case_code, process_instance_id, process_key, activity_id, name,
          clock_kind, candidate_group, started_at, town_code, village_code)
        values (?, ?, 'p', 'mediation', 'Task_RecordConsent', '确认当事人调解意愿', 'WORK', ?,
          timestamp '2026-03-02 09:00:00', ?, ?)""",
        "task-" + caseCode,
        caseCode,
        "mediator:village:" + village,
        town,
        village);
    jdbc.update(
        """
        insert into case_unit (case_code, unit_level, unit_code, reached_at, reason)
        values (?, 'town', ?, timestamp '2026-03-02 09:00:00', 'REGISTERED'),
               (?, 'village', ?, timestamp '2026-03-02 09:00:00', 'REGISTERED')""",
        caseCode,
        town,
        caseCode,
        village);
  }

  private static List<Object> row(JdbcTemplate jdbc, String table, String columns, int number) {
    Map<String, Object> row =
        jdbc.queryForMap(
            "select " + columns + " from " + table + " where case_code = ?",
            "511725-2026-00000" + number);
    return List.copyOf(row.values());
  }

  private static void migrate(DataSource database, String target) {
    var configuration = Flyway.configure().dataSource(database).locations("classpath:db/migration");
    if (target != null) {
      configuration.target(target);
    }
    configuration.load().migrate();
  }
}
