package cn.onedoor.identity;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
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

  private static final List<SharedFilter> FILTERS =
      List.of(
          SharedFilter.forEveryone(
              "我的待办", "分配给我的任务", -10, "#1f6feb", q -> q.taskAssigneeExpression("${currentUser()}")),
          SharedFilter.forEveryone(
              "本组待认领",
              "我所在组尚未认领的任务",
              -9,
              "#2da44e",
              q -> q.taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned()),
          SharedFilter.forEveryone(
              "两日内到期",
              "今后两天内到期的任务",
              -8,
              "#d4a72c",
              q ->
                  q.dueAfterExpression("${now()}")
                      .dueBeforeExpression("${dateTime().plusDays(2).toDate()}")),
          SharedFilter.forEveryone(
              "已超期", "已过办理期限的任务", -7, "#cf222e", q -> q.dueBeforeExpression("${now()}")),
          SharedFilter.forEveryone(
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
    FILTERS.forEach(
        filter -> filter.createIfMissing(filterService, taskService, authorizationService));
  }
}
