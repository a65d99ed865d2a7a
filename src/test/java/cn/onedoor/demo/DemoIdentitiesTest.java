package cn.onedoor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.identity.StaffRole;
import cn.onedoor.identity.TasklistFilters;
import cn.onedoor.support.Http;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DemoIdentitiesTest {

  @LocalServerPort int port;

  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired FilterService filterService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired DemoIdentities demoIdentities;
  @Autowired TasklistFilters tasklistFilters;
  @Autowired DemoProperties demo;

  @Test
  void everyRoleOfTheCountyHasADemoPersonWithAUnitGroup() {
    assertThat(demo.users())
        .extracting(DemoProperties.DemoUser::role)
        .containsAll(java.util.EnumSet.allOf(StaffRole.class));
    assertThat(demo.users())
        .extracting(DemoProperties.DemoUser::level)
        .contains("village", "town", "county", "committee", "department");
    for (DemoProperties.DemoUser person : demo.users()) {
      assertThat(identityService.checkPassword(person.id(), "demo")).as(person.id()).isTrue();
      assertThat(identityService.createGroupQuery().groupMember(person.id()).singleResult().getId())
          .isEqualTo(person.role().id() + ":" + person.level() + ":" + person.unit());
    }
    assertThat(
            identityService.createGroupQuery().groupMember("townsupervisor").singleResult().getId())
        .isEqualTo("supervisor:town:511725104");
    assertThat(identityService.checkPassword("admin", "demo")).isTrue();
  }

  @Test
  void webappAccessFollowsTheRole() {
    assertThat(canUse("townmediator", "tasklist")).isTrue();
    assertThat(canUse("townmediator", "cockpit")).isFalse();
    assertThat(canUse("countysupervisor", "cockpit")).isTrue();
    assertThat(canUse("designer", "cockpit")).isTrue();
    assertThat(canUse("designer", "tasklist")).isFalse();
    assertThat(canUse("townmediator", "admin")).isFalse();
  }

  @Test
  void creatingTwiceChangesNothing() {
    long users = identityService.createUserQuery().count();
    long groups = identityService.createGroupQuery().count();
    long authorizations = authorizationService.createAuthorizationQuery().count();
    long filters = filterService.createFilterQuery().count();

    demoIdentities.createMissing();
    tasklistFilters.createMissing();

    assertThat(identityService.createUserQuery().count()).isEqualTo(users);
    assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
    assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);
  }

  @Test
  void everyPersonSeesTheFiveFiltersAndTheyCountTheirOwnTasks() {
    repositoryService
        .createDeployment()
        .addModelInstance(
            "filter-probe.bpmn",
            Bpmn.createExecutableProcess("filterProbe")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Task_GroupWork")
                .camundaCandidateGroups("mediator:town:511725104")
                .camundaDueDate("${due}")
                .endEvent()
                .done())
        .deploy();
    Date tomorrow = Date.from(Instant.now().plus(1, ChronoUnit.DAYS));
    runtimeService.startProcessInstanceByKey("filterProbe", Map.of("due", tomorrow));
    Date yesterday = Date.from(Instant.now().minus(1, ChronoUnit.DAYS));
    runtimeService.startProcessInstanceByKey("filterProbe", Map.of("due", yesterday));
    Task assigned = taskService.createTaskQuery().dueBefore(new Date()).singleResult();
    taskService.setAssignee(assigned.getId(), "townmediator");

    Http mediator = new Http(port).as("townmediator", "demo");
    assertThat(count(mediator, "我的待办")).isEqualTo(1);
    assertThat(count(mediator, "本组待认领")).isEqualTo(1);
    assertThat(count(mediator, "两日内到期")).isEqualTo(1);
    assertThat(count(mediator, "已超期")).isEqualTo(1);
    assertThat(count(mediator, "今日跟进")).isZero();

    Http otherTown = new Http(port).as("villagemediator", "demo");
    assertThat(count(otherTown, "本组待认领")).isZero();
    assertThat(count(otherTown, "我的待办")).isZero();
  }

  private long count(Http http, String filterName) {
    String id = filterService.createFilterQuery().filterName(filterName).singleResult().getId();
    HttpResponse<String> response = http.get("/engine-rest/filter/" + id + "/count");
    assertThat(response.statusCode()).as(filterName + ": " + response.body()).isEqualTo(200);
    return Long.parseLong(response.body().replaceAll("\\D", ""));
  }

  private boolean canUse(String userId, String app) {
    var groups =
        identityService.createGroupQuery().groupMember(userId).list().stream()
            .map(org.camunda.bpm.engine.identity.Group::getId)
            .toList();
    return authorizationService.isUserAuthorized(
        userId, groups, Permissions.ACCESS, Resources.APPLICATION, app);
  }
}
