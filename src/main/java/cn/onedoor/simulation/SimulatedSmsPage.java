package cn.onedoor.simulation;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * 模拟短信: the messages the simulated SMS gateway would have sent, newest first, for any logged-in
 * member of staff.
 */
@RestController
@ConditionalOnProperty(name = "onedoor.simulation.enabled", havingValue = "true")
class SimulatedSmsPage {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

  private final JdbcTemplate jdbc;

  SimulatedSmsPage(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @GetMapping(
      path = {"/simulation/sms", "/simulation/sms/"},
      produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
  String page(@RequestParam(required = false) String caseCode) {
    List<Map<String, Object>> rows =
        caseCode == null || caseCode.isBlank()
            ? jdbc.queryForList("select * from simulated_sms order by id desc limit 200")
            : jdbc.queryForList(
                "select * from simulated_sms where case_code = ? order by id desc limit 200",
                caseCode);
    StringBuilder html =
        new StringBuilder(
            """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="UTF-8"><title>模拟短信 — 一扇门</title>
        <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;\
        padding:4px 8px;text-align:left;vertical-align:top}</style></head><body>
        <h1>模拟短信</h1>
        <p>默认（演示）环境中短信网关是模拟的：以下是本应发给当事人的短信，最新的在前（最多 200 条）。</p>
        <form method="get"><label>案件编码 <input name="caseCode" value="%s"></label> <button>查询</button></form>
        <table><thead><tr><th>时间</th><th>案件编码</th><th>通知类型</th><th>收件号码</th><th>短信内容</th></tr></thead><tbody>
        """
                .formatted(caseCode == null ? "" : HtmlUtils.htmlEscape(caseCode)));
    for (Map<String, Object> row : rows) {
      Object at = row.get("received_at");
      String time =
          at instanceof java.sql.Timestamp ts
              ? TIME.format(ts.toInstant())
              : at instanceof java.time.OffsetDateTime odt ? TIME.format(odt) : String.valueOf(at);
      String recipients = String.valueOf(row.get("recipients"));
      html.append("<tr><td>")
          .append(time)
          .append("</td><td>")
          .append(HtmlUtils.htmlEscape(String.valueOf(row.get("case_code"))))
          .append("</td><td>")
          .append(HtmlUtils.htmlEscape(String.valueOf(row.get("notice"))))
          .append("</td><td>")
          .append(recipients.isBlank() ? "（案件无当事人号码）" : HtmlUtils.htmlEscape(recipients))
          .append("</td><td>")
          .append(HtmlUtils.htmlEscape(String.valueOf(row.get("text"))))
          .append("</td></tr>\n");
    }
    if (rows.isEmpty()) {
      html.append("<tr><td colspan=\"5\">暂无短信</td></tr>\n");
    }
    return html.append("</tbody></table></body></html>\n").toString();
  }
}
