package cn.onedoor.simulation;

import cn.onedoor.bridge.CallbackSignatures;
import cn.onedoor.bridge.ExternalSystem;
import cn.onedoor.bridge.ExternalSystemRejectedException;
import cn.onedoor.bridge.ExternalSystemUnavailableException;
import cn.onedoor.bridge.ExternalSystemsProperties;
import cn.onedoor.bridge.OutboundRequests;
import cn.onedoor.bridge.OwnPort;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * A simulated system answers: POSTs the callback named by the input parameter {@code callback}
 * (e.g. {@code court/confirmation-ruled}) to our real endpoint over HTTP, signed with that system's
 * secret, with {@code callbackId}, {@code caseCode} and the entries of the input map {@code
 * fields}. The callback id is stable across retries of the step, so a retried callback is applied
 * once. Failures go the way of our own outbound calls: 5xx and no connection are retried, a 404 or
 * 422 becomes an incident on the simulated process with our reason. A 409 (the case is not waiting
 * for this answer) is retried too, as our contract tells every system (docs/external-systems.md:
 * such a refusal is not remembered): an answer can arrive before our side has committed the step
 * that waits for it (a request sent, then the database gone before the commit; the step is retried
 * and waits a moment later), and a system that gave up at the first 409 would leave the case
 * waiting for ever.
 */
@Component("simulatedCallback")
@ConditionalOnProperty(name = "onedoor.simulation.enabled", havingValue = "true")
class SimulatedCallbackDelegate implements JavaDelegate {

  private final SimulationProperties simulation;
  private final ExternalSystemsProperties systems;
  private final OutboundRequests outbound;
  private final ObjectMapper json;
  private final OwnPort ownPort;

  SimulatedCallbackDelegate(
      SimulationProperties simulation,
      ExternalSystemsProperties systems,
      OutboundRequests outbound,
      ObjectMapper json,
      OwnPort ownPort) {
    this.simulation = simulation;
    this.systems = systems;
    this.outbound = outbound;
    this.json = json;
    this.ownPort = ownPort;
  }

  /**
   * The simulated system waits for us as long as we wait for it (its {@code
   * onedoor.external-systems} timeouts): this call is a job of our job executor, and the job lock
   * time is sized to the longest of those ({@code operations/JobLockTime}).
   */
  private RestClient http(ExternalSystem system) {
    ExternalSystemsProperties.Endpoint endpoint = systems.of(system);
    SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
    factory.setConnectTimeout(endpoint.connectTimeout());
    factory.setReadTimeout(endpoint.readTimeout());
    return RestClient.builder().requestFactory(factory).build();
  }

  @Override
  public void execute(DelegateExecution execution) {
    String callback = (String) execution.getVariableLocal("callback");
    ExternalSystem system = ExternalSystem.byPathId(callback.substring(0, callback.indexOf('/')));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("callbackId", callbackId(execution));
    body.put("caseCode", execution.getProcessBusinessKey());
    if (execution.getVariableLocal("fields") instanceof Map<?, ?> fields) {
      fields.forEach((key, value) -> body.put(String.valueOf(key), value));
    }
    post(system, "/api/callbacks/" + callback, body);
  }

  /**
   * sim:<process instance>:<step>:<visit>: the same on every retry of this step, new on a second
   * visit.
   */
  private String callbackId(DelegateExecution execution) {
    String key = outbound.idempotencyKey(execution, execution.getCurrentActivityId());
    return "sim:" + execution.getProcessInstanceId() + ":" + key.substring(key.indexOf(':') + 1);
  }

  private void post(ExternalSystem system, String path, Map<String, Object> body) {
    byte[] bytes;
    try {
      bytes = json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    String where = "模拟" + system.title() + "回调 " + path;
    int status;
    String answer;
    try {
      var response =
          http(system)
              .post()
              .uri(ownPort.resolve(simulation.callbackBaseUrl() + path))
              .contentType(MediaType.APPLICATION_JSON)
              .header(
                  CallbackSignatures.HEADER,
                  CallbackSignatures.sign(systems.callbackSecret(system), bytes))
              .body(bytes)
              .exchange(
                  (request, result) ->
                      new Object[] {
                        result.getStatusCode().value(),
                        StreamUtils.copyToString(result.getBody(), StandardCharsets.UTF_8)
                      },
                  true);
      status = (Integer) response[0];
      answer = (String) response[1];
    } catch (RestClientException unreachable) {
      throw new ExternalSystemUnavailableException(
          where + " 无法连接：" + unreachable.getMessage(), unreachable);
    }
    if (status >= 500) {
      throw new ExternalSystemUnavailableException(where + " 答复 HTTP " + status + "（将自动重试）", null);
    }
    if (status == 409) {
      throw new ExternalSystemUnavailableException(
          where + " 答复 HTTP 409，案件尚未在等待该答复（将自动重试）：" + answer, null);
    }
    if (status >= 300) {
      throw new ExternalSystemRejectedException(
          where + " 被拒绝（HTTP " + status + "）：" + answer, status);
    }
  }
}
