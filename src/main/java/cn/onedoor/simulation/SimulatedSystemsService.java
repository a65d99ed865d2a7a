package cn.onedoor.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each simulated system does with a request it takes for the first time: the court, the
 * legal-aid centre, the 县司法局, the labour arbitration commission (and the police, for a transfer)
 * open a Tasklist task for the simulator (a small process whose business key is the case code), the
 * SMS gateway lists the message, the provincial platform and the grid system only keep it.
 * Remembering the key and acting share one transaction, so a repeated key never opens a second
 * task.
 */
@Service
@ConditionalOnProperty(name = "onedoor.simulation.enabled", havingValue = "true")
class SimulatedSystemsService {

  /**
   * The answer a simulated system gives: a receipt, or a refusal as a real system would send it.
   */
  record Outcome(int status, String receiptId, String problem) {}

  private final SimulatedRequests requests;
  private final RuntimeService runtimeService;
  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Clock clock;

  SimulatedSystemsService(
      SimulatedRequests requests,
      RuntimeService runtimeService,
      JdbcTemplate jdbc,
      ObjectMapper json,
      Clock clock) {
    this.requests = requests;
    this.runtimeService = runtimeService;
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  @Transactional
  public Outcome receive(String system, String operation, String idempotencyKey, String body) {
    var earlier = requests.receiptOf(system, idempotencyKey);
    if (earlier.isPresent()) {
      return new Outcome(200, earlier.get(), null);
    }
    JsonNode request;
    try {
      request = json.readTree(body);
    } catch (IOException notJson) {
      return new Outcome(400, null, "请求体不是有效的 JSON");
    }
    String caseCode = request == null ? null : request.path("caseCode").asText(null);
    // A staff member's account notice is the one message without a case (outbound.yaml).
    boolean staffAccount =
        "sms".equals(system)
            && "messages".equals(operation)
            && "STAFF_ACCOUNT".equals(request.path("notice").asText())
            && caseCode == null;
    if (staffAccount) {
      caseCode = "";
    } else if (caseCode == null || !caseCode.matches("[0-9]{6}-[0-9]{4}-[0-9]{6}")) {
      return new Outcome(400, null, "caseCode 缺失或格式不对");
    }
    Runnable act = action(system, operation, caseCode, request);
    if (act == null) {
      return new Outcome(404, null, "模拟的" + system + "系统没有接口 " + operation);
    }
    var receipt = requests.remember(system, idempotencyKey, "/" + operation, caseCode, body);
    if (receipt.isEmpty()) {
      return new Outcome(
          200, requests.receiptOf(system, idempotencyKey).orElse("sim-duplicate"), null);
    }
    act.run();
    return new Outcome(200, receipt.get(), null);
  }

  private Runnable action(String system, String operation, String caseCode, JsonNode request) {
    return switch (system + "/" + operation) {
      case "court/confirmation-applications" ->
          () -> start("simulated-court-confirmation", caseCode, Map.of());
      case "court/filing-requests" -> () -> {};
      case "court/entrusted-mediation-results" ->
          () -> {
            if ("NOT_SETTLED".equals(request.path("result").asText())) {
              start(
                  "simulated-court-litigation",
                  caseCode,
                  Map.of("alreadyFiled", request.path("alreadyFiled").asBoolean(false)));
            }
          };
      case "court/enforcement-applications" ->
          () -> start("simulated-court-enforcement", caseCode, Map.of());
      case "legal-aid/applications" ->
          () ->
              start(
                  "simulated-legal-aid",
                  caseCode,
                  Map.of("urgent", request.path("urgent").asBoolean(false)));
      case "justice-bureau/legal-aid-objections" ->
          () ->
              start(
                  "simulated-justice-bureau-objection",
                  caseCode,
                  Map.of("decisionKind", request.path("decisionKind").asText("REFUSAL")));
      case "arbitration/arbitration-applications" ->
          () -> start("simulated-labour-arbitration", caseCode, Map.of());
      case "police/transfers" -> () -> start("simulated-police-transfer", caseCode, Map.of());
      // The punishment decision is the police's own: the simulated police only keep the referral.
      case "provincial-platform/case-reports",
          "grid/report-status",
          "police/punishment-referrals" ->
          () -> {};
      case "sms/messages" ->
          () ->
              jdbc.update(
                  "insert into simulated_sms (case_code, notice, recipients, text, "
                      + "received_at) values (?, ?, ?, ?, ?)",
                  caseCode,
                  request.path("notice").asText(""),
                  String.join(",", recipients(request)),
                  request.path("text").asText(""),
                  Timestamp.from(clock.instant()));
      default -> null;
    };
  }

  private static List<String> recipients(JsonNode request) {
    java.util.ArrayList<String> recipients = new java.util.ArrayList<>();
    request.path("recipients").forEach(node -> recipients.add(node.asText()));
    return recipients;
  }

  private void start(String processKey, String caseCode, Map<String, Object> variables) {
    Map<String, Object> all = new HashMap<>(variables);
    all.put("caseCode", caseCode);
    runtimeService.startProcessInstanceByKey(processKey, caseCode, all);
  }
}
