package cn.onedoor.court;

import cn.onedoor.bridge.CallbackRejectedException;
import cn.onedoor.casefile.CaseJournal;
import cn.onedoor.deadline.DeadlineService;
import cn.onedoor.deadline.ProcessDeadlines;
import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

/**
 * What the litigation-mediation diagram records along the court's path: the entrusted mediation not
 * yet extended, each judgment or ruling with its instance (审级) when it is served (the appeal period
 * counts from it), the appeal, a remand, the rule by which the judgment became effective, and the
 * outcome dispute-case reads back ({@code litigationOutcome}). Which instance comes next and when a
 * judgment is final are the diagram's (its gateways and elements name the articles); this bean only
 * writes down what the diagram decided, on the case's journal too, so the case status shows it.
 */
@Component("litigation")
public class Litigation {

  static final String OUTCOME = "litigationOutcome";

  /** The rule by which the judgment or ruling became effective, as the diagram names it. */
  static final String EFFECTIVE_BY = "judgmentEffectiveBy";

  /**
   * When it became effective: the enforcement window counts from it where the judgment fixed no
   * performance period (art 250).
   */
  static final String EFFECTIVE_AT = "judgmentEffectiveAt";

  private final ProcessDeadlines deadlines;
  private final CaseJournal journal;
  private final HistoryService history;

  Litigation(ProcessDeadlines deadlines, CaseJournal journal, HistoryService history) {
    this.deadlines = deadlines;
    this.journal = journal;
    this.history = history;
  }

  public void started(DelegateExecution execution) {
    execution.setVariable("entrustedExtended", false);
    execution.setVariable("remanded", false);
    trialPeriodNotExtended(execution);
  }

  /** A first-instance trial period begins (at filing, or afresh at a remand): no extension yet. */
  private static void trialPeriodNotExtended(DelegateExecution execution) {
    execution.setVariable(TRIAL_PERIOD_EXTENSIONS, 0);
    execution.setVariable(TRIAL_PERIOD_EXTENDED_TO, null);
  }

  /** The last day of the trial period as the court extended it; null while not extended. */
  static final String TRIAL_PERIOD_EXTENDED_TO = "trialPeriodExtendedTo";

  /**
   * The day the first-instance trial period counts from, for the diagram's timer: the retrial's
   * remand, else the filing day the court named ({@code filedOn}); a case that came with no filing
   * day counts from now, when its trial begins.
   */
  public Object trialPeriodFrom(DelegateExecution execution) {
    if (Boolean.TRUE.equals(execution.getVariable("remanded"))) {
      return execution.getVariable("remandedAt");
    }
    Object filedOn = execution.getVariable("filedOn");
    return filedOn != null ? filedOn : deadlines.now();
  }

  /**
   * Whether the court's new last day ({@code trialExtendedTo}) lies within {@code months} months of
   * the trial period's start: the statutory period and the most the article lets the court
   * president add (the diagram passes 6 + 6 for art 152, 3 + 1 for art 164, 2 + 1 for art 169).
   */
  public boolean extendedWithin(DelegateExecution execution, int months) {
    LocalDate newEnd = LocalDate.parse(String.valueOf(execution.getVariable("trialExtendedTo")));
    LocalDate latest =
        deadlines
            .months(trialPeriodFrom(execution), months)
            .toInstant()
            .atZone(DeadlineService.ZONE)
            .toLocalDate();
    return !newEnd.isAfter(latest);
  }

  /** How many times the court extended the current first-instance trial period. */
  static final String TRIAL_PERIOD_EXTENSIONS = "trialPeriodExtensions";

  /**
   * The court's extension, found lawful by the diagram's gateway (its flows name arts 152, 164,
   * 169): the trial period now ends on the court's new last day ({@code trialExtendedTo}), and the
   * journal records the article and the approving authority.
   */
  public void trialPeriodExtended(DelegateExecution execution) {
    String newEnd = String.valueOf(execution.getVariable("trialExtendedTo"));
    Date endsAt =
        Date.from(
            LocalDate.parse(newEnd).atTime(23, 59, 59).atZone(DeadlineService.ZONE).toInstant());
    Object before = execution.getVariable(TRIAL_PERIOD_EXTENSIONS);
    execution.setVariable(
        TRIAL_PERIOD_EXTENSIONS, (before instanceof Integer count ? count : 0) + 1);
    execution.setVariable(TRIAL_PERIOD_EXTENDED_TO, endsAt);
    journal.record(
        execution.getProcessBusinessKey(),
        "TRIAL_PERIOD_EXTENDED",
        null,
        "审理期限延长至 "
            + newEnd
            + "（民事诉讼法第"
            + execution.getVariable("trialExtensionArticle")
            + "条，"
            + authority(execution.getVariable("trialExtensionApprovedBy"))
            + "批准）",
        null);
  }

  /**
   * An extension the law does not allow for this case: the court's callback is refused with a 409
   * naming {@code rule} (the diagram's refusal element passes the rule of the case's procedure),
   * and nothing of it is kept.
   */
  public void refuseTrialPeriodExtension(DelegateExecution execution, String rule) {
    throw CallbackRejectedException.refusedByLaw(
        "法院答复的延长（第"
            + execution.getVariable("trialExtensionArticle")
            + "条，"
            + authority(execution.getVariable("trialExtensionApprovedBy"))
            + "批准，本案第"
            + ((execution.getVariable(TRIAL_PERIOD_EXTENSIONS) instanceof Integer count ? count : 0)
                + 1)
            + "次延长）不符合本案的审限规则："
            + rule);
  }

