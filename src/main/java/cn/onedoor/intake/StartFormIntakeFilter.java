package cn.onedoor.intake;

import cn.onedoor.casefile.ProcessModels;
import cn.onedoor.security.CaseAccess;
import cn.onedoor.web.InvalidParam;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Tasklist start form of a case is a door too: its submission is taken off the engine's REST
 * path and registered through {@link Intake}, with the same validation and registry as the API. So
 * the parties' ID numbers and mobiles on the form never become process variables (which full
 * history would keep), and a bad form gets a 400 naming each field in Chinese, which Tasklist
 * shows. Covers the webapps' and the public REST paths, by id and by key.
 */
class StartFormIntakeFilter extends OncePerRequestFilter {

  private static final Pattern START_OF_A_CASE =
      Pattern.compile(
          ".*/process-definition/(?:key/"
              + ProcessModels.DISPUTE_CASE
              + "|"
              + ProcessModels.DISPUTE_CASE
              + ":[^/]+)(?:/tenant-id/[^/]+)?"
              + "/(?:submit-form|start)$");
  private static final String WEBAPP_CSRF_TOKEN = "CAMUNDA_CSRF_TOKEN";
  private static final String WEBAPP_CSRF_HEADER = "X-XSRF-TOKEN";

  /**
   * How the form names what the registry calls {@code parties[i].field}, for the message Tasklist
   * shows.
   */
  private static final Map<String, String> LABELS =
      Map.ofEntries(
          Map.entry("level", "受理层级"),
          Map.entry("townCode", "所在乡镇"),
          Map.entry("villageCode", "村（社区）代码"),
          Map.entry("disputeType", "纠纷类型"),
          Map.entry("occurredOn", "发生日期"),
          Map.entry("summary", "纠纷概要"),
          Map.entry("amount", "争议金额"),
          Map.entry("partyCount", "涉及人数"),
          Map.entry("consentToMediation", "是否同意调解"),
          Map.entry("flags.acceptedElsewhere", "是否已被其他机关受理"),
          Map.entry("receivedBy", "受理人"),
          Map.entry("parties[0]", "申请人"),
          Map.entry("parties[1]", "被申请人"),
          Map.entry("parties", "当事人"),
          Map.entry("name", "姓名/名称"),
          Map.entry("idNumber", "身份证号码"),
          Map.entry("creditCode", "统一社会信用代码"),
          Map.entry("mobile", "手机号码"),
          Map.entry("kind", "类别"),
          Map.entry("role", "身份"));

  private final Intake intake;
  private final CaseAccess access;
  private final ObjectMapper json;

  StartFormIntakeFilter(Intake intake, CaseAccess access, ObjectMapper json) {
    this.intake = intake;
    this.access = access;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !START_OF_A_CASE.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String officer = officer(request);
    if (officer == null) {
      problem(response, HttpServletResponse.SC_UNAUTHORIZED, "请先登录", List.of());
      return;
    }
    if (request.getRequestURI().contains("/api/engine/") && !csrfTokenMatches(request)) {
      problem(response, HttpServletResponse.SC_FORBIDDEN, "页面已过期，请刷新后重新提交", List.of());
      return;
    }
    // The same rule as POST /api/cases: window staff and mediators register; the form is the
    // window's door.
    if (!access.mayRegister(officer, "WINDOW")) {
      problem(response, HttpServletResponse.SC_FORBIDDEN, "用户 " + officer + " 无权登记案件", List.of());
      return;
    }
    JsonNode variables;
    try {
      variables = json.readTree(request.getInputStream()).path("variables");
    } catch (IOException notJson) {
      problem(
          response,
          HttpServletResponse.SC_BAD_REQUEST,
          "表单内容不是合法的 JSON",
          List.of(new InvalidParam("body", "不是合法的 JSON")));
      return;
    }
    try {
      Intake.Registration registration =
          intake.register(fromForm(variables, officer), null, officer);
      ObjectNode answer = json.createObjectNode();
      answer.put("id", registration.caseCode());
      answer.put("businessKey", registration.caseCode());
      answer.put("ended", false);
      answer.put("suspended", false);
      answer.putArray("links");
      answer
          .putArray("possibleDuplicates")
          .addAll(
              registration.possibleDuplicates().stream()
                  .map(json.getNodeFactory()::textNode)
                  .toList());
      response.setStatus(HttpServletResponse.SC_OK);
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      json.writeValue(response.getOutputStream(), answer);
    } catch (IntakeRejectedException rejected) {
      problem(
          response,
          HttpServletResponse.SC_BAD_REQUEST,
          "登记信息有误："
              + String.join(
                  "；",
                  rejected.violations().stream()
                      .map(v -> label(v.name()) + "：" + v.reason())
                      .toList()),
          rejected.violations());
    }
  }

