package cn.onedoor.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.onedoor.chain.ChainTest;
import cn.onedoor.cost.CasePaths;
import cn.onedoor.cost.InProcessWork;
import cn.onedoor.identity.StaffGrants;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What engine history still tells about a closed case once {@link CaseHistory} drops what nobody
 * reads and removal times are set at the start (application.yaml): who completed which task and
 * when, each variable's last value, the routing decision with its inputs and outputs (the
 * designers' what-if replays it), each job's success; no earlier variable values and no job
 * creation rows; and every history row of the case kept five years from its registration, known
 * from the moment it is registered.
 */
class HistoryKeptPerCaseTest extends ChainTest {

  /**
   * The case model's time-to-live: five years and the 90 days a case may take (LongCaseRetention).
   */
  static final Duration FROM_REGISTRATION = Duration.ofDays(1916);

  static final Duration FIVE_YEARS = Duration.ofDays(1826);

  @Autowired ProcessEngine engine;
  @Autowired StaffGrants staffGrants;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aClosedCaseStillShowsWhoDidWhatWhenAndHowItWasRouted() {
    InProcessWork work = new InProcessWork(engine, intake, caseMessages, staffGrants, stageReports);
    String caseCode = CasePaths.named("agreement").oneCase().apply(work);
    HistoricProcessInstance root = rootOf(caseCode);
    assertThat(root.getEndTime()).as("the case is closed").isNotNull();

    List<HistoricTaskInstance> tasks =
        historyService
            .createHistoricTaskInstanceQuery()
            .processInstanceBusinessKey(caseCode)
            .finished()
            .orderByHistoricActivityInstanceStartTime()
            .asc()
            .list();
    assertThat(tasks)
        .extracting(HistoricTaskInstance::getTaskDefinitionKey, HistoricTaskInstance::getAssignee)
        .contains(
            tuple("Task_RecordConsent", "cost-mediator-village-511725104001"),
            tuple("Task_Mediate", "cost-mediator-village-511725104001"),
            tuple("Task_FollowUpVisit", "cost-mediator-village-511725104001"));
    assertThat(tasks).allSatisfy(task -> assertThat(task.getEndTime()).isNotNull());
    List<UserOperationLogEntry> completions =
        historyService
            .createUserOperationLogQuery()
            .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
            .entityType("Task")
            .taskId(
                tasks.stream()
                    .filter(task -> task.getTaskDefinitionKey().equals("Task_Mediate"))
                    .findFirst()
                    .orElseThrow()
                    .getId())
            .list();
    assertThat(completions)
        .as("the operation log: who completed the mediation task")
        .extracting(UserOperationLogEntry::getUserId)
        .containsOnly("cost-mediator-village-511725104001");

    assertThat(
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceIdIn(instancesOf(caseCode))
                .variableName("mediationResult")
                .list())
        .as("a variable's last value")
        .isNotEmpty()
        .allSatisfy(variable -> assertThat(variable.getValue()).isEqualTo("AGREEMENT_WRITTEN"));
    assertThat(rowsOfCase("ACT_HI_DETAIL", root))
        .as("earlier values of variables (act_hi_detail)")
        .isZero();

    List<HistoricDecisionInstance> routing =
        historyService
            .createHistoricDecisionInstanceQuery()
            .decisionDefinitionKey("channel-routing")
            .includeInputs()
            .includeOutputs()
            .list()
            .stream()
            .filter(decision -> root.getId().equals(decision.getRootProcessInstanceId()))
            .toList();
    assertThat(routing).as("the routing decision, for the what-if").hasSize(1);
    assertThat(routing.get(0).getInputs()).isNotEmpty();
    assertThat(routing.get(0).getOutputs())
        .anySatisfy(output -> assertThat(output.getValue()).isEqualTo("PEOPLES_VILLAGE"));

    assertThat(
            jdbc.queryForList(
                "select distinct JOB_STATE_ from ACT_HI_JOB_LOG where ROOT_PROC_INST_ID_ = ?",
                Integer.class,
                root.getId()))
        .as("job log states: successes only (0 created and 3 deleted are not written)")
        .containsExactly(2);

    assertThat(
            jdbc.queryForObject(
                "select count(*) from ACT_HI_ACTINST where ROOT_PROC_INST_ID_ = ?"
                    + " and (REMOVAL_TIME_ is null or REMOVAL_TIME_ <> ?)",
                Long.class,
                root.getId(),
                java.sql.Timestamp.from(root.getStartTime().toInstant().plus(FROM_REGISTRATION))))
        .as(
            "activity instances whose removal time is not the case's registration + 5 years 90 days")
        .isZero();
  }

