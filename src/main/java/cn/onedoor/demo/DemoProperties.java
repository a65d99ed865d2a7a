package cn.onedoor.demo;

import cn.onedoor.identity.StaffGroups;
import cn.onedoor.identity.StaffRole;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo people of application.yaml ({@code onedoor.demo}): one per role of docs/domain.md §2.
 */
@ConfigurationProperties("onedoor.demo")
record DemoProperties(boolean enabled, String password, List<DemoUser> users) {

  DemoProperties {
    users = users == null ? List.of() : List.copyOf(users);
  }

  record DemoUser(
      String id, String name, StaffRole role, String level, String unit, String unitName) {

    /**
     * The group this person works in: role, level and unit joined, e.g. {@code
     * mediator:town:511725104}.
     */
    String groupId() {
      return StaffGroups.groupId(role, level, unit);
    }
  }
}
