package cn.onedoor.identity;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.DELETE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.OPERATION_LOG_CATEGORY;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import cn.onedoor.casefile.ProcessModels;
import cn.onedoor.identity.StaffGroups.StaffGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;

/**
 * The engine authorizations a group starts with, derived from its role and level (the "baseline";
 * per-case read access is added by {@code security.CaseAuthorizations} as cases reach a unit). Task
 * access is not here: the engine gives a task's candidate group the right to work that task
 * (TASK_WORK: claim and complete, not reassign).
 *
 * <table>
 *   <tr><th>role (level)</th><th>webapps</th><th>engine</th></tr>
 *   <tr><td>intake, mediator</td><td>Tasklist</td><td>start a case (dispute-case only), read models</td></tr>
 *   <tr><td>liaison, court, legal aid</td><td>Tasklist</td><td>read models</td></tr>
 *   <tr><td>supervisor (town)</td><td>Tasklist, Cockpit</td><td>read models</td></tr>
 *   <tr><td>any of these at county level</td><td>as above</td><td>+ read every case and its history</td></tr>
 *   <tr><td>supervisor (county, leader)</td><td>Tasklist, Cockpit</td><td>+ read every task, the operation log</td></tr>
 *   <tr><td>designer</td><td>Cockpit</td><td>deploy, read models; no instance, history or task</td></tr>
 *   <tr><td>system</td><td>none</td><td>none (registers through our API only)</td></tr>
 * </table>
 */
public final class RoleGrants {

  /** Permissions on every resource of a type ("*"), or on one resource id. */
  public record Grant(Resource resource, String resourceId, Set<Permission> permissions) {}

  private RoleGrants() {}

  public static List<Grant> baseline(StaffGroup group, String countyCode) {
    Builder grants = new Builder();
    StaffRole role = group.role();
    switch (role) {
      case DESIGNER -> {
        grants.add(APPLICATION, "cockpit", ACCESS);
        grants.add(DEPLOYMENT, "*", CREATE, READ, DELETE);
        readModels(grants);
      }
      case SYSTEM -> {
        // Only our own API, which checks the door itself; nothing in the engine.
      }
      default -> {
        grants.add(APPLICATION, "tasklist", ACCESS);
        readModels(grants);
        if (role.registersCases()) {
          // The process every door starts; the only one staff may start (its start registers
          // through the intake).
          grants.add(PROCESS_DEFINITION, ProcessModels.DISPUTE_CASE, CREATE_INSTANCE);
          grants.add(PROCESS_INSTANCE, "*", CREATE);
        }
        if (role == StaffRole.SUPERVISOR) {
          grants.add(APPLICATION, "cockpit", ACCESS);
        }
        if (group.readsCases() && group.countyWide(countyCode)) {
          grants.add(PROCESS_DEFINITION, "*", READ_INSTANCE, READ_HISTORY);
          grants.add(DECISION_DEFINITION, "*", READ_HISTORY);
          if (role == StaffRole.SUPERVISOR) {
            grants.add(PROCESS_DEFINITION, "*", READ_TASK);
            grants.add(OPERATION_LOG_CATEGORY, "*", UserOperationLogCategoryPermissions.READ);
          }
        }
      }
    }
    return grants.build();
  }

  /** Process names and diagrams beside the tasks, decision tables: the models, not the cases. */
  private static void readModels(Builder grants) {
    grants.add(PROCESS_DEFINITION, "*", READ);
    grants.add(DECISION_DEFINITION, "*", READ);
    grants.add(DECISION_REQUIREMENTS_DEFINITION, "*", READ);
  }

  /**
   * One authorization per resource and id, permissions merged: the engine keeps one row per group
   * and resource.
   */
  private static final class Builder {
    private final Map<String, Grant> grants = new LinkedHashMap<>();

    void add(Resource resource, String resourceId, Permission... permissions) {
      String key = resource.resourceType() + "/" + resourceId;
      Set<Permission> merged = new LinkedHashSet<>(List.of(permissions));
      Grant earlier = grants.get(key);
      if (earlier != null) {
        merged.addAll(earlier.permissions());
      }
      grants.put(key, new Grant(resource, resourceId, merged));
    }

    List<Grant> build() {
      return new ArrayList<>(grants.values());
    }
  }
}
