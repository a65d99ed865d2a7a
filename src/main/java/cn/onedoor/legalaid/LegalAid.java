package cn.onedoor.legalaid;

import cn.onedoor.casefile.CaseJournal;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code ${legalAid.prepare(execution)}}: hands the decision table the hardship line in force;
 * {@code granted} and {@code refused} record the legal aid centre's answer that dispute-case reads
 * back ({@code legalAidGranted}). A refusal or a termination is written with its reasons (法律援助法 art
 * 43) and each step of an objection to it (art 49) goes into the case's journal, where the parties'
 * status page reads it.
 */
@Component("legalAid")
public class LegalAid {

  /** What a refusal to object to is: 不予法律援助, or 终止法律援助 after the review of aid given first. */
  public static final String REFUSAL = "REFUSAL";

  public static final String TERMINATION = "TERMINATION";

  private static final Map<String, String> REVIEWS =
      Map.of("KEEP", "县司法局维持法律援助机构的决定", "CORRECT", "县司法局责令法律援助机构改正，给予法律援助");

  private final LegalAidSettings settings;
  private final CaseJournal journal;

  LegalAid(LegalAidSettings settings, CaseJournal journal) {
    this.settings = settings;
    this.journal = journal;
  }

  public void prepare(DelegateExecution execution) {
    execution.setVariable("hardshipLine", settings.hardshipLine().doubleValue());
  }

  public void granted(DelegateExecution execution) {
    execution.setVariable("legalAidGranted", true);
  }

  public void refused(DelegateExecution execution) {
    execution.setVariable("legalAidGranted", false);
  }

  /**
   * The eligibility table said no: the refusal's reasons start from the rule it cited, for the
   * officer to complete.
   */
  public void notEligible(DelegateExecution execution) {
    execution.setVariable("legalAidRefusalKind", REFUSAL);
    if (execution.getVariable("eligibility") instanceof Map<?, ?> eligibility
        && eligibility.get("basis") instanceof String basis) {
      execution.setVariable("legalAidRefusalReasons", "不符合法律援助条件：" + basis);
    }
  }

  /** The legal-aid system refused the application. */
  public void refusedByCentre(DelegateExecution execution) {
    execution.setVariable("legalAidRefusalKind", REFUSAL);
  }

  /** Aid given first (先行援助) did not pass the review afterwards: it is terminated. */
  public void terminated(DelegateExecution execution) {
    execution.setVariable("legalAidRefusalKind", TERMINATION);
  }

  /** The written decision with its reasons, as the party reads it on the status page. */
  public void refusalWritten(DelegateExecution execution) {
    boolean termination = TERMINATION.equals(execution.getVariable("legalAidRefusalKind"));
    journal.record(
        execution.getProcessBusinessKey(),
        termination ? "LEGAL_AID_TERMINATED" : "LEGAL_AID_REFUSED",
        null,
        (termination ? "终止法律援助" : "不予法律援助")
            + "，理由："
            + execution.getVariable("legalAidRefusalReasons")
            + "。对决定有异议的，可以向县司法局提出（法律援助法第49条）",
        null);
  }

  public void objected(DelegateExecution execution) {
    journal.record(
        execution.getProcessBusinessKey(),
        "LEGAL_AID_OBJECTION",
        null,
        "异议已送县司法局，自收到之日起5日内审查",
        null);
  }

  public void objectionReviewed(DelegateExecution execution) {
    Object reasons = execution.getVariable("objectionReviewReasons");
    journal.record(
        execution.getProcessBusinessKey(),
        "OBJECTION_REVIEWED",
        null,
        REVIEWS.getOrDefault(String.valueOf(execution.getVariable("objectionReview")), "县司法局已审查")
            + (reasons instanceof String text && !text.isBlank() ? "，理由：" + text : ""),
        null);
  }
}
