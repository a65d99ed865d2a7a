package cn.onedoor.identity;

import cn.onedoor.identity.RoleGrants.Grant;
import cn.onedoor.identity.StaffGroups.StaffGroup;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps every {@code role:level:unit} group's engine authorizations equal to its role's baseline
 * ({@link RoleGrants}): at start for every group, and before a person's login for their groups, so
 * a group created in Admin works at its members' first login without anyone granting anything. The
 * baseline is the model: a permission added by hand to one of these authorizations is taken back at
 * the next start; give a person more by putting them into another group.
 */
@Component
public class StaffGrants {

  private static final Logger LOG = LoggerFactory.getLogger(StaffGrants.class);

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final String countyCode;

  /** Groups already in step since this node started: a login then costs one group query. */
  private final Set<String> inStep = ConcurrentHashMap.newKeySet();

  StaffGrants(
      IdentityService identityService,
      AuthorizationService authorizationService,
      @Value("${onedoor.county.code}") String countyCode) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.countyCode = countyCode;
  }

  @EventListener(ApplicationReadyEvent.class)
  void bringEveryGroupInStep() {
    int groups = 0;
    for (Group group :
        SystemUser.call(identityService, () -> identityService.createGroupQuery().list())) {
      if (StaffGroups.parse(group.getId()).isPresent()) {
        ensure(group.getId());
        groups++;
      }
    }
    LOG.info("Role baseline in step for {} staff groups", groups);
  }

  /** Before a login: the person's groups carry their baseline (a no-op once a group is in step). */
  public void ensureForUser(String userId) {
    if (userId == null || userId.isBlank()) {
      return;
    }
    // Grants are the system's doing, whoever's request led here: no user's permissions are asked
    // for.
    List<Group> groups =
        SystemUser.call(
            identityService, () -> identityService.createGroupQuery().groupMember(userId).list());
    for (Group group : groups) {
      if (!inStep.contains(group.getId())) {
        try {
          ensure(group.getId());
        } catch (RuntimeException anotherNodeWasFaster) {
          // A second node (or request) wrote the same row first; the next login finds it in step.
          LOG.warn(
              "Could not bring group {} in step now: {}",
              group.getId(),
              anotherNodeWasFaster.getMessage());
        }
      }
    }
  }

  /** Sets the group's baseline authorizations exactly; writes nothing when they already are. */
  public synchronized void ensure(String groupId) {
    Optional<StaffGroup> group = StaffGroups.parse(groupId);
    if (group.isEmpty()) {
      return;
    }
    SystemUser.run(
        identityService,
        () -> {
          for (Grant grant : RoleGrants.baseline(group.get(), countyCode)) {
            inStep(groupId, grant);
          }
        });
    inStep.add(groupId);
  }

  private void inStep(String groupId, Grant grant) {
    Authorization existing =
        authorizationService
            .createAuthorizationQuery()
            .authorizationType(Authorization.AUTH_TYPE_GRANT)
            .groupIdIn(groupId)
            .resourceType(grant.resource())
            .resourceId(grant.resourceId())
            .singleResult();
    if (existing != null && exactly(existing, grant)) {
      return;
    }
    Authorization authorization =
        existing != null
            ? existing
            : authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(grant.resource());
    authorization.setResourceId(grant.resourceId());
    authorization.setPermissions(grant.permissions().toArray(new Permission[0]));
    authorizationService.saveAuthorization(authorization);
  }

  /**
   * Every wanted permission granted, and none of the generic ones that apply to the resource
   * besides.
   */
  private static boolean exactly(Authorization authorization, Grant grant) {
    for (Permission wanted : grant.permissions()) {
      if (!authorization.isPermissionGranted(wanted)) {
        return false;
      }
    }
    Set<Permission> others = new LinkedHashSet<>();
    for (Permissions permission : Permissions.values()) {
      if (permission != Permissions.NONE
          && permission != Permissions.ALL
          && Arrays.asList(permission.getTypes()).contains(grant.resource())
          && grant.permissions().stream().noneMatch(p -> p.getValue() == permission.getValue())) {
        others.add(permission);
      }
    }
    return others.stream().noneMatch(authorization::isPermissionGranted);
  }
}