  private static String authority(Object approvedBy) {
    return "HIGHER_COURT".equals(approvedBy) ? "上级人民法院" : "本院院长";
  }

  public void judgmentDelivered(DelegateExecution execution) {
    if (execution.isCanceled()) {
      // The trial's wait ended by the court extending its period (an interrupting boundary event
      // ends the wait too): nothing was served.
      return;
    }
    execution.setVariable("judgmentDeliveredAt", deadlines.now());
    journal.record(
        execution.getProcessBusinessKey(),
        "JUDGMENT_DELIVERED",
        null,
        describe(
            execution.getVariable("judgmentInstance"),
            execution.getVariable("judgmentType"),
            Integer.valueOf(2).equals(execution.getVariable("judgmentInstance"))
                ? execution.getVariable("secondInstanceRuling")
                : execution.getVariable("rulingType")),
        null);
  }

  /** The appeal recorded: the second instance begins. */
  public void appealed(DelegateExecution execution) {
    journal.record(execution.getProcessBusinessKey(), "APPEALED", null, "当事人上诉，进入第二审", null);
  }

  /** Remanded by the second instance (art 177): back to first instance, once. */
  public void remanded(DelegateExecution execution) {
    execution.setVariable("remanded", true);
    // The retrial's period counts afresh from the remand, with extensions of its own.
    execution.setVariable("remandedAt", deadlines.now());
    trialPeriodNotExtended(execution);
    journal.record(
        execution.getProcessBusinessKey(), "REMANDED", null, "第二审裁定发回重审，回到第一审（民事诉讼法第177条）", null);
  }

  /** The judgment or ruling became effective by {@code rule} (the diagram's element names it). */
  public void effective(DelegateExecution execution, String rule) {
    execution.setVariable(EFFECTIVE_BY, rule);
    execution.setVariable(EFFECTIVE_AT, deadlines.now());
    journal.record(execution.getProcessBusinessKey(), "JUDGMENT_EFFECTIVE", null, rule, null);
  }

  /**
   * An effective ruling that does not end the suit (jurisdiction, another ruling, or the second
   * instance revoking the ruling appealed): the first-instance trial goes on, no judgment is
   * effective yet.
   */
  public void trialContinues(DelegateExecution execution) {
    execution.removeVariable(EFFECTIVE_BY);
    execution.removeVariable(EFFECTIVE_AT);
    execution.removeVariable("secondInstanceRuling");
    journal.record(
        execution.getProcessBusinessKey(), "TRIAL_CONTINUES", null, "裁定生效，第一审继续审理", null);
  }

  /** A ruling of 驳回起诉 or 不予受理 became effective: the suit ends without a judgment to perform. */
  public void suitDismissed(DelegateExecution execution) {
    execution.setVariable(OUTCOME, "SUIT_DISMISSED");
  }

  /**
   * Settled in entrusted mediation: how ({@code settlementForm}, the mediator's form) and on which
   * day ({@code settledOn}, the agreement's date for judicial confirmation's 30 days), which
   * dispute-case reads to confirm, follow up or close.
   */
  public void settled(DelegateExecution execution) {
    execution.setVariable(OUTCOME, "SETTLED");
    execution.setVariable(
        "settledOn",
        deadlines.now().toInstant().atZone(DeadlineService.ZONE).toLocalDate().toString());
  }

  public void judgedAndPerformed(DelegateExecution execution) {
    execution.setVariable(OUTCOME, "JUDGED_PERFORMED");
  }

  public void enforcementNeeded(DelegateExecution execution) {
    execution.setVariable(OUTCOME, "ENFORCEMENT_NEEDED");
  }

  /**
   * The rule by which the case's judgment already became effective (null while none did): what a
   * refused appeal or further judgment is told.
   */
  Optional<String> effectiveBy(String caseCode) {
    return latest(caseCode, EFFECTIVE_BY).map(String::valueOf);
  }

  /** Whether the case was remanded once already. */
  boolean remandedBefore(String caseCode) {
    return latest(caseCode, "remanded").map(Boolean.TRUE::equals).orElse(false);
  }

  private Optional<Object> latest(String caseCode, String name) {
    HistoricProcessInstance instance =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(caseCode)
            .processDefinitionKey("litigation-mediation")
            .orderByProcessInstanceStartTime()
            .desc()
            .listPage(0, 1)
            .stream()
            .findFirst()
            .orElse(null);
    if (instance == null) {
      return Optional.empty();
    }
    return history
        .createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId())
        .variableName(name)
        .list()
        .stream()
        .map(HistoricVariableInstance::getValue)
        .filter(value -> value != null)
        .findFirst();
  }

  static String describe(Object instance, Object judgmentType, Object rulingType) {
    String level = Integer.valueOf(2).equals(instance) ? "第二审" : "第一审";
    String kind =
        switch (String.valueOf(judgmentType)) {
          case "RULING" -> "裁定";
          case "MEDIATION_STATEMENT" -> "调解书";
          default -> "判决";
        };
    String which =
        switch (String.valueOf(rulingType)) {
          case "NOT_ACCEPTED" -> "（不予受理）";
          case "JURISDICTION" -> "（管辖权异议）";
          case "DISMISSED" -> "（驳回起诉）";
          case "OTHER" -> "（其他，不得上诉）";
          case "REMANDED" -> "（发回重审）";
          case "UPHELD" -> "（维持原裁定）";
          case "REVOKED" -> "（撤销原裁定）";
          default -> "";
        };
    return level + kind + which + "送达";
  }
}
