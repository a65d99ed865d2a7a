package cn.onedoor.identity;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters every member of staff starts with. They are shared filters with expressions
 * evaluated for the person looking ({@code ${currentUser()}}), readable by everyone: a new user has
 * them on first login without anyone creating them. Created in every profile, only when a filter of
 * that name is missing, so edits in Tasklist stay.
 */
@Component
public class TasklistFilters {

  private static final String TODAY_START = "${dateTime().withTimeAtStartOfDay().toDate()}";
  private static final String TOMORROW_START =
      "${dateTime().withTimeAtStartOfDay().plusDays(1).toDate()}";

  private record FilterSpec(
      String name,
      String description,
      int priority,
      String color,
      UnaryOperator<TaskQuery> query) {}

  private static final List<FilterSpec> FILTERS =
      List.of(
          new FilterSpec(
              "我的待办", "分配给我的任务", -10, "#1f6feb", q -> q.taskAssigneeExpression("${currentUser()}")),
          new FilterSpec(
              "本组待认领",
              "我所在组尚未认领的任务",
              -9,
              "#2da44e",
              q -> q.taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned()),
          new FilterSpec(
              "两日内到期",
              "今后两天内到期的任务",
              -8,
              "#d4a72c",
              q ->
                  q.dueAfterExpression("${now()}")
                      .dueBeforeExpression("${dateTime().plusDays(2).toDate()}")),
          new FilterSpec("已超期", "已过办理期限的任务", -7, "#cf222e", q -> q.dueBeforeExpression("${now()}")),
          new FilterSpec(
              "今日跟进",
              "跟进日期为今天的任务",
              -6,
              "#8250df",
              q ->
                  q.followUpAfterExpression(TODAY_START).followUpBeforeExpression(TOMORROW_START)));

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;

  TasklistFilters(
      FilterService filterService,
      TaskService taskService,
      AuthorizationService authorizationService) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void createMissing() {
    for (FilterSpec spec : FILTERS) {
      if (filterService.createFilterQuery().filterName(spec.name()).count() > 0) {
        continue;
      }
      Filter filter =
          filterService
              .newTaskFilter(spec.name())
              .setProperties(
                  Map.of(
                      "description",
                      spec.description(),
                      "priority",
                      spec.priority(),
                      "color",
                      spec.color(),
                      "refresh",
                      true))
              .setQuery(spec.query().apply(taskService.createTaskQuery()));
      filterService.saveFilter(filter);
      Authorization everyone =
          authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
      everyone.setResource(Resources.FILTER);
      everyone.setResourceId(filter.getId());
      everyone.addPermission(Permissions.READ);
      authorizationService.saveAuthorization(everyone);
    }
  }
}
