package cn.onedoor.casefile;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/**
 * The one door into a running case for answers from other systems, keyed by case code: the court's
 * acceptance, ruling, filing and judgment, the legal-aid decision and lawyer, the 县司法局's review of
 * an objection. Callers never touch the engine's RuntimeService.
 */
@Service
public class CaseMessages {

  private final RuntimeService runtimeService;

  CaseMessages(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  public void courtAcceptedConfirmation(String caseCode) {
    correlate(caseCode, "CourtConfirmationAccepted", Map.of());
  }

  /** The court ruled not to accept the application (不予受理), for {@code reason}. */
  public void courtDidNotAcceptConfirmation(String caseCode, String reason) {
    correlate(
        caseCode, "CourtConfirmationNotAccepted", Map.of("confirmationNotAcceptedReason", reason));
  }

  public void courtExtendedConfirmation(String caseCode) {
    correlate(caseCode, "CourtConfirmationExtended", Map.of());
  }

  /** VALID, REJECTED or WITHDRAWN. */
  public void courtRuledConfirmation(String caseCode, String ruling) {
    correlate(caseCode, "CourtConfirmationRuled", Map.of("confirmationRuling", ruling));
  }

  /**
   * ORDINARY, SIMPLE or SMALL_CLAIMS decides the trial period, which counts from {@code filedOn}
   * (variable {@code filedOn}, an ISO date as the deadline expressions read it).
   */
  public void courtFiledCase(
      String caseCode, String courtCaseNumber, String procedure, LocalDate filedOn) {
    correlate(
        caseCode,
        "CourtCaseFiled",
        Map.of(
            "courtCaseNumber",
            courtCaseNumber,
            "courtProcedure",
            procedure,
            "filedOn",
            filedOn.toString()));
  }

  /**
   * The court extended the first-instance trial period under {@code article} (152, 164 or 169),
   * approved by COURT_PRESIDENT or HIGHER_COURT, to {@code newEnd}; the diagram decides whether the
   * law allows it.
   */
  public void courtExtendedTrialPeriod(
      String caseCode, String article, String approvedBy, LocalDate newEnd) {
    correlate(
        caseCode,
        "CourtTrialPeriodExtended",
        Map.of(
            "trialExtensionArticle",
            article,
            "trialExtensionApprovedBy",
            approvedBy,
            "trialExtendedTo",
            newEnd.toString()));
  }

  /**
   * A judgment or ruling served: JUDGMENT (15-day appeal window) or RULING (10 days), of the first
   * instance ({@code CourtJudgmentDelivered}, awaited while a first-instance trial runs) or the
   * second ({@code CourtAppealDecided}, awaited only after an appeal). {@code rulingType}: for a
   * first-instance ruling NOT_ACCEPTED / JURISDICTION / DISMISSED / OTHER (variable {@code
   * rulingType}); for a second-instance one REMANDED / UPHELD / REVOKED (variable {@code
   * secondInstanceRuling}, so the ruling appealed stays known); null for a judgment.
   */
  public void courtDeliveredJudgment(
      String caseCode, String judgmentType, int instance, String rulingType) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("judgmentType", judgmentType);
    variables.put("judgmentInstance", instance);
    variables.put(instance == 2 ? "secondInstanceRuling" : "rulingType", rulingType);
    correlate(caseCode, instance == 2 ? "CourtAppealDecided" : "CourtJudgmentDelivered", variables);
  }

  public void legalAidDecided(String caseCode, boolean granted) {
    legalAidDecided(caseCode, granted, null);
  }

  /**
   * {@code reasons}: why aid is refused (or, after aid given first, terminated); null if granted.
   */
  public void legalAidDecided(String caseCode, boolean granted, String reasons) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("legalAidDecision", granted);
    if (!granted && reasons != null && !reasons.isBlank()) {
      variables.put("legalAidRefusalReasons", reasons);
    }
    correlate(caseCode, "LegalAidDecided", variables);
  }

  public void lawyerAssigned(String caseCode, String lawFirm) {
    correlate(caseCode, "LawyerAssigned", Map.of("assignedLawFirm", lawFirm));
  }

  /**
   * The 县司法局 reviewed an objection (法律援助法 art 49): {@code decision} KEEP (the centre's decision
   * stands) or CORRECT (the centre is ordered to correct it).
   */
  public void legalAidObjectionReviewed(String caseCode, String decision, String reasons) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("objectionReview", decision);
    variables.put("objectionReviewReasons", reasons);
    correlate(caseCode, "LegalAidObjectionReviewed", variables);
  }

  public void enforcementConcluded(String caseCode) {
    correlate(caseCode, "EnforcementConcluded", Map.of());
  }

  /**
   * 劳动仲裁委受理 or not (art 29); the award period counts from {@code arbitrationAcceptedOn} (an ISO
   * date as the deadline expressions read it).
   */
  public void arbitrationAccepted(
      String caseCode, boolean accepted, LocalDate acceptedOn, String reason) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("arbitrationAccepted", accepted);
    variables.put("arbitrationAcceptedOn", acceptedOn.toString());
    variables.put("arbitrationNotAcceptedReason", reason);
    correlate(caseCode, "ArbitrationAccepted", variables);
  }

  public void arbitrationExtended(String caseCode) {
    correlate(caseCode, "ArbitrationExtended", Map.of());
  }

  /** The award: final (art 47) or not; the 15 days to sue count from {@code awardDeliveredOn}. */
  public void arbitrationAwarded(String caseCode, boolean finalAward, LocalDate deliveredOn) {
    correlate(
        caseCode,
        "ArbitrationAwarded",
        Map.of("finalAward", finalAward, "awardDeliveredOn", deliveredOn.toString()));
  }

  /** The police accepted a transferred case (受案) under its own case number. */
  public void policeAcceptedTransfer(String caseCode, String policeCaseNumber) {
    correlate(caseCode, "PoliceTransferAccepted", Map.of("policeCaseNumber", policeCaseNumber));
  }

  private void correlate(String caseCode, String message, Map<String, Object> variables) {
    runtimeService
        .createMessageCorrelation(message)
        .processInstanceBusinessKey(caseCode)
        .setVariables(new HashMap<>(variables))
        .correlate();
  }
}
