package cn.onedoor.routing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dispute-type codes the intake accepts and the routing table knows, with their Chinese names.
 */
@RestController
@Tag(name = "纠纷类型 Dispute types")
@SecurityRequirement(name = "basicAuth")
class DisputeTypeController {

  record DisputeTypeView(String code, String name) {}

  @GetMapping(path = "/api/dispute-types", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "纠纷类型代码表 / Dispute-type codes")
  List<DisputeTypeView> list() {
    return Arrays.stream(DisputeType.values())
        .map(type -> new DisputeTypeView(type.code(), type.chineseName()))
        .toList();
  }
}
