package cn.onedoor.chain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.casefile.ProcessModels;
import cn.onedoor.intake.CaseStatuses;
import cn.onedoor.intake.IntakeRequest;
import cn.onedoor.support.TestResidentIds;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * After a whole case, from registration to closure, with its SMS sent and a full-identity read, no
 * party's resident ID number or mobile is in any table but {@code case_party} (every text and
 * binary column of every table: the engine's runtime and history, and ours: the case, its journal,
 * the requests sent to other systems and their receipts, the audit of reads), nor in the log: the
 * registry's parties table keeps them, the process carries the case code. The tables scanned are
 * whatever the database lists; the test checks they include every table our migration scripts
 * create. On H2 here, on PostgreSQL in {@link PostgresPersonalDataAtRestTest}.
 */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataAtRestTest extends ChainTest {

  private static final String APPLICANT_ID = TestResidentIds.forNumber(31_415);
  private static final String APPLICANT_MOBILE = "13987654321";
  private static final String RESPONDENT_ID = TestResidentIds.forNumber(27_182);
  private static final String RESPONDENT_MOBILE = "15811112222";

  @Autowired JdbcTemplate jdbc;
  @Autowired CaseStatuses statuses;

  @Test
  void aWholeCaseLeavesNoRawIdNumberOrMobileOutsideThePartiesTableNorInTheLog(CapturedOutput log)
      throws Exception {
    IntakeRequest template = intakeRequest(villageNeighbourDispute());
    IntakeRequest request =
        new IntakeRequest(
            "WINDOW",
            null,
            template.level(),
            template.townCode(),
            template.villageCode(),
            "intake",
            template.disputeType(),
            // an officer typing numbers into the summary despite the form's hint
            "申请人张三（身份证" + APPLICANT_ID + "，电话" + APPLICANT_MOBILE + "）与李四相邻通行纠纷。",
            template.amount(),
            template.occurredOn(),
            2,
            true,
            template.flags(),
            List.of(
                new IntakeRequest.Party(
                    "APPLICANT", "PERSON", "张三", APPLICANT_ID, null, APPLICANT_MOBILE),
                new IntakeRequest.Party(
                    "RESPONDENT", "PERSON", "李四", RESPONDENT_ID, null, RESPONDENT_MOBILE)));
    String caseCode = intake.register(request, "full-case-1", "intake").caseCode();
    runJobs();
    // a mediator calling the applicant back reads the full identity, and types the number as
    // purpose
    assertThat(statuses.fullParties(caseCode, "intake", "回电 " + APPLICANT_MOBILE))
        .extracting(CaseStatuses.FullParty::mobile)
        .contains(APPLICANT_MOBILE);
    complete(caseCode, "Task_RecordConsent", null, Map.of("partiesConsent", "YES"));
    complete(
        caseCode,
        "Task_Mediate",
        null,
        Map.of("mediationResult", "PERFORMED", "sessionNote", "当场履行"));
    complete(
        caseCode,
        "Task_RecordClosure",
        null,
        Map.of("closureReason", "PERFORMED", "satisfaction", "5", "closureSummary", "办结"));
    assertThat(caseIsOpen(caseCode)).isFalse();

    // the summary reached the forms, masked
    assertThat(
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(
                    historyService
                        .createHistoricProcessInstanceQuery()
                        .processInstanceBusinessKey(caseCode)
                        .processDefinitionKey(ProcessModels.DISPUTE_CASE)
                        .singleResult()
                        .getId())
                .variableName("summary")
                .singleResult()
                .getValue()
                .toString())
        .contains("5117**********", "139****4321");

    // the SMS were sent to the parties' numbers, and their record kept
    assertThat(outbound.forCase(caseCode))
        .filteredOn(sent -> sent.system().equals("SMS"))
        .isNotEmpty()
        .allSatisfy(sms -> assertThat(sms.payload()).contains("139****4321", "158****2222"));

    List<String> found = new ArrayList<>();
    List<String> scanned = new ArrayList<>();
    // every table and view of the application's schema (PUBLIC on H2, public on PostgreSQL)
    List<String> tables =
        jdbc.queryForList(
            "select table_name from information_schema.tables where upper(table_schema) = 'PUBLIC'"
                + " and upper(table_name) <> 'CASE_PARTY'",
            String.class);
    for (String table : tables) {
      jdbc.query(
          "select * from \"" + table + "\"",
          rs -> {
            scanned.add(table.toUpperCase());
            for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
              String text = text(rs.getObject(column));
              for (String secret :
                  List.of(APPLICANT_ID, APPLICANT_MOBILE, RESPONDENT_ID, RESPONDENT_MOBILE)) {
                if (text != null && text.contains(secret)) {
                  found.add(table + "." + rs.getMetaData().getColumnName(column));
                }
              }
            }
          });
    }
    assertThat(tables)
        .extracting(String::toUpperCase)
        .as("every table of ours is scanned, and the engine's")
        .containsAll(ourTables())
        .contains("ACT_HI_VARINST", "ACT_GE_BYTEARRAY", "ACT_RU_JOB", "ACT_HI_DETAIL");
    assertThat(scanned)
        .as("tables where the case left rows to look at")
        .contains(
            "DISPUTE_CASE",
            "INTAKE_REQUEST",
            "OUTBOUND_REQUEST",
            "CASE_EVENT",
            "PERSONAL_DATA_READ",
            "CASE_CLOCK",
            "ACT_HI_VARINST",
            "ACT_GE_BYTEARRAY");
    assertThat(found).as("columns outside case_party holding a raw ID number or mobile").isEmpty();
    assertThat(log.getAll())
        .doesNotContain(APPLICANT_ID, APPLICANT_MOBILE, RESPONDENT_ID, RESPONDENT_MOBILE);
  }

  /**
   * The tables our migrations create (production's and the simulated systems'), read from the
   * migration scripts themselves, and Flyway's history: what the scan must reach whatever the
   * database calls its schema.
   */
  private static List<String> ourTables() throws java.io.IOException {
    List<String> tables = new ArrayList<>(List.of("FLYWAY_SCHEMA_HISTORY"));
    for (Resource script :
        new PathMatchingResourcePatternResolver().getResources("classpath*:db/**/*.sql")) {
      Matcher created =
          Pattern.compile("(?i)create table (\\w+)")
              .matcher(script.getContentAsString(StandardCharsets.UTF_8));
      while (created.find()) {
        tables.add(created.group(1).toUpperCase());
      }
    }
    tables.remove("CASE_PARTY");
    assertThat(tables).as("tables our migrations create").hasSizeGreaterThan(15);
    return tables;
  }

  private static String text(Object value) throws java.sql.SQLException {
    if (value instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
    if (value instanceof Blob blob) {
      return new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.ISO_8859_1);
    }
    if (value instanceof Clob clob) {
      return clob.getSubString(1, (int) clob.length());
    }
    return value == null ? null : value.toString();
  }
}
