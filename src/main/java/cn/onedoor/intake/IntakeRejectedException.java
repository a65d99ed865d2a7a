package cn.onedoor.intake;

import java.util.List;

/** A registration that breaks a rule: answered 400 with every bad field named; nothing is stored. */
public class IntakeRejectedException extends RuntimeException {

  private final transient List<Violation> violations;

  public IntakeRejectedException(List<Violation> violations) {
    super("登记信息有误：" + String.join("、", violations.stream().map(Violation::name).toList()));
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
