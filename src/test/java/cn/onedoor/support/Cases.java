package cn.onedoor.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;

/** Test data about cases, shared by tests whose figures count every case in the database. */
public final class Cases {

  /** Our case tables, children before the cases they belong to. */
  private static final List<String> CASE_TABLES =
      List.of(
          "case_escalation",
          "case_clock",
          "case_event",
          "case_link",
          "case_hand_over",
          "intake_request",
          "case_party",
          "personal_data_read",
          "outbound_request",
          "case_progress",
          "dispute_case");

  private Cases() {}

  /**
   * Forgets every case: its process instances and its rows, so that the next test's counts start
   * from nothing.
   */
  public static void forgetAll(RuntimeService runtimeService, JdbcTemplate jdbc) {
    runtimeService
        .createProcessInstanceQuery()
        .rootProcessInstances()
        .list()
        .forEach(
            instance ->
                runtimeService.deleteProcessInstance(instance.getId(), "test done", true, true));
    CASE_TABLES.forEach(table -> jdbc.update("delete from " + table));
  }

  /**
   * Locks every job of the case's process instances as the node's job executor would, until the
   * given time: in the past for a node that died holding them, in the future for a live node that
   * took them over. How many jobs.
   */
  public static int lockJobs(JdbcTemplate jdbc, String caseCode, String node, Instant until) {
    return jdbc.update(
        """
        update ACT_RU_JOB set LOCK_OWNER_ = ?, LOCK_EXP_TIME_ = ? where PROCESS_INSTANCE_ID_ in
        (select ID_ from ACT_RU_EXECUTION where BUSINESS_KEY_ = ? and ID_ = PROC_INST_ID_)""",
        node,
        Timestamp.from(until),
        caseCode);
  }
}
