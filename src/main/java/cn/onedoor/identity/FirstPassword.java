package cn.onedoor.identity;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Whether a person still has the first password an administrator's import gave them (and an SMS
 * told them). Kept where the engine keeps a person's other facts, as a user info entry ({@code
 * ACT_ID_INFO}, key {@value #KEY}): written when the account is made, deleted when the person
 * changes their own password. Until then {@code security.FirstPasswordFilter} lets them do nothing
 * but log in, read their profile and change the password.
 *
 * <p>Asked on every request of a logged-in person, so a person once seen without the entry is
 * remembered on this node: only an account made by an import gets the entry, and an account is made
 * once.
 */
@Component
public class FirstPassword {

  static final String KEY = "onedoor.passwordChange";

  private final IdentityService identityService;
  private final Set<String> changed = ConcurrentHashMap.newKeySet();

  FirstPassword(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The account was just made with a first password: the person must change it. */
  public void require(String userId) {
    SystemUser.run(identityService, () -> identityService.setUserInfo(userId, KEY, "required"));
    changed.remove(userId);
  }

  public boolean required(String userId) {
    if (userId == null || changed.contains(userId)) {
      return false;
    }
    boolean required =
        SystemUser.call(identityService, () -> identityService.getUserInfo(userId, KEY)) != null;
    if (!required) {
      changed.add(userId);
    }
    return required;
  }

  /** The person set a password of their own. */
  public void changed(String userId) {
    SystemUser.run(identityService, () -> identityService.deleteUserInfo(userId, KEY));
    changed.add(userId);
  }
}
