package cn.onedoor.supervision;

import cn.onedoor.identity.SharedFilter;
import cn.onedoor.identity.StaffGroups;
import cn.onedoor.identity.StaffRole;
import cn.onedoor.organisation.Units;
import cn.onedoor.organisation.UnitsChanged;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tasklist filters for supervision, created at start when missing (edits in Tasklist stay):
 *
 * <ul>
 *   <li>督办：交给我的 — chase-ups, escalations, orders to issue or press, and orders to answer, in my
 *       groups;
 *   <li>督办令待答复 — every supervision order still waiting for its unit's answer;
 *   <li>全县已超期 / &lt;乡镇&gt;已超期 — overdue tasks of the area, one filter per area, readable only by
 *       that area's supervisors (a stored filter cannot ask "which town is mine", so the town is in
 *       the filter and the filter's read permission decides who sees it). A new town in the unit
 *       table gets its filter at the next start.
 * </ul>
 *
 * Supervisors read other units' tasks through READ_TASK on process definitions
 * (StaffRole.SUPERVISOR).
 */
@Component
class SupervisorFilters {

  static final List<String> ESCALATION_PROCESSES =
      List.of("escalation-rung", SupervisionOrders.PROCESS_KEY);

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;
  private final Units units;
  private final String county;

  SupervisorFilters(
      FilterService filterService,
      TaskService taskService,
      AuthorizationService authorizationService,
      Units units,
      @Value("${onedoor.county.code}") String county) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
    this.units = units;
    this.county = county;
  }

  List<String> names() {
    return specs().stream().map(SharedFilter::name).toList();
  }

  private List<SharedFilter> specs() {
    List<SharedFilter> specs = new ArrayList<>();
    specs.add(
        new SharedFilter(
            "督办：交给我的",
            "交给我所在组的催办、升级、督办令（下发、答复、逾期再督办）",
            -5,
            "#cf222e",
            q ->
                q.taskCandidateGroupInExpression("${currentUserGroups()}")
                    .includeAssignedTasks()
                    .processDefinitionKeyIn(ESCALATION_PROCESSES.toArray(String[]::new)),
            null));
    specs.add(
        new SharedFilter(
            "督办令待答复",
            "已下发、承办单位尚未答复的督办令（含已逾期的）",
            -4,
            "#bc4c00",
            q ->
                q.processDefinitionKey(SupervisionOrders.PROCESS_KEY)
                    .taskDefinitionKey("Task_AnswerSupervisionOrder")
                    .orderByDueDate()
                    .asc(),
            null));
    specs.add(
        new SharedFilter(
            "全县已超期",
            "全县已过办理期限的任务（督办员）",
            -3,
            "#a40e26",
            q -> q.dueBeforeExpression("${now()}").orderByDueDate().asc(),
            List.of(
                StaffGroups.groupId(StaffRole.SUPERVISOR, "county", county),
                StaffGroups.groupId(StaffRole.SUPERVISOR, "leader", county))));
    for (Units.Unit town : units.find(Units.Kind.TOWN, county)) {
      specs.add(
          new SharedFilter(
              town.name() + "已超期",
              town.name() + "及其村（社区）已过办理期限的任务（乡镇督办员）",
              -3,
              "#a40e26",
              q ->
                  q.dueBeforeExpression("${now()}")
                      .processVariableValueEquals("townCode", town.code())
                      .orderByDueDate()
                      .asc(),
              List.of(StaffGroups.groupId(StaffRole.SUPERVISOR, "town", town.code()))));
    }
    return specs;
  }

  /** A load of the county's units added towns: their supervisors' filters at once. */
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void unitsChanged(UnitsChanged changed) {
    createMissing();
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(10)
  void createMissing() {
    specs()
        .forEach(
            filter -> filter.createIfMissing(filterService, taskService, authorizationService));
  }
}
