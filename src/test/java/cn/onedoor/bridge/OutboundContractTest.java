package cn.onedoor.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.court.CourtClient;
import cn.onedoor.grid.GridSystemClient;
import cn.onedoor.justice.JusticeBureauClient;
import cn.onedoor.legalaid.LegalAidClient;
import cn.onedoor.notification.SmsGatewayClient;
import cn.onedoor.police.PoliceClient;
import cn.onedoor.province.ProvincialPlatformClient;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The written contract and the clients say the same: every path a client calls is described, with
 * the Idempotency-Key header, and nothing is described that no client calls.
 */
class OutboundContractTest {

  static final List<String> CLIENT_PATHS =
      List.of(
          CourtClient.CONFIRMATION_APPLICATIONS,
          CourtClient.ENTRUSTED_MEDIATION_RESULTS,
          CourtClient.FILING_REQUESTS,
          CourtClient.ENFORCEMENT_APPLICATIONS,
          LegalAidClient.APPLICATIONS,
          JusticeBureauClient.LEGAL_AID_OBJECTIONS,
          ProvincialPlatformClient.CASE_REPORTS,
          GridSystemClient.REPORT_STATUS,
          SmsGatewayClient.MESSAGES,
          cn.onedoor.arbitration.ArbitrationClient.APPLICATIONS,
          PoliceClient.TRANSFERS,
          PoliceClient.PUNISHMENT_REFERRALS);

  @Test
  void everyCallAClientMakesIsDescribedWithItsIdempotencyKey() throws IOException {
    OpenAPI contract;
    try (InputStream yaml = getClass().getResourceAsStream("/contracts/outbound.yaml")) {
      contract = Yaml.mapper().readValue(yaml, OpenAPI.class);
    }
    assertThat(contract.getPaths().keySet()).containsExactlyInAnyOrderElementsOf(CLIENT_PATHS);
    for (String path : CLIENT_PATHS) {
      PathItem item = contract.getPaths().get(path);
      assertThat(item.getPost()).as("POST " + path).isNotNull();
      assertThat(item.getPost().getParameters())
          .as(path + " parameters")
          .singleElement()
          .satisfies(parameter -> assertThat(parameter.get$ref()).endsWith("/IdempotencyKey"));
      assertThat(item.getPost().getRequestBody().getContent())
          .as(path + " body")
          .containsKey("application/json");
      assertThat(item.getServers()).as(path + " names its system").isNotEmpty();
    }
    assertThat(contract.getComponents().getParameters().get("IdempotencyKey").getRequired())
        .isTrue();
  }
}