  /**
   * The form's flat fields as the one registration every door makes; the officer is who received
   * the case.
   */
  static IntakeRequest fromForm(JsonNode variables, String officer) {
    List<IntakeRequest.Party> parties = new ArrayList<>();
    parties.add(party("APPLICANT", "applicant", variables));
    parties.add(party("RESPONDENT", "respondent", variables));
    return new IntakeRequest(
        "WINDOW",
        null,
        text(variables, "level"),
        text(variables, "townCode"),
        text(variables, "villageCode"),
        officer,
        text(variables, "disputeType"),
        text(variables, "summary"),
        decimal(variables, "amount"),
        date(text(variables, "occurredOn")),
        integer(variables, "partyCount"),
        bool(variables, "consentToMediation"),
        new IntakeRequest.Flags(
            flag(variables, "injury"),
            flag(variables, "violence"),
            flag(variables, "crimeSuspected"),
            flag(variables, "governmentBodyParty"),
            text(variables, "acceptedElsewhere"),
            flag(variables, "hiredViolence"),
            flag(variables, "gangFight"),
            flag(variables, "provocation"),
            flag(variables, "repeatOffence")),
        parties);
  }

  private static IntakeRequest.Party party(String role, String prefix, JsonNode variables) {
    String kind = text(variables, prefix + "Kind");
    return new IntakeRequest.Party(
        role,
        kind,
        text(variables, prefix + "Name"),
        "PERSON".equals(kind) ? text(variables, prefix + "IdNumber") : null,
        "ORGANISATION".equals(kind) ? text(variables, prefix + "CreditCode") : null,
        text(variables, prefix + "Mobile"));
  }

  /** A checkbox left alone sends nothing: an unticked risk box means "no" on the form. */
  private static Boolean flag(JsonNode variables, String name) {
    Boolean value = bool(variables, name);
    return value == null ? Boolean.FALSE : value;
  }

  private static String text(JsonNode variables, String name) {
    JsonNode value = variables.path(name).path("value");
    return value.isMissingNode() || value.isNull() ? null : value.asText().trim();
  }

  private static BigDecimal decimal(JsonNode variables, String name) {
    JsonNode value = variables.path(name).path("value");
    if (value.isNumber()) {
      return value.decimalValue();
    }
    try {
      return value.isTextual() && !value.asText().isBlank()
          ? new BigDecimal(value.asText().trim())
          : null;
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  private static Integer integer(JsonNode variables, String name) {
    BigDecimal value = decimal(variables, name);
    return value == null ? null : value.intValue();
  }

  private static Boolean bool(JsonNode variables, String name) {
    JsonNode value = variables.path(name).path("value");
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    return value.isTextual() ? Boolean.valueOf(value.asText()) : null;
  }

  /**
   * form-js sends a date field as "2026-11-19"; a date-time field would add a time we do not need.
   */
  private static String date(String value) {
    return value == null || value.length() < 10 ? value : value.substring(0, 10);
  }

  private static String label(String field) {
    String person =
        field.startsWith("parties[") && field.indexOf(']') > 0
            ? field.substring(0, field.indexOf(']') + 1)
            : null;
    if (person != null && field.length() > person.length() + 1) {
      String rest = field.substring(person.length() + 1);
      return LABELS.getOrDefault(person, person) + LABELS.getOrDefault(rest, rest);
    }
    return LABELS.getOrDefault(field, field);
  }

  private String officer(HttpServletRequest request) {
    if (request.getUserPrincipal() != null) {
      return request.getUserPrincipal().getName();
    }
    HttpSession session = request.getSession(false);
    Authentications authentications =
        session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    Authentication authentication =
        authentications == null
            ? null
            : authentications.getAuthenticationForProcessEngine("default");
    return authentication == null ? null : authentication.getIdentityId();
  }

  /**
   * The webapps' CSRF filter may run after this one; a cross-site form must not register a case
   * either way.
   */
  private static boolean csrfTokenMatches(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object expected = session == null ? null : session.getAttribute(WEBAPP_CSRF_TOKEN);
    return expected != null && expected.equals(request.getHeader(WEBAPP_CSRF_HEADER));
  }

  /**
   * Problem fields for machines, {@code message} for Tasklist, which shows the engine's error
   * messages.
   */
  private void problem(
      HttpServletResponse response, int status, String message, List<InvalidParam> violations)
      throws IOException {
    ObjectNode problem = json.createObjectNode();
    problem.put("type", "about:blank");
    problem.put("title", "登记未完成");
    problem.put("status", status);
    problem.put("detail", message);
    problem.put("message", message);
    if (!violations.isEmpty()) {
      problem.set("invalidParams", json.valueToTree(violations));
    }
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), problem);
  }
}
