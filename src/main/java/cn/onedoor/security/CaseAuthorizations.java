package cn.onedoor.security;

import cn.onedoor.casefile.ProcessModels;
import cn.onedoor.identity.StaffArea;
import cn.onedoor.identity.StaffArea.AreaUnit;
import cn.onedoor.identity.StaffGroups;
import cn.onedoor.identity.StaffGroups.StaffGroup;
import cn.onedoor.identity.StaffRole;
import cn.onedoor.identity.SystemUser;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the engine's per-case authorizations in step with where a case is, from the engine's own
 * events (Spring eventing, inside the engine's transaction, so a grant and the step that caused it
 * commit together):
 *
 * <ul>
 *   <li>a process instance of a registered case starts (the case itself, or any stage it calls):
 *       the groups of every unit holding the case may read it, at runtime and in history;
 *   <li>a task of the case is created for a unit's group (routing to a committee or department,
 *       joint handling, a hand-over up the ladder): that unit now holds the case, and its groups
 *       may read every instance of it, earlier ones included; the unit stays in {@code case_unit}
 *       after the case moves on (who handled a case may still read it);
 *   <li>a task is created: the supervisors of the units holding the case may read it (town
 *       supervisors watch their villages' work; county supervisors read every task through their
 *       role);
 *   <li>the case closes (its root {@code dispute-case} instance ends): every historic grant on its
 *       instances and tasks is withdrawn, and an instance started after closure (none is, since
 *       stage reports left for the outbox) gets none. A closed case leaves no authorization row.
 * </ul>
 *
 * <p><b>Why per instance while open, and nothing once closed (issue #15).</b> Camunda 7 has no
 * attribute-based grant: the engine checks a process instance by its own id, not its root's ({@code
 * PROCESS_INSTANCE} on the instance id in the runtime query; {@code HISTORIC_PROCESS_INSTANCE} on
 * {@code SELF.ID_} in the historic instance query and on {@code PROC_INST_ID_} for activities,
 * tasks, variables and the operation log; {@code AuthorizationManager} of 7.24), so the only
 * engine-side alternatives to one grant per group and instance are READ_INSTANCE / READ_HISTORY on
 * the model (every case of the county, which only county groups hold) or no engine read at all.
 * Tasklist, Cockpit and the REST API read running cases through these grants, so an open case keeps
 * them (every row of {@code AuthorizationMatrixTest}: all of a case's instances or none). The
 * runtime ones the engine deletes with their instance (and task grants with their task). The
 * historic ones would stay until history cleanup, years later: 65 per closed agreement case, plus
 * the engine's own {@code HISTORIC_TASK} grant to each task's candidate group and assignee. No
 * webapp reads them for a closed case (Tasklist lists open tasks; Cockpit's history views are not
 * in the community edition), and the people who would use them read a closed case through our API,
 * which checks {@code case_unit} itself ({@link CaseAccess}, unchanged: a unit keeps reading every
 * case it held). County groups keep the engine's history of every case through their role ({@code
 * identity.RoleGrants}); the audit trail and the decision what-if read history as the system. So
 * closure withdraws them, in one statement by the roots listed in {@code case_instance}, after the
 * engine has written its last rows of the transaction.
 *
 * <p>County-level groups need none of this: their role reads every case ({@code
 * identity.RoleGrants}). Working a task is the engine's own grant to the task's candidate group.
 * Which groups read a unit's cases is {@link StaffArea#readersOf}, the model our API checks with
 * too.
 */
@Component
class CaseAuthorizations {

  private final JdbcTemplate jdbc;
  private final AuthorizationService authorizationService;
  private final IdentityService identityService;
  private final Clock clock;
  private final boolean historicInstancePermissions;

  CaseAuthorizations(
      JdbcTemplate jdbc,
      AuthorizationService authorizationService,
      IdentityService identityService,
      Clock clock,
      @Value("${camunda.bpm.generic-properties.properties.enableHistoricInstancePermissions:false}")
          boolean historicInstancePermissions) {
    this.jdbc = jdbc;
    this.authorizationService = authorizationService;
    this.identityService = identityService;
    this.clock = clock;
    this.historicInstancePermissions = historicInstancePermissions;
  }

