package cn.onedoor.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.support.TestResidentIds;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database from before the masking (V51): the SMS sent, the summary typed with numbers and the
 * purpose of a read keep no raw resident ID or mobile after the upgrade, and keep everything else.
 */
class PersonalDataMaskedInOldRowsTest {

  private static final String ID = TestResidentIds.forNumber(1809);
  private static final String MOBILE = "13912341809";

  @Test
  void anUpgradeMasksTheNumbersAlreadyAtRest() {
    JdbcDataSource database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:masking-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    database.setUser("sa");
    migrate(database, "50");
    JdbcTemplate jdbc = new JdbcTemplate(database);
    jdbc.update(
        """
        insert into dispute_case (case_code, source, report_level, town_code, received_by, dispute_type, summary,
          amount, occurred_on, party_count, consent_to_mediation, injury, violence, crime_suspected,
          government_body_party, accepted_elsewhere, registered_at, responsible_unit, dispute_fingerprint)
        values ('511725-2026-000001', 'WINDOW', 'TOWN', '511725104', 'intake', 'NEIGHBOUR', ?, 100, date '2026-03-01',
          2, true, false, false, false, false, 'NONE', timestamp '2026-03-02 09:00:00', '511725104', 'f')""",
        "张三（身份证" + ID + "，电话" + MOBILE + "）与李四通行纠纷");
    jdbc.update(
        """
        insert into outbound_request (idempotency_key, system_name, step, case_code, payload, created_at,
          response_status, response_body)
        values ('511725-2026-000001:SMS_CASE_REGISTERED:1', 'SMS', 'SMS_CASE_REGISTERED', '511725-2026-000001', ?,
          timestamp '2026-03-02 09:00:01', 200, ?)""",
        "{\"recipients\":[\"" + MOBILE + "\"],\"text\":\"您的案件编号为511725-2026-000001\"}",
        "{\"receipt\":\"sms-1\",\"to\":\"" + MOBILE + "\"}");
    // More than one page of the migration's thousand rows.
    jdbc.batchUpdate(
        """
        insert into outbound_request (idempotency_key, system_name, step, case_code, payload, created_at)
        values (?, 'SMS', 'SMS_STAGE_MEDIATION', '511725-2026-000001', ?, timestamp '2026-03-03 09:00:00')""",
        java.util.stream.IntStream.range(0, 2_100)
            .mapToObj(
                n ->
                    new Object[] {
                      "511725-2026-000001:SMS_STAGE_MEDIATION:" + n,
                      "{\"recipients\":[\"" + MOBILE + "\"]}"
                    })
            .toList());
    jdbc.update(
        """
        insert into personal_data_read (case_code, read_by, read_at, purpose)
        values ('511725-2026-000001', 'intake', timestamp '2026-03-02 10:00:00', ?)""",
        "回电 " + MOBILE);

    migrate(database, null);

    assertThat(jdbc.queryForObject("select summary from dispute_case", String.class))
        .isEqualTo("张三（身份证5117**********" + ID.substring(14) + "，电话139****1809）与李四通行纠纷");
    assertThat(
            jdbc.queryForMap(
                "select payload, response_body, step from outbound_request where response_status = 200"))
        .containsEntry(
            "PAYLOAD", "{\"recipients\":[\"139****1809\"],\"text\":\"您的案件编号为511725-2026-000001\"}")
        .containsEntry("RESPONSE_BODY", "{\"receipt\":\"sms-1\",\"to\":\"139****1809\"}")
        .containsEntry("STEP", "SMS_CASE_REGISTERED");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from outbound_request where payload like ?",
                Integer.class,
                "%" + MOBILE + "%"))
        .isZero();
    assertThat(jdbc.queryForObject("select purpose from personal_data_read", String.class))
        .isEqualTo("回电 139****1809");
  }

  private static void migrate(JdbcDataSource database, String target) {
    var configuration = Flyway.configure().dataSource(database).locations("classpath:db/migration");
    if (target != null) {
      configuration.target(target);
    }
    configuration.load().migrate();
  }
}
