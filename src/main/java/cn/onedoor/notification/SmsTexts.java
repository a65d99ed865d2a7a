package cn.onedoor.notification;

import cn.onedoor.casefile.CaseStage;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** What a party reads: one Chinese text per notice, with the case code to ask about it (一案一码). */
@Component
public class SmsTexts {

  private final String countyName;

  SmsTexts(@Value("${onedoor.county.name}") String countyName) {
    this.countyName = countyName;
  }

  /**
   * What a new staff member reads: their user name and first password, which they must change at
   * their first login.
   */
  public String staffAccount(String name, String userId, String firstPassword) {
    return "【"
        + countyName
        + "社会治理中心】"
        + name
        + "，您的一扇门账号 "
        + userId
        + " 已开通，初始密码 "
        + firstPassword
        + "。首次登录后须先修改密码，修改前不能办理业务。";
  }

  /**
   * @param nextDeadline the party's new next deadline, for DEADLINE_MOVED (a holiday notice moved
   *     it) and PETITION_EXTENDED (an approved extension); else null
   * @param noticeYears the years whose holiday notice moved it, e.g. "2027年"
   * @param reasons the written reasons of a refusal or termination of legal aid (法律援助法 art 43)
   * @param aidTerminated the refusal ends aid given first (终止), not an application (不予)
   */
  String text(
      String notice,
      String caseCode,
      String stage,
      LocalDate nextDeadline,
      String noticeYears,
      String reasons,
      boolean aidTerminated) {
    String sign = "【" + countyName + "社会治理中心】";
    return sign
        + switch (notice) {
          case "CASE_REGISTERED" -> "您反映的矛盾纠纷已登记受理，案件编码 " + caseCode + "，请凭此编码查询办理进度。";
          case "CASE_CLOSED" -> "您的案件（编码 " + caseCode + "）已办结，感谢您的配合，欢迎对办理情况进行评价。";
          case "DEADLINE_MOVED" ->
              "因"
                  + noticeYears
                  + "节假日安排公布，您的案件（编码 "
                  + caseCode
                  + "）的办理期限调整为"
                  + nextDeadline.getYear()
                  + "年"
                  + nextDeadline.getMonthValue()
                  + "月"
                  + nextDeadline.getDayOfMonth()
                  + "日。";
          case "LEGAL_AID_REFUSED" ->
              "您的案件（编码 "
                  + caseCode
                  + "）法律援助机构决定"
                  + (aidTerminated ? "终止法律援助" : "不予法律援助")
                  + "，理由："
                  + reasons
                  + "。如有异议，可以向县司法局提出，司法局自收到异议之日起5日内审查（法律援助法第49条）。";
          // 受理告知 (信访工作条例): entering the petition stage is the written acceptance notice
          case "STAGE_CHANGED" ->
              "PETITION".equals(stage)
                  ? "您的信访事项（编码 " + caseCode + "）已受理，将自受理之日起60日内办结并书面答复；情况复杂经批准延期的，另行告知。"
                  : "您的案件（编码 " + caseCode + "）已进入“" + stageName(stage) + "”阶段，承办人员将与您联系。";
          case "PETITION_EXTENDED" ->
              "您的信访事项（编码 "
                  + caseCode
                  + "）情况复杂，经批准办理期限延长至"
                  + nextDeadline.getYear()
                  + "年"
                  + nextDeadline.getMonthValue()
                  + "月"
                  + nextDeadline.getDayOfMonth()
                  + "日。";
          case "PETITION_OPINION" -> "您的信访事项（编码 " + caseCode + "）已出具书面处理意见。不服的，可自收到之日起30日内请求复查。";
          case "PETITION_REVIEW_ANSWER" ->
              "您的信访事项（编码 " + caseCode + "）已出具复查意见。不服的，可自收到之日起30日内请求复核。";
          case "PETITION_REEXAMINATION_ANSWER" -> "您的信访事项（编码 " + caseCode + "）已出具复核意见，复核意见为终结意见。";
          default -> "您的案件（编码 " + caseCode + "）有新的办理进展。";
        };
  }

  private static String stageName(String stage) {
    try {
      return CaseStage.valueOf(stage).chineseName();
    } catch (IllegalArgumentException | NullPointerException unknown) {
      return "新的办理";
    }
  }
}
