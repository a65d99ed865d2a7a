package cn.onedoor.security;

import cn.onedoor.security.AdminPasswordGuard.WeakAdminPasswordException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a weak admin password into one line an operator can act on, not a stack trace. */
class WeakAdminPasswordFailureAnalyzer extends AbstractFailureAnalyzer<WeakAdminPasswordException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, WeakAdminPasswordException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Set the environment variable ONEDOOR_ADMIN_PASSWORD to a strong password and start again.",
        cause);
  }
}
