package cn.onedoor.intake;

import cn.onedoor.support.TestResidentIds;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Valid registrations as other systems send them, as JSON, each with parties of its own unless told
 * otherwise.
 */
final class IntakeRequests {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger PERSON = new AtomicInteger(20_000);

  private IntakeRequests() {}

  /** A neighbours' dispute reported at 汇东社区's window, with two people as parties. */
  static ObjectNode villageWindowCase() {
    int n = PERSON.incrementAndGet();
    return villageWindowCase(
        TestResidentIds.forNumber(n),
        "1390000" + String.format("%04d", n % 10_000),
        TestResidentIds.forNumber(n + 400_000));
  }

  static ObjectNode villageWindowCase(
      String applicantId, String applicantMobile, String respondentId) {
    try {
      return (ObjectNode)
          JSON.readTree(
              """
          {"source": "WINDOW", "level": "VILLAGE", "townCode": "511725104", "villageCode": "511725104001",
           "receivedBy": "intake", "disputeType": "NEIGHBOUR", "summary": "两户因院坝通行发生争执。",
           "amount": 3000, "occurredOn": "2026-02-20", "partyCount": 2, "consentToMediation": true,
           "flags": {"injury": false, "violence": false, "crimeSuspected": false, "governmentBodyParty": false,
                     "acceptedElsewhere": "NONE"},
           "parties": [
             {"role": "APPLICANT", "kind": "PERSON", "name": "张三", "idNumber": "%s", "mobile": "%s"},
             {"role": "RESPONDENT", "kind": "PERSON", "name": "李四", "idNumber": "%s"}]}
          """
                  .formatted(applicantId, applicantMobile, respondentId));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
