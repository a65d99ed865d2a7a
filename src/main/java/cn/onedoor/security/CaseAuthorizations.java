package cn.onedoor.security;

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
 *       role).
 * </ul>
 *
 * County-level groups need none of this: their role reads every case ({@code identity.RoleGrants}).
 * Working a task is the engine's own grant to the task's candidate group. Which groups read a
 * unit's cases is {@link StaffArea#readersOf}, the model our API checks with too.
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
    }
  }

  @EventListener
  public void onTaskEvent(DelegateTask task) {
    if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName()) || task.getExecution() == null) {
      return;
    }
    String caseCode = task.getExecution().getProcessBusinessKey();
    if (caseCode == null || !registered(caseCode)) {
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
    for (AreaUnit unit : units(caseCode)) {
      for (String group : StaffArea.readersOf(unit)) {
        grantInstance(group, processInstanceId, true);
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
        grantInstance(group, instance.id(), instance.running());
      }
    }
  }

  private record Instance(String id, boolean running) {}

  private void grantInstance(String group, String processInstanceId, boolean running) {
    if (running) {
      grant(group, Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
    }
    if (historicInstancePermissions) {
      grantHistoryBeforeCommit(group, processInstanceId);
    }
  }

  /**
   * A historic grant is saved once the engine has written the instance's history (just before the
   * transaction commits): the engine then links it to the case's root instance, so history cleanup
   * removes it with the case. Saved at once, inside the step that starts the instance, it would
   * find no history yet and stay forever.
   */
  private void grantHistoryBeforeCommit(String group, String processInstanceId) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      grant(
          group,
          Resources.HISTORIC_PROCESS_INSTANCE,
          processInstanceId,
          HistoricProcessInstancePermissions.READ);
      return;
    }
    @SuppressWarnings("unchecked")
    Set<List<String>> pending =
        (Set<List<String>>) TransactionSynchronizationManager.getResource(this);
    if (pending == null) {
      Set<List<String>> grants = new LinkedHashSet<>();
      TransactionSynchronizationManager.bindResource(this, grants);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
              for (List<String> grant : grants) {
                grant(
                    grant.get(0),
                    Resources.HISTORIC_PROCESS_INSTANCE,
                    grant.get(1),
                    HistoricProcessInstancePermissions.READ);
              }
            }

            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(CaseAuthorizations.this);
            }
          });
      pending = grants;
    }
    pending.add(List.of(group, processInstanceId));
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

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }
}
