package cn.onedoor.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** What a party reads: one Chinese text per notice, with the case code to ask about it (一案一码). */
@Component
class SmsTexts {

  private final String countyName;

  SmsTexts(@Value("${onedoor.county.name}") String countyName) {
    this.countyName = countyName;
  }

  String text(String notice, String caseCode) {
    String sign = "【" + countyName + "社会治理中心】";
    return sign + switch (notice) {
      case "CASE_REGISTERED" -> "您反映的矛盾纠纷已登记受理，案件编码 " + caseCode + "，请凭此编码查询办理进度。";
      case "HANDED_OVER" -> "您的案件（编码 " + caseCode + "）已移交其他单位继续办理，承办单位将与您联系。";
      case "DEADLINE" -> "您的案件（编码 " + caseCode + "）有一项办理期限临近，请留意承办人员的通知。";
      case "CASE_CLOSED" -> "您的案件（编码 " + caseCode + "）已办结，感谢您的配合，欢迎对办理情况进行评价。";
      default -> "您的案件（编码 " + caseCode + "）有新的办理进展。";
    };
  }
}
