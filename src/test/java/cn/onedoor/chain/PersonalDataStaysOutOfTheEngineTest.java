package cn.onedoor.chain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.casefile.ProcessModels;
import cn.onedoor.intake.IntakeRequest;
import cn.onedoor.support.TestResidentIds;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * After a whole case, from registration to closure, no party's resident ID number or mobile is
 * anywhere in the engine's runtime or history tables (every text and binary column of every ACT_
 * table), nor in the log: the registry keeps them, the process carries the case code.
 */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataStaysOutOfTheEngineTest extends ChainTest {

  private static final String APPLICANT_ID = TestResidentIds.forNumber(31_415);
  private static final String APPLICANT_MOBILE = "13987654321";
  private static final String RESPONDENT_ID = TestResidentIds.forNumber(27_182);
  private static final String RESPONDENT_MOBILE = "15811112222";

  @Autowired JdbcTemplate jdbc;

  @Test
  void aWholeCaseLeavesNoRawIdNumberOrMobileInTheEngineOrTheLog(CapturedOutput log)
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

    List<String> found = new ArrayList<>();
    for (String table :
        jdbc.queryForList(
            "select table_name from information_schema.tables "
                + "where upper(table_name) like 'ACT\\_%' escape '\\'",
            String.class)) {
      jdbc.query(
          "select * from " + table,
          rs -> {
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
    assertThat(found).as("engine columns holding a raw ID number or mobile").isEmpty();
    assertThat(log.getAll())
        .doesNotContain(APPLICANT_ID, APPLICANT_MOBILE, RESPONDENT_ID, RESPONDENT_MOBILE);
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
