package cn.onedoor.cost;

import cn.onedoor.chain.ChainTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The four paths of the chain whose cost is measured, each one case from registration to closure,
 * written once against {@link CaseWork} so that the write budget (in-process, H2) and the cost
 * benchmark (PostgreSQL) drive exactly the same steps.
 */
public final class CasePaths {

  /** What a path needs from whoever drives it: the one door, the task list, the systems, time. */
  public interface CaseWork {
    /** Registers a case through the one door; returns its code. */
    String register(Map<String, Object> facts);

    /**
     * A person of the task's candidate group claims it, reads its form and submits these values.
     */
    void work(String caseCode, String taskKey, Map<String, Object> form);

    /** The case's open task keys, sorted. */
    List<String> openTasks(String caseCode);

    Date dueDate(String caseCode, String taskKey);

    /** Sets the time and runs every job due by then, as the job executor would. */
    void moveClockTo(OffsetDateTime time);

    void courtAcceptedConfirmation(String caseCode);

    void courtRuledConfirmation(String caseCode, String ruling);

    void courtFiledCase(String caseCode, String courtCaseNumber, String procedure);

    void courtDeliveredJudgment(String caseCode);

    void legalAidDecided(String caseCode, boolean granted);

    void lawyerAssigned(String caseCode, String lawFirm);

    boolean isOpen(String caseCode);
  }

  /** One path: a name (the key in the budget file) and the steps of one case. */
  public record Path(String name, String description, Function<CaseWork, String> oneCase) {}

  public static final OffsetDateTime MONDAY_MORNING = ChainTest.MONDAY_MORNING;

  private static int courtCaseNumber = 100;

  private CasePaths() {}

  public static List<Path> all() {
    return List.of(
        new Path(
            "agreement",
            "agreement with judicial confirmation 调解协议+司法确认",
            CasePaths::agreementWithJudicialConfirmation),
        new Path(
            "litigation", "litigation with legal aid 法律援助+诉讼", CasePaths::litigationWithLegalAid),
        new Path(
            "joint",
            "joint handling of a group dispute 联合处置",
            CasePaths::jointHandlingOfAGroupDispute),
        new Path(
            "overdue",
            "overdue: escalation ladder and a supervision order 超期督办",
            CasePaths::overdueUpTheLadder));
  }

  public static Path named(String name) {
    return all().stream().filter(path -> path.name().equals(name)).findFirst().orElseThrow();
  }

  /** Consent, a written agreement, the court confirms it, performed by the day, closed. */
  static String agreementWithJudicialConfirmation(CaseWork work) {
    work.moveClockTo(MONDAY_MORNING);
    String caseCode = work.register(ChainTest.villageNeighbourDispute());
    work.work(caseCode, "Task_RecordConsent", Map.of("partiesConsent", "YES"));
    work.work(
        caseCode,
        "Task_Mediate",
        Map.of(
            "mediationResult",
            "AGREEMENT_WRITTEN",
            "sessionNote",
            "双方达成书面协议",
            "agreementDate",
            "2026-03-04",
            "performanceDueDate",
            "2026-03-20"));
    work.work(caseCode, "Task_DecideConfirmation", Map.of("applyForConfirmation", "YES"));
    work.courtAcceptedConfirmation(caseCode);
    work.courtRuledConfirmation(caseCode, "VALID");
    work.moveClockTo(MONDAY_MORNING.plusDays(19));
    work.work(caseCode, "Task_FollowUpVisit", Map.of("performed", true, "visitNote", "已按协议履行"));
    close(work, caseCode, "CONFIRMED");
    return caseCode;
  }

