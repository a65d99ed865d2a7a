package cn.onedoor.simulation;

import cn.onedoor.bridge.ExternalSystem;
import cn.onedoor.bridge.ExternalSystemsProperties;
import cn.onedoor.web.Problems;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulated systems' side of the outbound contract ({@code
 * /api/public/contracts/outbound.yaml}), at {@code /simulation/{system}/...}: checks our API key
 * and the Idempotency-Key like a real system would, then hands the request to {@link
 * SimulatedSystemsService}. Our real clients call it over HTTP.
 */
@RestController
@Hidden
@ConditionalOnProperty(name = "onedoor.simulation.enabled", havingValue = "true")
class SimulatedSystemsController {

  private final SimulatedSystemsService service;
  private final ExternalSystemsProperties systems;
  private final SimulatedFaults faults;

  SimulatedSystemsController(
      SimulatedSystemsService service, ExternalSystemsProperties systems, SimulatedFaults faults) {
    this.service = service;
    this.systems = systems;
    this.faults = faults;
  }

  @PostMapping(
      path = "/simulation/{system}/{operation}",
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> receive(
      @PathVariable String system,
      @PathVariable String operation,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @RequestBody(required = false) String body) {
    ExternalSystem simulated = ExternalSystem.byPathId(system);
    if (simulated == null) {
      return problem(HttpStatus.NOT_FOUND, "没有模拟的系统 " + system);
    }
    String apiKey = systems.of(simulated).apiKey();
    if (apiKey == null || !("Bearer " + apiKey).equals(authorization)) {
      return problem(HttpStatus.UNAUTHORIZED, "API 密钥不正确");
    }
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      return problem(HttpStatus.BAD_REQUEST, "缺少 Idempotency-Key");
    }
    String request = body == null ? "" : body;
    // Faults (onedoor.simulation.faults, off by default) after the checks a real system makes
    // first.
    var fault = faults.draw(system, idempotencyKey, request);
    switch (fault) {
      case REFUSED -> {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "模拟法院拒绝本案的请求（模拟的永久故障）");
      }
      case SERVER_ERROR -> {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "模拟系统暂时不可用（模拟故障）");
      }
      default -> {}
    }
    var outcome = service.receive(system, operation, idempotencyKey, request);
    if (fault == SimulatedFaults.Fault.TIMEOUT) {
      faults.holdBack();
    }
    if (outcome.status() != 200) {
      return problem(HttpStatus.valueOf(outcome.status()), outcome.problem());
    }
    return ResponseEntity.ok(Map.of("receiptId", outcome.receiptId()));
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
    return Problems.answer(status, "模拟系统拒绝请求", detail, List.of(), null);
  }
}
