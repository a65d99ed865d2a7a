package cn.onedoor.identity;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;

/**
 * Work the application does as itself, whoever's request led there (a registration starting its
 * case, a grant, the night's recalculation): the engine's authentication is cleared, so no person's
 * permissions are asked for and the operation log keeps people's acts only, and the caller's
 * authentication is restored afterwards.
 */
public final class SystemUser {

  private SystemUser() {}

  /** Runs {@code work} as the system and returns its result. */
  public static <T> T call(IdentityService identityService, Supplier<T> work) {
    var caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }

  /** Runs {@code work} as the system. */
  public static void run(IdentityService identityService, Runnable work) {
    call(
        identityService,
        () -> {
          work.run();
          return null;
        });
  }
}