  /**
   * No consent to mediation, litigation chosen, legal aid granted and a lawyer assigned, pre-filing
   * mediation refused, filed, judged, not appealed, performed, closed.
   */
  static String litigationWithLegalAid(CaseWork work) {
    work.moveClockTo(MONDAY_MORNING);
    Map<String, Object> facts = ChainTest.villageNeighbourDispute();
    facts.put("consentToMediation", false);
    String caseCode = work.register(facts);
    work.work(caseCode, "Task_InformRoutes", Map.of("nextRoute", "LITIGATION"));
    work.work(
        caseCode,
        "Task_PrepareLegalAidApplication",
        Map.of(
            "applicantCategory",
            "NONE",
            "aidMatter",
            "LABOUR_REMUNERATION",
            "monthlyIncomePerCapita",
            800,
            "papersComplete",
            true,
            "urgent",
            false));
    work.legalAidDecided(caseCode, true);
    work.lawyerAssigned(caseCode, "四川某律师事务所");
    work.work(caseCode, "Task_PreFilingMediation", Map.of("entrustedResult", "REFUSED"));
    work.courtFiledCase(caseCode, "(2026)川1725民初" + (++courtCaseNumber) + "号", "SIMPLE");
    work.courtDeliveredJudgment(caseCode);
    Date appealWindowEnds = work.dueDate(caseCode, "Task_RecordAppeal");
    work.work(caseCode, "Task_RecordAppeal", Map.of("appealed", false));
    work.moveClockTo(appealWindowEnds.toInstant().atOffset(ZoneOffset.ofHours(8)).plusMinutes(1));
    work.work(caseCode, "Task_CheckJudgmentPerformance", Map.of("judgmentPerformed", true));
    close(work, caseCode, "JUDGED");
    return caseCode;
  }

  /**
   * A land-use dispute among twelve: consultation, two departments handle it under the county
   * supervisors, then county mediation performed on the spot, closed.
   */
  static String jointHandlingOfAGroupDispute(CaseWork work) {
    work.moveClockTo(MONDAY_MORNING);
    Map<String, Object> facts = ChainTest.villageNeighbourDispute();
    facts.put("disputeType", "LAND_USE");
    facts.put("partyCount", 12);
    String caseCode = work.register(facts);
    work.work(caseCode, "Task_CaseConsultation", Map.of("leadUnit", "JUSTICE"));
    while (work.openTasks(caseCode).contains("Task_DepartmentHandling")) {
      work.work(caseCode, "Task_DepartmentHandling", Map.of("handlingNote", "已处置"));
    }
    work.work(caseCode, "Task_FollowJointHandling", Map.of());
    work.work(caseCode, "Task_RecordConsent", Map.of("partiesConsent", "YES"));
    work.work(
        caseCode, "Task_Mediate", Map.of("mediationResult", "PERFORMED", "sessionNote", "当场履行"));
    close(work, caseCode, "PERFORMED");
    return caseCode;
  }

  /**
   * Nobody records the parties' consent: the clock runs out, the ladder climbs (催办, 升级, a
   * supervision order issued and answered), then consent, mediation performed on the spot, closed.
   */
  static String overdueUpTheLadder(CaseWork work) {
    work.moveClockTo(MONDAY_MORNING);
    String caseCode = work.register(ChainTest.villageNeighbourDispute());
    Date due = work.dueDate(caseCode, "Task_RecordConsent");
    OffsetDateTime now = due.toInstant().atOffset(ZoneOffset.ofHours(8)).plusMinutes(1);
    work.moveClockTo(now);
    Map<String, Map<String, Object>> rungForms =
        Map.of(
            "Task_AcknowledgeEscalation", Map.of("escalationAction", "已督促承办人"),
            "Task_IssueSupervisionOrder", Map.of("supervisionOrderText", "限期办结"),
            "Task_AnswerSupervisionOrder", Map.of("supervisionAnswer", "已办理"));
    int rungs = 0;
    for (int day = 0; day < 30; day++) {
      for (String open : work.openTasks(caseCode)) {
        if (rungForms.containsKey(open)) {
          work.work(caseCode, open, rungForms.get(open));
          rungs++;
        }
      }
      now = now.plusDays(1);
      work.moveClockTo(now);
    }
    if (rungs < 4) {
      throw new AssertionError("the ladder stopped after " + rungs + " rungs");
    }
    work.work(caseCode, "Task_RecordConsent", Map.of("partiesConsent", "YES"));
    work.work(
        caseCode, "Task_Mediate", Map.of("mediationResult", "PERFORMED", "sessionNote", "当场履行"));
    close(work, caseCode, "PERFORMED");
    return caseCode;
  }

  private static void close(CaseWork work, String caseCode, String reason) {
    work.work(
        caseCode,
        "Task_RecordClosure",
        Map.of("closureReason", reason, "satisfaction", "5", "closureSummary", "办结"));
    if (work.isOpen(caseCode)) {
      throw new AssertionError("case " + caseCode + " still open after closure");
    }
  }
}
