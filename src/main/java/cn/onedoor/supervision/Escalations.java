package cn.onedoor.supervision;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Date;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The case_escalation rows: one per rung of the ladder (催办, 升级, 督办令, 挂牌督办), per supervision order
 * issued on the page and per order left unanswered past its deadline. A row is raised with the
 * group that must act and answered with the text of the form that closed it, so the case and the
 * supervisors' page show both without engine history.
 */
@Repository
class Escalations {

  static final String LADDER = "LADDER";
  static final String PAGE = "PAGE";

  private final JdbcTemplate jdbc;
  private final Clock clock;

  Escalations(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * A new row; the case's town and village are copied so that a town's escalations are one index
   * range.
   */
  long raise(
      String caseCode,
      String processInstanceId,
      String rung,
      String clockName,
      String targetGroup,
      Date answerDue,
      String source) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        connection -> {
          PreparedStatement insert =
              connection.prepareStatement(
                  """
          insert into case_escalation (case_code, process_instance_id, rung, clock_name, target_group, raised_at,
            answer_due, answering_group, source, town_code, village_code)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, (select town_code from case_progress where case_code = ?),
            (select village_code from case_progress where case_code = ?))""",
                  new String[] {"id"});
          insert.setString(1, caseCode);
          insert.setString(2, processInstanceId);
          insert.setString(3, rung);
          insert.setString(4, truncate(clockName, 128));
          insert.setString(5, targetGroup);
          insert.setTimestamp(6, now());
          insert.setTimestamp(7, answerDue == null ? null : new Timestamp(answerDue.getTime()));
          insert.setString(8, targetGroup);
          insert.setString(9, source);
          insert.setString(10, caseCode);
          insert.setString(11, caseCode);
          return insert;
        },
        key);
    return key.getKey().longValue();
  }

  /** The order is out: its text, who issued it, which group answers by when. */
  void issued(long id, String orderText, String issuedBy, String answeringGroup, Date answerDue) {
    jdbc.update(
        """
        update case_escalation set order_text = ?, issued_by = ?, issued_at = ?, answering_group = ?, answer_due = ?
        where id = ?""",
        truncate(orderText, 2000),
        issuedBy,
        now(),
        answeringGroup,
        answerDue == null ? null : new Timestamp(answerDue.getTime()),
        id);
  }

  void answered(long id, String answer, String answeredBy) {
    jdbc.update(
        "update case_escalation set answered_at = ?, answer = ?, answered_by = ? where id = ? and answered_at is null",
        now(),
        truncate(answer, 1000),
        answeredBy,
        id);
  }

  /**
   * Once the unit has answered, pressing it again is moot: the open overdue rows of the order close
   * with it.
   */
  void closeOverdueOf(String processInstanceId, String answer) {
    jdbc.update(
        """
        update case_escalation set answered_at = ?, answer = ? where process_instance_id = ? and rung = ?
        and answered_at is null""",
        now(),
        answer,
        processInstanceId,
        EscalationRung.ORDER_OVERDUE.name());
  }

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
