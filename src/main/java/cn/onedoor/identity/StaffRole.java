package cn.onedoor.identity;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.DELETE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * The roles of DOMAIN §2 and the baseline of what each may do in the engine. Task-level access comes from candidate
 * groups (the engine grants a candidate group its task); per-unit scoping of cases is the authorization issue's.
 */
public enum StaffRole {
  INTAKE("intake", "受理员", Grant.TASKLIST, Grant.START_CASES),
  MEDIATOR("mediator", "调解员", Grant.TASKLIST, Grant.START_CASES),
  LIAISON("liaison", "部门联络员", Grant.TASKLIST),
  SUPERVISOR("supervisor", "督办员", Grant.TASKLIST, Grant.COCKPIT, Grant.READ_CASES),
  COURT("court", "法院联络员", Grant.TASKLIST),
  LEGALAID("legalaid", "法律援助员", Grant.TASKLIST),
  DESIGNER("designer", "流程设计员", Grant.COCKPIT, Grant.DEPLOY_MODELS);

  private final String id;
  private final String title;
  private final List<Grant> grants;

  @SafeVarargs
  StaffRole(String id, String title, List<Grant>... grantSets) {
    this.id = id;
    this.title = title;
    this.grants = Stream.of(grantSets).flatMap(List::stream).toList();
  }

  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  List<Grant> grants() {
    return grants;
  }

  /** Permissions on every resource of a type ("*"), or on one resource id. */
  record Grant(Resource resource, String resourceId, List<Permission> permissions) {

    static final List<Grant> TASKLIST = List.of(new Grant(APPLICATION, "tasklist", List.of(ACCESS)));

    static final List<Grant> COCKPIT = List.of(new Grant(APPLICATION, "cockpit", List.of(ACCESS)));

    /** Start a case from the Tasklist start form and see process names beside the tasks. */
    static final List<Grant> START_CASES = List.of(
        new Grant(PROCESS_DEFINITION, "*", List.of(READ, CREATE_INSTANCE)),
        new Grant(PROCESS_INSTANCE, "*", List.of(CREATE)));

    /** Supervisors read every case and its tasks: their Tasklist filters list the overdue work of their area. */
    static final List<Grant> READ_CASES = List.of(
        new Grant(PROCESS_DEFINITION, "*", List.of(READ, READ_INSTANCE, READ_HISTORY, READ_TASK)),
        new Grant(DECISION_DEFINITION, "*", List.of(READ)));

    /** Designers deploy and read models; without READ_INSTANCE they see no case data. */
    static final List<Grant> DEPLOY_MODELS = List.of(
        new Grant(DEPLOYMENT, "*", List.of(CREATE, READ, DELETE)),
        new Grant(PROCESS_DEFINITION, "*", List.of(READ)),
        new Grant(DECISION_DEFINITION, "*", List.of(READ)));
  }
}
