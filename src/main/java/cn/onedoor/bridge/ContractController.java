package cn.onedoor.bridge;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StreamUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The contract the other systems build against, open to anyone (no personal data in it): what we
 * call ({@code /api/public/contracts/outbound.yaml}, a hand-written OpenAPI document kept in step
 * with the clients by {@code OutboundContractTest}) and what we accept (the callbacks, described
 * from the code in {@code /v3/api-docs}).
 */
@RestController
@Tag(name = "对接规范 Contracts", description = "与外部系统的对接规范 / Contract with the external systems")
@SecurityScheme(
    name = "callbackSignature",
    type = SecuritySchemeType.APIKEY,
    in = SecuritySchemeIn.HEADER,
    paramName = CallbackSignatures.HEADER,
    description =
        "sha256=<hex HMAC-SHA256 of the raw request body with the system's callback secret>")
class ContractController {

  @GetMapping(path = "/api/public/contracts/outbound.yaml", produces = "application/yaml")
  @Operation(summary = "我方调用外部系统的接口规范 / OpenAPI of every call we make to other systems")
  ResponseEntity<String> outbound() throws IOException {
    String yaml =
        StreamUtils.copyToString(
            new ClassPathResource("contracts/outbound.yaml").getInputStream(),
            StandardCharsets.UTF_8);
    return ResponseEntity.ok()
        .contentType(new MediaType("application", "yaml", StandardCharsets.UTF_8))
        .body(yaml);
  }
}
