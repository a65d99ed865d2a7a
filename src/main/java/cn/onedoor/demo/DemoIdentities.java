package cn.onedoor.demo;

import cn.onedoor.demo.DemoProperties.DemoUser;
import cn.onedoor.identity.StaffGrants;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo people, their groups and their baseline authorizations, created at start when missing
 * (default profile only). Running it twice changes nothing, so a restart keeps whatever an
 * administrator changed in Admin.
 */
@Component
@ConditionalOnProperty(name = "onedoor.demo.enabled", havingValue = "true")
class DemoIdentities {

  private static final Logger LOG = LoggerFactory.getLogger(DemoIdentities.class);

  private final IdentityService identityService;
  private final StaffGrants staffGrants;
  private final DemoProperties demo;

  DemoIdentities(IdentityService identityService, StaffGrants staffGrants, DemoProperties demo) {
    this.identityService = identityService;
    this.staffGrants = staffGrants;
    this.demo = demo;
  }

  @EventListener(ApplicationReadyEvent.class)
  void createMissing() {
    int created = 0;
    for (DemoUser person : demo.users()) {
      created += ensureGroup(person) + ensureUser(person);
      if (identityService
              .createUserQuery()
              .userId(person.id())
              .memberOfGroup(person.groupId())
              .count()
          == 0) {
        identityService.createMembership(person.id(), person.groupId());
      }
      // The same baseline any group created in Admin gets: the demo people are data like everyone
      // else.
      staffGrants.ensure(person.groupId());
    }
    LOG.info("Demo identities ready: {} people, {} created now", demo.users().size(), created);
  }

  private int ensureGroup(DemoUser person) {
    if (identityService.createGroupQuery().groupId(person.groupId()).count() > 0) {
      return 0;
    }
    Group group = identityService.newGroup(person.groupId());
    group.setName(person.unitName() + " " + person.role().title());
    group.setType("WORKFLOW");
    identityService.saveGroup(group);
    return 1;
  }

  private int ensureUser(DemoUser person) {
    if (identityService.createUserQuery().userId(person.id()).count() > 0) {
      return 0;
    }
    User user = identityService.newUser(person.id());
    // Chinese names: family name first, one character; the rest is the given name.
    user.setLastName(person.name().substring(0, 1));
    user.setFirstName(person.name().substring(1));
    user.setEmail(person.id() + "@onedoor.example");
    user.setPassword(demo.password());
    identityService.saveUser(user);
    return 1;
  }
}
