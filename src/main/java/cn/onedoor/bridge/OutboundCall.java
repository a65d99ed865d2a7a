package cn.onedoor.bridge;

import cn.onedoor.bridge.ExternalSystemsProperties.Endpoint;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The HTTP mechanics every client shares: JSON both ways, explicit timeouts, our credential, the
 * {@code Idempotency-Key} of the case and step, the answer recorded with the request, and each
 * failure sorted into "retry" ({@link ExternalSystemUnavailableException}) or "incident now"
 * ({@link ExternalSystemRejectedException}). The typed clients (court, legal aid, provincial
 * platform, grid, SMS) only name paths and bodies.
 */
@Component
public class OutboundCall {

  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  /**
   * Requests one step may send in one job: the first, and once more at once when a kept-alive
   * connection was dropped. A job may therefore wait this many times the connect and read timeouts.
   */
  public static final int REQUESTS_PER_JOB = 2;

  private static final Logger LOG = LoggerFactory.getLogger(OutboundCall.class);

  private final ExternalSystemsProperties systems;
  private final OutboundRequests requests;
  private final ObjectMapper json;
  private final OwnPort ownPort;
  private final Map<ExternalSystem, RestClient> clients = new ConcurrentHashMap<>();

  OutboundCall(
      ExternalSystemsProperties systems,
      OutboundRequests requests,
      ObjectMapper json,
      OwnPort ownPort) {
    this.systems = systems;
    this.requests = requests;
    this.json = json;
    this.ownPort = ownPort;
  }

  private record Answer(int status, String body) {}

  /**
   * POSTs {@code body} as JSON to {@code path} of the system and reads the answer as {@code
   * answerType}.
   */
  public <T> T post(
      ExternalSystem system,
      String path,
      OutboundRequests.Key key,
      Object body,
      Class<T> answerType) {
    return post(system, path, key, body, answerType, true);
  }

  /**
   * Like {@link #post}, but nothing is kept at our side: for a message that carries a secret (a
   * staff member's first password) and belongs to no case, so {@code outbound_request} has no row
   * for it. The key still travels, so a repeat is one message at the other side.
   */
  public <T> T postUnrecorded(
      ExternalSystem system,
      String path,
      OutboundRequests.Key key,
      Object body,
      Class<T> answerType) {
    return post(system, path, key, body, answerType, false);
  }

  private <T> T post(
      ExternalSystem system,
      String path,
      OutboundRequests.Key key,
      Object body,
      Class<T> answerType,
      boolean record) {
    String payload = write(body);
    String where = system.title() + " POST " + path;
    Answer answer;
    try {
      answer = exchange(system, path, key, payload);
    } catch (ResourceAccessException unreachable) {
      if (unreachable.getCause() instanceof SocketTimeoutException) {
        throw unavailable(where, unreachable);
      }
      // A connection the pool kept while the other side restarted fails at once; the
      // Idempotency-Key makes sending
      // again safe, so one more try now spares the case a 5-minute wait. A real outage fails this
      // one too.
      try {
        answer = exchange(system, path, key, payload);
      } catch (RestClientException stillUnreachable) {
        throw unavailable(where, stillUnreachable);
      }
    } catch (RestClientException unreachable) {
      throw unavailable(where, unreachable);
    }
    int status = answer.status();
    if (status >= 200 && status < 300) {
      T read = read(answer.body(), answerType, where);
      if (record) {
        requests.record(key, system, payload, status, answer.body());
      }
      LOG.info("{} for case {} step {} answered {}", where, key.caseCode(), key.step(), status);
      return read;
    }
    String message = where + " 答复 HTTP " + status + "：" + systemMessage(answer.body());
    if (status >= 500 || status == 408 || status == 425 || status == 429) {
      throw new ExternalSystemUnavailableException(message + "（将自动重试）", null);
    }
    // 4xx (and anything else unexpected): the same request will get the same answer; a person must
    // look at it.
    throw new ExternalSystemRejectedException(message + "（不再自动重试，请核对后在流程监控中重试）", status);
  }

  private Answer exchange(
      ExternalSystem system, String path, OutboundRequests.Key key, String payload) {
    return client(system)
        .post()
        .uri(path)
        .contentType(MediaType.APPLICATION_JSON)
        .accept(MediaType.APPLICATION_JSON)
        .header(IDEMPOTENCY_KEY, key.idempotencyKey())
        .headers(
            headers -> {
              String apiKey = systems.of(system).apiKey();
              if (apiKey != null && !apiKey.isBlank()) {
                headers.setBearerAuth(apiKey);
              }
            })
        .body(payload)
        .exchange(
            (request, response) ->
                new Answer(
                    response.getStatusCode().value(),
                    StreamUtils.copyToString(response.getBody(), StandardCharsets.UTF_8)),
            true);
  }

  /**
   * Nothing says the other side acted; the retry sends the same key, so if it did, it drops the
   * repeat.
   */
  private static ExternalSystemUnavailableException unavailable(
      String where, RestClientException cause) {
    return new ExternalSystemUnavailableException(
        where + " 无法连接或超时，将自动重试：" + cause.getMessage(), cause);
  }

  private RestClient client(ExternalSystem system) {
    return clients.computeIfAbsent(
        system,
        which -> {
          Endpoint endpoint = systems.of(which);
          // HttpURLConnection: plain blocking I/O whose read timeout covers each wait for the other
          // side.
          SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
          factory.setConnectTimeout(endpoint.connectTimeout());
          factory.setReadTimeout(endpoint.readTimeout());
          return RestClient.builder()
              .baseUrl(ownPort.resolve(endpoint.baseUrl()).toString())
              .requestFactory(factory)
              .build();
        });
  }

  private String write(Object body) {
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("request body cannot be written as JSON", e);
    }
  }

  /**
   * An answer we cannot read is retried: the other side dedupes by key and may answer properly next
   * time.
   */
  private <T> T read(String body, Class<T> answerType, String where) {
    try {
      T read = json.readValue(body, answerType);
      if (read == null) {
        throw new IOException("empty answer");
      }
      return read;
    } catch (IOException unreadable) {
      throw new ExternalSystemUnavailableException(
          where + " 的答复无法解析（将自动重试）：" + unreadable.getMessage(), unreadable);
    }
  }

  /**
   * The other side's own words: a problem description's detail or title, a message field, or the
   * body's start.
   */
  private String systemMessage(String body) {
    if (body == null || body.isBlank()) {
      return "（无说明）";
    }
    try {
      JsonNode node = json.readTree(body);
      for (String field : new String[] {"detail", "message", "error", "title"}) {
        if (node.hasNonNull(field) && !node.get(field).asText().isBlank()) {
          return node.get(field).asText();
        }
      }
    } catch (IOException notJson) {
      // fall through to the raw text
    }
    return body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }
}
