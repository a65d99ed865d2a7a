package cn.onedoor.intake;

import cn.onedoor.web.InvalidParam;
import java.util.List;

/**
 * A registration that breaks a rule: answered 400 with every bad field named; nothing is stored.
 */
public class IntakeRejectedException extends RuntimeException {

  private final transient List<InvalidParam> violations;

  public IntakeRejectedException(List<InvalidParam> violations) {
    super("登记信息有误：" + String.join("、", violations.stream().map(InvalidParam::name).toList()));
    this.violations = List.copyOf(violations);
  }

  public List<InvalidParam> violations() {
    return violations;
  }
}
