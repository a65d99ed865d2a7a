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

/**
 * A Tasklist filter shared by name, as the county's staff see it: a tooltip, its place in the list,
 * a colour, refreshing itself, and read permission for its readers ({@code null}: everyone).
 *
 * <p>Created only when no filter of that name exists, so edits made in Tasklist stay.
 */
public record SharedFilter(
    String name,
    String description,
    int priority,
    String color,
    UnaryOperator<TaskQuery> query,
    List<String> readers) {

  /** A filter every member of staff may read. */
  public static SharedFilter forEveryone(
      String name, String description, int priority, String color, UnaryOperator<TaskQuery> query) {
    return new SharedFilter(name, description, priority, color, query, null);
  }

  /** Creates the filter and its read grants unless a filter of this name exists. */
  public void createIfMissing(
      FilterService filterService,
      TaskService taskService,
      AuthorizationService authorizationService) {
    if (filterService.createFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Filter filter =
        filterService
            .newTaskFilter(name)
            .setProperties(
                Map.of(
                    "description",
                    description,
                    "priority",
                    priority,
                    "color",
                    color,
                    "refresh",
                    true))
            .setQuery(query.apply(taskService.createTaskQuery()));
    filterService.saveFilter(filter);
    if (readers == null) {
      grantRead(authorizationService, filter, Authorization.AUTH_TYPE_GLOBAL, null);
    } else {
      readers.forEach(
          group -> grantRead(authorizationService, filter, Authorization.AUTH_TYPE_GRANT, group));
    }
  }

  private static void grantRead(
      AuthorizationService authorizationService, Filter filter, int type, String groupId) {
    Authorization authorization = authorizationService.createNewAuthorization(type);
    authorization.setResource(Resources.FILTER);
    authorization.setResourceId(filter.getId());
    if (groupId != null) {
      authorization.setGroupId(groupId);
    }
    authorization.addPermission(Permissions.READ);
    authorizationService.saveAuthorization(authorization);
  }
}
