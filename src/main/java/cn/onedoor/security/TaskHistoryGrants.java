package cn.onedoor.security;

import cn.onedoor.identity.StaffArea;
import cn.onedoor.identity.StaffGroups;
import cn.onedoor.identity.StaffGroups.StaffGroup;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The engine's default grants on a task, without the historic one nobody needs (issue #15: cost is
 * a feature). With {@code enableHistoricInstancePermissions} the engine gives a task's candidate
 * group, and later its assignee, READ on the task's history ({@code HISTORIC_TASK}) beside the
 * right to work it: a row written, updated for its removal time and deleted at closure for each
 * task and each person who claims one. A group that reads cases already reads that history: a unit
 * group through its grant on the task's instance ({@link CaseAuthorizations}: a task for a unit's
 * group makes the unit hold the case), a county group through READ_HISTORY on every model ({@code
 * identity.RoleGrants}); the engine's historic task, activity and operation-log queries accept
 * either ({@code AuthorizationManager}, 7.24). So the historic grant is left out for such a group,
 * and for an assignee who is a member of one of the task's such candidate groups. Any other group
 * or person (the simulated court's operators, someone an administrator assigns by hand) keeps the
 * engine's default. The right to work the task ({@code TASK}, TASK_WORK) is unchanged.
 *
 * <p>This replaces the engine's {@code ResourceAuthorizationProvider}, its documented extension
 * point for default grants (impl.cfg.auth): one file to look at when the engine moves.
 */
@Component
class TaskHistoryGrants extends AbstractProcessEnginePlugin {

  private final String countyCode;

  TaskHistoryGrants(@Value("${onedoor.county.code}") String countyCode) {
    this.countyCode = countyCode;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new WithoutCoveredTaskHistory(countyCode));
  }

  /** Whether this group reads every case it is given a task on, history included. */
  static boolean readsItsTasksCases(String groupId, String countyCode) {
    return StaffGroups.parse(groupId)
        .filter(StaffGroup::readsCases)
        .filter(group -> StaffArea.unitOf(group) != null || group.countyWide(countyCode))
        .isPresent();
  }

  static final class WithoutCoveredTaskHistory extends DefaultAuthorizationProvider {

    private final String countyCode;

    WithoutCoveredTaskHistory(String countyCode) {
      this.countyCode = countyCode;
    }

    @Override
    protected AuthorizationEntity[] createOrUpdateAuthorizations(
        Task task, String groupId, String userId) {
      boolean covered =
          groupId != null
              ? readsItsTasksCases(groupId, countyCode)
              : userId != null && memberOfAReadingCandidateGroup(task, userId);
      if (!covered) {
        return super.createOrUpdateAuthorizations(task, groupId, userId);
      }
      return new AuthorizationEntity[] {
        createOrUpdateAuthorization(
            task,
            userId,
            groupId,
            Resources.TASK,
            false,
            getRuntimePermissions(isEnforceSpecificVariablePermission()))
      };
    }

    private boolean memberOfAReadingCandidateGroup(Task task, String userId) {
      if (!(task instanceof TaskEntity entity)) {
        return false;
      }
      List<String> readingGroups =
          entity.getIdentityLinks().stream()
              .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
              .map(link -> link.getGroupId())
              .filter(Objects::nonNull)
              .filter(group -> readsItsTasksCases(group, countyCode))
              .toList();
      if (readingGroups.isEmpty()) {
        return false;
      }
      CommandContext commandContext = Context.getCommandContext();
      return commandContext.runWithoutAuthorization(
          () ->
              commandContext
                      .getReadOnlyIdentityProvider()
                      .createGroupQuery()
                      .groupMember(userId)
                      .groupIdIn(readingGroups.toArray(new String[0]))
                      .count()
                  > 0);
    }
  }
}