  @Test
  void anOpenCasesHistoryIsKeptFiveYearsFromItsRegistration() {
    String caseCode = register(villageNeighbourDispute());
    HistoricProcessInstance root = rootOf(caseCode);
    assertThat(root.getEndTime()).as("the case is open").isNull();

    assertThat(root.getRemovalTime())
        .isEqualTo(java.util.Date.from(root.getStartTime().toInstant().plus(FROM_REGISTRATION)));
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .rootProcessInstanceId(root.getId())
                .list())
        .as("the case and its stages")
        .hasSizeGreaterThan(1)
        .allSatisfy(
            instance -> assertThat(instance.getRemovalTime()).isEqualTo(root.getRemovalTime()));
    assertThat(
            jdbc.queryForList(
                "select REMOVAL_TIME_ from ACT_RU_AUTHORIZATION where RESOURCE_TYPE_ = ?"
                    + " and ROOT_PROC_INST_ID_ = ?",
                java.sql.Timestamp.class,
                Resources.HISTORIC_PROCESS_INSTANCE.resourceType(),
                root.getId()))
        .as("the grants to read the case's history: removed with it by the cleanup")
        .isNotEmpty()
        .allSatisfy(
            removal ->
                assertThat(removal.toInstant()).isEqualTo(root.getRemovalTime().toInstant()));
  }

  @Test
  void aCaseClosedWithinNinetyDaysKeepsItsHistoryFiveYearsAfterClosureWithoutAnUpdate() {
    long batches = managementService.createBatchQuery().count();
    InProcessWork work = new InProcessWork(engine, intake, caseMessages, staffGrants, stageReports);
    String caseCode = CasePaths.named("agreement").oneCase().apply(work);
    HistoricProcessInstance root = rootOf(caseCode);

    assertThat(root.getRemovalTime())
        .as("registration + 5 years 90 days, later than closure + 5 years")
        .isEqualTo(java.util.Date.from(root.getStartTime().toInstant().plus(FROM_REGISTRATION)))
        .isAfterOrEqualTo(java.util.Date.from(root.getEndTime().toInstant().plus(FIVE_YEARS)));
    assertThat(managementService.createBatchQuery().count())
        .as("no removal-time batch for a case closed in 19 days")
        .isEqualTo(batches);
  }

  /**
   * A case that runs longer than 90 days (here its agreement is performed over eight months) would
   * lose its history before five years after its closure: at the closure its removal time moves to
   * closure + five years, for every instance of it.
   */
  @Test
  void aLongCaseKeepsItsHistoryFiveYearsAfterItsClosure() {
    InProcessWork work = new InProcessWork(engine, intake, caseMessages, staffGrants, stageReports);
    work.moveClockTo(MONDAY_MORNING);
    String caseCode = work.register(villageNeighbourDispute());
    work.work(caseCode, "Task_RecordConsent", java.util.Map.of("partiesConsent", "YES"));
    work.work(
        caseCode,
        "Task_Mediate",
        java.util.Map.of(
            "mediationResult", "AGREEMENT_WRITTEN",
            "sessionNote", "双方达成书面协议，分期履行",
            "agreementDate", "2026-03-04",
            "performanceDueDate", "2026-10-30"));
    work.work(caseCode, "Task_DecideConfirmation", java.util.Map.of("applyForConfirmation", "NO"));
    java.time.OffsetDateTime visit = MONDAY_MORNING.plusDays(250);
    work.moveClockTo(visit);
    work.work(
        caseCode, "Task_FollowUpVisit", java.util.Map.of("performed", true, "visitNote", "已履行"));
    work.work(
        caseCode,
        "Task_RecordClosure",
        java.util.Map.of(
            "closureReason", "PERFORMED", "satisfaction", "5", "closureSummary", "办结"));
    work.runJobs();
    assertThat(work.isOpen(caseCode)).as("closed").isFalse();

    java.util.Date keptUntil = java.util.Date.from(visit.toInstant().plus(FIVE_YEARS));
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .rootProcessInstanceId(rootOf(caseCode).getId())
                .list())
        .as("the case and its stages")
        .hasSizeGreaterThan(1)
        .allSatisfy(instance -> assertThat(instance.getRemovalTime()).isEqualTo(keptUntil));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from ACT_HI_ACTINST where ROOT_PROC_INST_ID_ = ?"
                    + " and (REMOVAL_TIME_ is null or REMOVAL_TIME_ <> ?)",
                Long.class,
                rootOf(caseCode).getId(),
                java.sql.Timestamp.from(keptUntil.toInstant())))
        .as("activity instances not kept until closure + 5 years")
        .isZero();

    work.moveClockTo(visit.plusMinutes(5));
    work.runJobs();
    assertThat(managementService.createBatchQuery().count()).as("the batch completed").isZero();
  }

  private HistoricProcessInstance rootOf(String caseCode) {
    return historyService
        .createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseCode)
        .processDefinitionKey("dispute-case")
        .singleResult();
  }

  private String[] instancesOf(String caseCode) {
    return historyService
        .createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseCode)
        .list()
        .stream()
        .map(HistoricProcessInstance::getId)
        .toArray(String[]::new);
  }

  private long rowsOfCase(String table, HistoricProcessInstance root) {
    return jdbc.queryForObject(
        "select count(*) from " + table + " where ROOT_PROC_INST_ID_ = ?",
        Long.class,
        root.getId());
  }
}
