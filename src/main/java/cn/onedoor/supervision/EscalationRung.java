package cn.onedoor.supervision;

import java.util.Arrays;
import java.util.Optional;

/**
 * The rungs of the escalation ladder, in the order a case climbs them, with their Chinese titles:
 * the codes of escalation-policy.dmn's {@code rung} output and of {@code case_escalation.rung}. The
 * one place their order and titles are spelled (the ladder's task names, the page's labels and
 * "highest rung reached" all read them here).
 */
public enum EscalationRung {
  REMINDER("到期提醒"),
  CHASE_UP("催办"),
  ESCALATE("升级督办"),
  SUPERVISION_ORDER("督办令"),
  ORDER_OVERDUE("督办令逾期"),
  LEADER_LISTED("挂牌督办");

  private final String title;

  EscalationRung(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }

  /**
   * The rung with this code; empty for a code of another shape (e.g. a rung a designer added to the
   * table).
   */
  public static Optional<EscalationRung> byCode(String code) {
    return Arrays.stream(values()).filter(rung -> rung.name().equals(code)).findFirst();
  }

  /** The title of a rung's code, or {@code fallback} for an unknown code. */
  static String titleOf(String code, String fallback) {
    return byCode(code).map(EscalationRung::title).orElse(fallback);
  }

  /** Higher for a rung further up the ladder; 0 for the reminder and for an unknown code. */
  static int rank(String code) {
    return byCode(code).map(Enum::ordinal).orElse(0);
  }
}
