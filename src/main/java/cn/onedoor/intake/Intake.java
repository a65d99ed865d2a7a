package cn.onedoor.intake;

import cn.onedoor.casefile.CaseCodes;
import cn.onedoor.casefile.ProcessModels;
import cn.onedoor.identity.SystemUser;
import cn.onedoor.web.InvalidParam;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 只进一扇门: every door registers a case here. One registration is one transaction: the case code, the
 * registry rows and the started process commit together or not at all, so a rejected or failed
 * registration leaves nothing behind and gives its code back.
 *
 * <p>Idempotency: a registration answers to its {@code Idempotency-Key} (scoped to the caller) and
 * to its source + external reference. A repeat finds the stored key and gets the same case; two
 * identical requests racing both try to store the key, the loser's transaction rolls back on the
 * unique key, and it answers with the winner's case.
 */
@Service
public class Intake {

  static final int IDEMPOTENCY_KEY_MAX = 128;

  /**
   * How many possible duplicates the task header names. A serial petitioner may have hundreds of
   * open cases; the engine keeps a string variable in a 4,000-character column, so the header
   * carries the count and the newest few, and the full list stays in {@code case_link} ({@code GET
   * /api/cases/{code}}).
   */
  static final int DUPLICATES_SHOWN = 5;

  /**
   * The answer to a registration; {@code created} is false when an earlier identical request made
   * the case.
   */
  public record Registration(
      String caseCode, Instant registeredAt, List<String> possibleDuplicates, boolean created) {}

  private final IntakeValidator validator;
  private final CaseRegistry registry;
  private final CaseCodes caseCodes;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final TransactionTemplate transaction;
  private final ObjectMapper json;
  private final Clock clock;
  private final String countyCode;

  Intake(
      IntakeValidator validator,
      CaseRegistry registry,
      CaseCodes caseCodes,
      RuntimeService runtimeService,
      IdentityService identityService,
      TransactionTemplate transaction,
      ObjectMapper json,
      Clock clock,
      @Value("${onedoor.county.code}") String countyCode) {
    this.validator = validator;
    this.registry = registry;
    this.caseCodes = caseCodes;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.transaction = transaction;
    this.json = json;
    this.clock = clock;
    this.countyCode = countyCode;
  }

  /**
   * Registers a case, or answers with the case an identical earlier request registered.
   *
   * @param idempotencyKey the caller's {@code Idempotency-Key}, or null
   * @param caller who calls (the authenticated user or system), the scope of the idempotency key
   * @throws IntakeRejectedException naming every bad field; nothing is stored
   * @throws IdempotencyConflictException when a key was used before for a different request
   */
  public Registration register(IntakeRequest request, String idempotencyKey, String caller) {
    List<InvalidParam> violations = new ArrayList<>(validator.validate(request));
    if (idempotencyKey != null
        && (idempotencyKey.isBlank() || idempotencyKey.length() > IDEMPOTENCY_KEY_MAX)) {
      violations.add(
          new InvalidParam("Idempotency-Key", "幂等键应为 1 至 " + IDEMPOTENCY_KEY_MAX + " 个字符"));
    }
    if (!violations.isEmpty()) {
      throw new IntakeRejectedException(violations);
    }
    List<String> keys = requestKeys(request, idempotencyKey, caller);
    String hash = hash(request);
    Optional<Registration> earlier = answered(keys, hash);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    try {
      return transaction.execute(status -> create(request, keys, hash));
    } catch (DuplicateKeyException concurrentTwin) {
      // The same request won a race a moment ago; its transaction has committed, so its key is
      // there to read.
      return answered(keys, hash).orElseThrow(() -> concurrentTwin);
    }
  }

  private Registration create(IntakeRequest request, List<String> keys, String hash) {
    Instant now = clock.instant();
    String caseCode = caseCodes.next(Year.now(clock));
    registry.insertCase(caseCode, request, reportingUnit(request), now);
    for (String key : keys) {
      registry.insertRequest(key, hash, caseCode, now);
    }
    List<String> twins = registry.linkPossibleDuplicates(caseCode, request, now);
    startCase(caseCode, request, twins);
    return new Registration(caseCode, now, twins, true);
  }

  /**
   * The process gets what its gateways, tables and forms read, never a party's identity: the
   * parties stay in the registry, and ID numbers or mobiles typed into the summary are masked on
   * the way in.
   */
  private static void putWhenTrue(Map<String, Object> variables, String name, Boolean flag) {
    if (Boolean.TRUE.equals(flag)) {
      variables.put(name, true);
    }
  }