  /**
   * Process-level events only: a process instance's start is the one event without an activity
   * instance yet, its end the one whose activity instance is the process instance itself.
   */
  @EventListener
  public void onExecutionEvent(DelegateExecution execution) {
    if (!execution.getId().equals(execution.getProcessInstanceId())) {
      return;
    }
    if (ExecutionListener.EVENTNAME_START.equals(execution.getEventName())
        && execution.getActivityInstanceId() == null) {
      instanceStarted(execution.getProcessInstanceId(), execution.getProcessBusinessKey());
    } else if (ExecutionListener.EVENTNAME_END.equals(execution.getEventName())
        && execution.getProcessInstanceId().equals(execution.getActivityInstanceId())) {
      jdbc.update(
          "update case_instance set ended_at = ? where process_instance_id = ?",
          now(),
          execution.getProcessInstanceId());
      String caseCode = execution.getProcessBusinessKey();
      if (execution.getSuperExecution() == null
          && execution.getProcessDefinitionId().startsWith(ProcessModels.DISPUTE_CASE + ":")
          && caseCode != null
          && registered(caseCode)) {
        caseClosed(caseCode);
      }
    }
  }

  @EventListener
  public void onTaskEvent(DelegateTask task) {
    if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName()) || task.getExecution() == null) {
      return;
    }
    String caseCode = task.getExecution().getProcessBusinessKey();
    if (caseCode == null || !registered(caseCode) || closed(caseCode)) {
      return;
    }
    Set<String> candidates = new LinkedHashSet<>();
    task.getCandidates().stream()
        .filter(
            link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .forEach(link -> candidates.add(link.getGroupId()));
    for (String candidate : candidates) {
      StaffGroups.parse(candidate)
          .filter(StaffGroup::readsCases)
          .map(StaffArea::unitOf)
          .ifPresent(unit -> unitReached(caseCode, unit));
    }
    Set<String> supervisors = new LinkedHashSet<>();
    for (AreaUnit unit : units(caseCode)) {
      StaffArea.readersOf(unit).stream()
          .filter(
              group ->
                  StaffGroups.parse(group).map(StaffGroup::role).orElse(null)
                      == StaffRole.SUPERVISOR)
          .filter(group -> !candidates.contains(group))
          .forEach(supervisors::add);
    }
    for (String supervisor : supervisors) {
      grant(supervisor, Resources.TASK, task.getId(), Permissions.READ);
    }
  }

  private void instanceStarted(String processInstanceId, String caseCode) {
    if (caseCode == null || !registered(caseCode)) {
      return;
    }
    Timestamp now = now();
    // The village and town where the dispute arose hold the case from its first instance on.
    jdbc.update(
        """
        insert into case_unit (case_code, unit_level, unit_code, reached_at, reason)
        select d.case_code, 'town', d.town_code, ?, 'REGISTERED' from dispute_case d
        where d.case_code = ? and not exists (select 1 from case_unit u
          where u.case_code = d.case_code and u.unit_level = 'town' and u.unit_code = d.town_code)""",
        now,
        caseCode);
    jdbc.update(
        """
        insert into case_unit (case_code, unit_level, unit_code, reached_at, reason)
        select d.case_code, 'village', d.village_code, ?, 'REGISTERED' from dispute_case d
        where d.case_code = ? and d.village_code is not null and not exists (select 1 from case_unit u
          where u.case_code = d.case_code and u.unit_level = 'village' and u.unit_code = d.village_code)""",
        now,
        caseCode);
    jdbc.update(
        "insert into case_instance (process_instance_id, case_code, started_at) values (?, ?, ?)",
        processInstanceId,
        caseCode,
        now);
    if (closed(caseCode)) {
      // An instance started after closure: closed cases are read through our API (class comment).
      return;
    }
    for (AreaUnit unit : units(caseCode)) {
      for (String group : StaffArea.readersOf(unit)) {
        grantInstance(group, processInstanceId, true, caseCode);
      }
    }
  }

  /**
   * A unit is given work on the case: from now on its groups read the case, every instance of it.
   */
  private void unitReached(String caseCode, AreaUnit unit) {
    int reached =
        jdbc.update(
            """
        insert into case_unit (case_code, unit_level, unit_code, reached_at, reason)
        select d.case_code, ?, ?, ?, 'TASK' from dispute_case d
        where d.case_code = ? and not exists (select 1 from case_unit u
          where u.case_code = d.case_code and u.unit_level = ? and u.unit_code = ?)""",
            unit.level(),
            unit.code(),
            now(),
            caseCode,
            unit.level(),
            unit.code());
    if (reached == 0) {
      return;
    }
    List<Instance> instances =
        jdbc.query(
            "select process_instance_id, ended_at from case_instance where case_code = ? order by started_at",
            (rs, row) -> new Instance(rs.getString(1), rs.getTimestamp(2) == null),
            caseCode);
    for (String group : StaffArea.readersOf(unit)) {
      for (Instance instance : instances) {
        grantInstance(group, instance.id(), instance.running(), caseCode);
      }
    }
  }

  private record Instance(String id, boolean running) {}

  private void grantInstance(
      String group, String processInstanceId, boolean running, String caseCode) {
    if (running) {
      grant(group, Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
    }
    if (historicInstancePermissions) {
      BeforeCommit pending = beforeCommit();
      if (pending == null) {
        grant(
            group,
            Resources.HISTORIC_PROCESS_INSTANCE,
            processInstanceId,
            HistoricProcessInstancePermissions.READ);
      } else {
        pending.historicGrants.add(List.of(group, processInstanceId, caseCode));
      }
    }
  }

  /**
   * The case's root instance ended: the case is closed, and the historic grants of every instance
   * of it go (the runtime ones went with their instances, the task ones with their tasks).
   */
  private void caseClosed(String caseCode) {
    BeforeCommit pending = beforeCommit();
    if (pending == null) {
      withdrawHistoricGrants(caseCode);
    } else {
      pending.closedCases.add(caseCode);
    }
  }

  /**
   * Every historic grant on the case's instances and tasks, ours and the engine's own ({@code
   * HISTORIC_TASK} for a task's candidate group and assignee): each carries the root instance it
   * belongs to, and {@code case_instance} lists every root of the case (the case itself and each
   * stage report). One statement; through the engine's API it would be a query and a delete per
   * row.
   */
  private void withdrawHistoricGrants(String caseCode) {
    jdbc.update(
        """
        delete from act_ru_authorization where resource_type_ in (?, ?)
          and root_proc_inst_id_ in (select process_instance_id from case_instance where case_code = ?)""",
        Resources.HISTORIC_PROCESS_INSTANCE.resourceType(),
        Resources.HISTORIC_TASK.resourceType(),
        caseCode);
  }

  /** What this transaction grants and withdraws just before it commits. */
  private static final class BeforeCommit {
    /** Group, instance, case. */
    final Set<List<String>> historicGrants = new LinkedHashSet<>();

    final Set<String> closedCases = new LinkedHashSet<>();
  }

  /**
   * A historic grant is saved once the engine has written the instance's history (just before the
   * transaction commits): the engine then links it to the case's root instance. Saved at once,
   * inside the step that starts the instance, it would find no history yet and carry no root. A
   * case closed in the same transaction gets none, and its grants are withdrawn after the engine
   * has written its last ones (its tasks' {@code HISTORIC_TASK}). Null outside a transaction.
   */
  private BeforeCommit beforeCommit() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    BeforeCommit pending = (BeforeCommit) TransactionSynchronizationManager.getResource(this);
    if (pending != null) {
      return pending;
    }
    BeforeCommit work = new BeforeCommit();
    TransactionSynchronizationManager.bindResource(this, work);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void beforeCommit(boolean readOnly) {
            for (List<String> grant : work.historicGrants) {
              if (!work.closedCases.contains(grant.get(2))) {
                grant(
                    grant.get(0),
                    Resources.HISTORIC_PROCESS_INSTANCE,
                    grant.get(1),
                    HistoricProcessInstancePermissions.READ);
              }
            }
            work.closedCases.forEach(CaseAuthorizations.this::withdrawHistoricGrants);
          }

          @Override
          public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(CaseAuthorizations.this);
          }
        });
    return work;
  }

  /**
   * One GRANT per group and resource (the engine's unique key). Our tables decide each grant once;
   * the query catches one an administrator made by hand. Made as the system: the person whose step
   * moved the case needs no right to grant, and the operation log keeps people's acts, not these.
   */
  private void grant(String group, Resource resource, String resourceId, Permission permission) {
    SystemUser.run(
        identityService,
        () -> {
          if (authorizationService
                  .createAuthorizationQuery()
                  .authorizationType(Authorization.AUTH_TYPE_GRANT)
                  .groupIdIn(group)
                  .resourceType(resource)
                  .resourceId(resourceId)
                  .count()
              > 0) {
            return;
          }
          Authorization authorization =
              authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
          authorization.setGroupId(group);
          authorization.setResource(resource);
          authorization.setResourceId(resourceId);
          authorization.addPermission(permission);
          authorizationService.saveAuthorization(authorization);
        });
  }

  private List<AreaUnit> units(String caseCode) {
    return jdbc.query(
        "select unit_level, unit_code from case_unit where case_code = ? order by reached_at",
        (rs, row) -> new AreaUnit(rs.getString(1), rs.getString(2)),
        caseCode);
  }

  private boolean registered(String caseCode) {
    Integer count =
        jdbc.queryForObject(
            "select count(*) from dispute_case where case_code = ?", Integer.class, caseCode);
    return count != null && count > 0;
  }

  /** Closed: read through our API from now on, no new grant (class comment). */
  private boolean closed(String caseCode) {
    Integer count =
        jdbc.queryForObject(
            "select count(*) from case_progress where case_code = ? and closed_at is not null",
            Integer.class,
            caseCode);
    return count != null && count > 0;
  }

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }
}
