package cn.onedoor.casefile;

import java.util.Arrays;

/**
 * Why a case was closed, as {@code case-closure.form} offers it (the option labels are these
 * names), and as staff and parties read it afterwards.
 */
public enum ClosureReason {
  RESOLVED("调解成功"),
  PERFORMED("履行完毕"),
  CONFIRMED("司法确认"),
  JUDGED("判决结案"),
  REFERRED("转其他途径"),
  WITHDRAWN("当事人撤回"),
  TERMINATED("调解终止"),
  /** 移送公安机关: a crime, violence or an excluded public-order case, or a failed 治安调解. */
  TRANSFERRED("移送公安机关");

  private final String chineseName;

  ClosureReason(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }

  /** The name of a stored code; an unknown code (from an older form) is shown as it was stored. */
  public static String chineseNameOf(String code) {
    return Arrays.stream(values())
        .filter(reason -> reason.name().equals(code))
        .map(ClosureReason::chineseName)
        .findFirst()
        .orElse(code);
  }
}