  private void startCase(String caseCode, IntakeRequest request, List<String> twins) {
    Map<String, Object> variables = new HashMap<>();
    // Only what the main case itself or its forms read is a variable of it. The facts only called
    // processes read (the dispute type, the risk facts, whether another body accepted it) are read
    // from the registry by the call activity that passes them (casefile/CaseFacts); who received
    // the case, by the journal; when it happened, by nobody in the process.
    variables.put("source", request.source());
    variables.put("townCode", request.townCode());
    variables.put("villageCode", blankToNull(request.villageCode()));
    variables.put("summary", PersonalData.maskInText(request.summary()));
    // The exclusions of 治安调解 are rare and read only by the police's procedure
    // (police-procedure.dmn, which gets false for an absent one): a variable only when it is true,
    // so the ordinary case pays nothing for them.
    putWhenTrue(variables, "hiredViolence", request.flags().hiredViolence());
    putWhenTrue(variables, "gangFight", request.flags().gangFight());
    putWhenTrue(variables, "provocation", request.flags().provocation());
    putWhenTrue(variables, "repeatOffence", request.flags().repeatOffence());
    // Shown on the first tasks' header when the case has possible twins; most have none, and an
    // absent variable hides the warning as a null one did, without a row in every process.
    if (!twins.isEmpty()) {
      variables.put("possibleDuplicates", duplicatesHeader(caseCode, twins));
    }
    // The registration itself was checked here; starting the case is the system's act, whoever
    // called the door.
    SystemUser.run(
        identityService,
        () ->
            runtimeService.startProcessInstanceByKey(
                ProcessModels.DISPUTE_CASE, caseCode, variables));
  }

  /**
   * The possible duplicates as the first task's header shows them: all of them when few, else the
   * count and the newest {@link #DUPLICATES_SHOWN} (codes sort by year and number), with where to
   * find the rest. Null when there are none, so the form's warning stays hidden.
   *
   * @param twins the linked case codes in ascending order
   */
  static String duplicatesHeader(String caseCode, List<String> twins) {
    if (twins.isEmpty()) {
      return null;
    }
    if (twins.size() <= DUPLICATES_SHOWN) {
      return String.join("、", twins);
    }
    return "共 "
        + twins.size()
        + " 件，最近的 "
        + DUPLICATES_SHOWN
        + " 件："
        + String.join("、", twins.subList(twins.size() - DUPLICATES_SHOWN, twins.size()))
        + "（完整清单见案件查询 /api/cases/"
        + caseCode
        + "）";
  }

  private Optional<Registration> answered(List<String> keys, String hash) {
    for (String key : keys) {
      Optional<CaseRegistry.StoredRequest> stored = registry.request(key);
      if (stored.isPresent()) {
        if (!stored.get().requestHash().equals(hash)) {
          throw new IdempotencyConflictException(
              key.startsWith("ref:") ? "externalRef" : "Idempotency-Key", stored.get().caseCode());
        }
        String caseCode = stored.get().caseCode();
        return Optional.of(
            new Registration(
                caseCode,
                registry.registeredAt(caseCode),
                registry.possibleDuplicates(caseCode),
                false));
      }
    }
    return Optional.empty();
  }

  private static List<String> requestKeys(
      IntakeRequest request, String idempotencyKey, String caller) {
    List<String> keys = new ArrayList<>();
    if (idempotencyKey != null) {
      keys.add("key:" + caller + ":" + idempotencyKey);
    }
    if (request.externalRef() != null && !request.externalRef().isBlank()) {
      keys.add("ref:" + request.source() + ":" + request.externalRef());
    }
    return keys;
  }

  /**
   * Where the case was reported: the village, the town or the county centre holds it until routing
   * decides.
   */
  private String reportingUnit(IntakeRequest request) {
    return switch (request.level()) {
      case "VILLAGE" -> request.villageCode();
      case "TOWN" -> request.townCode();
      default -> countyCode;
    };
  }

  /** The same request in any spelling (20000 or 20000.00) hashes the same. */
  private String hash(IntakeRequest request) {
    IntakeRequest canonical =
        new IntakeRequest(
            request.source(),
            blankToNull(request.externalRef()),
            request.level(),
            request.townCode(),
            blankToNull(request.villageCode()),
            request.receivedBy(),
            request.disputeType(),
            request.summary(),
            request.amount().stripTrailingZeros(),
            request.occurredOn(),
            request.partyCount(),
            request.consentToMediation(),
            request.flags(),
            request.parties());
    try {
      return CaseRegistry.sha256(json.writeValueAsString(canonical));
    } catch (JsonProcessingException cannotHappenForARecordOfStrings) {
      throw new IllegalStateException(cannotHappenForARecordOfStrings);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
