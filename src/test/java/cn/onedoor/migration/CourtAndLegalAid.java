package cn.onedoor.migration;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the court, the legal-aid centre, the labour arbitration committee and the police answer when
 * the migration test's driver delivers their messages (the variables {@code casefile.CaseMessages}
 * sets for each), and which answer comes first when a case waits for several: a decision before an
 * extension, so that cases move on.
 */
final class CourtAndLegalAid {

  private static final List<String> ORDER =
      List.of(
          "CourtConfirmationAccepted",
          "CourtConfirmationRuled",
          "CourtCaseFiled",
          "CourtJudgmentDelivered",
          "CourtAppealDecided",
          "LegalAidDecided",
          "LawyerAssigned",
          "LegalAidObjectionDecided",
          "EnforcementConcluded",
          "ArbitrationAccepted",
          "ArbitrationAwarded",
          "PoliceTransferAccepted",
          "CourtConfirmationNotAccepted",
          "CourtTrialPeriodExtended",
          "CourtConfirmationExtended",
          "ArbitrationExtended");

  private CourtAndLegalAid() {}

  static int rank(String message) {
    int at = ORDER.indexOf(message);
    return at < 0 ? ORDER.size() : at;
  }

  static Map<String, Object> answer(String message, LocalDate today) {
    Map<String, Object> variables = new HashMap<>();
    switch (message) {
      case "CourtConfirmationNotAccepted" -> variables.put("confirmationNotAcceptedReason", "材料不全");
      case "CourtConfirmationRuled" -> variables.put("confirmationRuling", "VALID");
      case "CourtCaseFiled" -> {
        variables.put("courtCaseNumber", "（2026）川1725民初1号");
        variables.put("courtProcedure", "SIMPLE");
        variables.put("filedOn", today.toString());
      }
      case "CourtTrialPeriodExtended" -> {
        variables.put("trialExtensionArticle", "152");
        variables.put("trialExtensionApprovedBy", "COURT_PRESIDENT");
        variables.put("trialExtendedTo", today.plusMonths(6).toString());
      }
      case "CourtJudgmentDelivered" -> {
        variables.put("judgmentType", "JUDGMENT");
        variables.put("judgmentInstance", 1);
        variables.put("rulingType", null);
      }
      case "CourtAppealDecided" -> {
        variables.put("judgmentType", "JUDGMENT");
        variables.put("judgmentInstance", 2);
        variables.put("secondInstanceRuling", null);
      }
      case "LegalAidDecided" -> variables.put("legalAidDecision", true);
      case "LawyerAssigned" -> variables.put("assignedLawFirm", "渠县某律师事务所");
      case "LegalAidObjectionDecided" -> variables.put("objectionUpheld", false);
      case "ArbitrationAccepted" -> {
        variables.put("arbitrationAccepted", true);
        variables.put("arbitrationAcceptedOn", today.toString());
        variables.put("arbitrationNotAcceptedReason", null);
      }
      case "ArbitrationAwarded" -> {
        variables.put("finalAward", false);
        variables.put("awardDeliveredOn", today.toString());
      }
      case "PoliceTransferAccepted" -> variables.put("policeCaseNumber", "渠公（治）受字〔2026〕1号");
      default -> {
        // accepted, extended, enforcement concluded: the message alone
      }
    }
    return variables;
  }
}
