package cn.onedoor.intake;

import cn.onedoor.casefile.CaseCodes;
import cn.onedoor.casefile.CaseStage;
import cn.onedoor.casefile.ClosureReason;
import cn.onedoor.casefile.Limitation;
import cn.onedoor.deadline.DeadlineService;
import cn.onedoor.deadline.ProvisionalDeadlines;
import cn.onedoor.organisation.Units;
import cn.onedoor.routing.DisputeType;
import cn.onedoor.security.CaseAccess;
import cn.onedoor.web.InvalidParam;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the registry tells about a case: to staff (everything, personal data masked), to a party
 * (stage, next deadline, responsible unit, outcome; nobody's personal data), and in full to the
 * roles that need it, every such read recorded.
 */
@Service
public class CaseStatuses {

  public record Party(
      String role, String kind, String name, String idNumber, String creditCode, String mobile) {}

  public record FullParty(
      String role, String kind, String name, String idNumber, String creditCode, String mobile) {}

  public record Named(String code, String name) {}

  /**
   * @param provisional the due day counted a day of a year whose holiday notice is not published
   *     yet (暂定); it is recomputed when the notice is published
   * @param provisionalYear that year, or null
   */
  public record OpenClock(
      String name,
      String candidateGroup,
      String assignee,
      Instant startedAt,
      Instant dueAt,
      boolean overdue,
      boolean provisional,
      Integer provisionalYear) {}

  public record Escalation(
      String rung,
      String clockName,
      String targetGroup,
      Instant raisedAt,
      Instant answerDue,
      Instant answeredAt) {}

  public record HandOver(
      long id,
      String fromUnit,
      String toUnit,
      String handedBy,
      Instant handedAt,
      String reason,
      String answer,
      String answeredBy,
      Instant answeredAt,
      String objection) {}

  public record Closure(String reason, Instant closedAt) {}

  /**
   * A step of the case at court as the litigation diagram recorded it, e.g. JUDGMENT_DELIVERED
   * 第一审判决送达, APPEALED, REMANDED, JUDGMENT_EFFECTIVE with the rule (article) it became effective by;
   * fixed texts, no personal data.
   */
  public record CourtStep(String kind, String detail, Instant at) {}

  /**
   * A step of a channel's own procedure the party must be able to read, in the same shape: a
   * refusal or termination of legal aid with its reasons, an objection to the 县司法局 and its review;
   * a mediation clock counted from the day a traffic loss is known, paused for an appraisal and
   * resumed, extended by the parties' agreement.
   */
  public static final List<String> PROCEDURE_STEPS =
      List.of(
          "LEGAL_AID_REFUSED",
          "LEGAL_AID_TERMINATED",
          "LEGAL_AID_OBJECTION",
          "OBJECTION_REVIEWED",
          "MEDIATION_COUNTED",
          "CLOCK_PAUSED",
          "CLOCK_RESUMED",
          "MEDIATION_EXTENDED");

  public record StaffView(
      String caseCode,
      String source,
      String externalRef,
      Named disputeType,
      String summary,
      BigDecimal amount,
      LocalDate occurredOn,
      int partyCount,
      String reportLevel,
      Named town,
      Named village,
      String receivedBy,
      Instant registeredAt,
      Instant limitationInterruptedAt,
      Limitation.Period limitation,
      String stage,
      String stageName,
      Instant stageSince,
      String channel,
      String handlingLevel,
      String riskGrade,
      Named responsibleUnit,
      String responsibleOfficer,
      List<Party> parties,
      List<OpenClock> openClocks,
      List<Escalation> escalations,
      List<HandOver> handOvers,
      List<String> possibleDuplicates,
      Closure closure,
      List<CourtStep> court,
      List<CourtStep> procedure) {}

  /**
   * @param nextDeadlineProvisional the next deadline counted a day of a year whose holiday notice
   *     is not out yet
   * @param provisionalNote why, in the words the party reads (null when the deadline is final)
   */
  public record PartyView(
      String caseCode,
      String stage,
      String stageName,
      Instant registeredAt,
      Instant limitationInterruptedAt,
      Limitation.Period limitation,
      Named responsibleUnit,
      Instant nextDeadline,
      String nextStep,
      String outcome,
      Instant closedAt,
      boolean nextDeadlineProvisional,
      String provisionalNote,
      List<CourtStep> court,
      List<CourtStep> procedure) {}

  private final JdbcTemplate jdbc;
  private final Units units;
  private final CaseAccess access;
  private final ProvisionalDeadlines provisional;
  private final Clock clock;
  private final DeadlineService deadlines;

  CaseStatuses(
      JdbcTemplate jdbc,
      Units units,
      CaseAccess access,
      ProvisionalDeadlines provisional,
      Clock clock,
      DeadlineService deadlines) {
    this.deadlines = deadlines;
    this.provisional = provisional;
    this.jdbc = jdbc;
    this.units = units;
    this.access = access;
    this.clock = clock;
  }

  /** A case code as 一案一码 writes it, or a 400 naming {@code caseCode}. */
  public static String checkedCode(String caseCode) {
    if (!CaseCodes.wellFormed(caseCode)) {
      throw new IntakeRejectedException(
          List.of(new InvalidParam("caseCode", "案件编号格式应为“6位县代码-4位年份-6位序号”（短信告知的编号）")));
    }
    return caseCode;
  }

  public StaffView staffView(String caseCode) {
    Instant now = clock.instant();
    Map<String, String> unitNames = unitNames();
    Function<String, Named> named =
        code -> code == null ? null : new Named(code, unitNames.getOrDefault(code, code));
    return jdbc
        .query(
            """
        select d.*, p.stage, p.stage_since, p.channel, p.handling_level, p.risk_grade, p.current_unit, p.closed_at,
               p.closure_reason, p.mediation_ended_at
        from dispute_case d join case_progress p on p.case_code = d.case_code where d.case_code = ?""",
            (rs, row) ->
                new StaffView(
                    caseCode,
                    rs.getString("source"),
                    rs.getString("external_ref"),
                    disputeType(rs.getString("dispute_type")),
                    PersonalData.maskInText(rs.getString("summary")),
                    rs.getBigDecimal("amount"),
                    rs.getDate("occurred_on").toLocalDate(),
                    rs.getInt("party_count"),
                    rs.getString("report_level"),
                    named.apply(rs.getString("town_code")),
                    named.apply(rs.getString("village_code")),
                    rs.getString("received_by"),
                    instant(rs, "registered_at"),
                    Limitation.interruptedAt(rs.getString("source"), instant(rs, "registered_at")),
                    limitation(rs),
                    rs.getString("stage"),
                    stageName(rs.getString("stage")),
                    instant(rs, "stage_since"),
                    rs.getString("channel"),
                    rs.getString("handling_level"),
                    rs.getString("risk_grade"),
                    named.apply(rs.getString("current_unit")),
                    rs.getString("responsible_officer"),
                    maskedParties(caseCode),
                    openClocks(caseCode, now),
                    escalations(caseCode),
                    handOvers(caseCode),
                    possibleDuplicates(caseCode),
                    rs.getTimestamp("closed_at") == null
                        ? null
                        : new Closure(rs.getString("closure_reason"), instant(rs, "closed_at")),
                    courtSteps(caseCode),
                    procedureSteps(caseCode)),
            caseCode)
        .stream()
        .findFirst()
        .orElseThrow(() -> new CaseNotFoundException(caseCode));
  }

  /**
   * The party's view, once the last four digits of a party's mobile match. Shows where the case
   * stands and who handles it, never a name, number or summary.
   */
  public PartyView partyView(String caseCode, String mobileLast4) {
    Integer matches =
        jdbc.queryForObject(
            "select count(*) from case_party where case_code = ? and mobile like ?",
            Integer.class,
            caseCode,
            "%" + mobileLast4);
    if (matches == null || matches == 0) {
      throw new CaseNotFoundException(caseCode);
    }
    Map<String, String> unitNames = unitNames();
    Instant now = clock.instant();
    List<OpenClock> clocks = openClocks(caseCode, now);
    OpenClock next =
        clocks.stream()
            .filter(c -> c.dueAt() != null)
            .min(java.util.Comparator.comparing(OpenClock::dueAt))
            .orElse(null);
    return jdbc
        .query(
            """
            select p.*, d.source, d.dispute_type from case_progress p
            join dispute_case d on d.case_code = p.case_code where p.case_code = ?""",
            (rs, row) ->
                new PartyView(
                    caseCode,
                    rs.getString("stage"),
                    stageName(rs.getString("stage")),
                    instant(rs, "registered_at"),
                    Limitation.interruptedAt(rs.getString("source"), instant(rs, "registered_at")),
                    limitation(rs),
                    rs.getString("current_unit") == null
                        ? null
                        : new Named(
                            rs.getString("current_unit"),
                            unitNames.getOrDefault(rs.getString("current_unit"), "")),
                    next == null ? null : next.dueAt(),
                    next == null ? null : next.name(),
                    ClosureReason.chineseNameOf(rs.getString("closure_reason")),
                    instant(rs, "closed_at"),
                    next != null && next.provisional(),
                    next != null && next.provisional()
                        ? ProvisionalDeadlines.note(List.of(next.provisionalYear()))
                        : null,
                    courtSteps(caseCode),
                    procedureSteps(caseCode)),
            caseCode)
        .stream()
        .findFirst()
        .orElseThrow(() -> new CaseNotFoundException(caseCode));
  }

  /**
   * Full identities for a role that needs them; the read is recorded in the same transaction as it
   * happens.
   */
  @Transactional
  public List<FullParty> fullParties(String caseCode, String reader, String purpose) {
    if (purpose == null || purpose.isBlank() || purpose.length() > 200) {
      throw new IntakeRejectedException(List.of(new InvalidParam("purpose", "请写明读取用途（至多 200 字）")));
    }
    // One rule for every door (CaseAccess): a role whose work needs the full identity, the case in
    // its area.
    access.requireFullPersonalData(reader, caseCode);
    List<FullParty> parties =
        jdbc.query(
            "select * from case_party where case_code = ? order by position",
            (rs, row) ->
                new FullParty(
                    rs.getString("party_role"),
                    rs.getString("party_kind"),
                    rs.getString("name"),
                    rs.getString("id_number"),
                    rs.getString("credit_code"),
                    rs.getString("mobile")),
            caseCode);
    if (parties.isEmpty()) {
      throw new CaseNotFoundException(caseCode);
    }
    jdbc.update(
        "insert into personal_data_read (case_code, read_by, read_at, purpose) values (?, ?, ?, ?)",
        caseCode,
        reader,
        Timestamp.from(clock.instant()),
        // the purpose is free text: a number typed into it is masked like one in a summary
        PersonalData.maskInText(purpose));
    return parties;
  }

  /**
   * The limitation period of the case (Limitation): the new period runs from the end of mediation,
   * or from the closure of a case that had none.
   */
  private Limitation.Period limitation(ResultSet rs) throws SQLException {
    Instant ended = instant(rs, "mediation_ended_at");
    return Limitation.of(
        rs.getString("source"),
        rs.getString("dispute_type"),
        instant(rs, "registered_at"),
        ended != null ? ended : instant(rs, "closed_at"),
        deadlines.calendar());
  }

  private List<Party> maskedParties(String caseCode) {
    return jdbc.query(
        "select * from case_party where case_code = ? order by position",
        (rs, row) ->
            new Party(
                rs.getString("party_role"),
                rs.getString("party_kind"),
                rs.getString("name"),
                PersonalData.maskResidentId(rs.getString("id_number")),
                rs.getString("credit_code"),
                PersonalData.maskMobile(rs.getString("mobile"))),
        caseCode);
  }

  private List<OpenClock> openClocks(String caseCode, Instant now) {
    Map<Instant, Integer> provisionalDays = provisional.ofCase(caseCode);
    return jdbc.query(
        """
        select * from case_clock where case_code = ? and ended_at is null order by due_at, started_at""",
        (rs, row) -> {
          Instant due = instant(rs, "due_at");
          Integer year = due == null ? null : provisionalDays.get(due);
          return new OpenClock(
              rs.getString("name"),
              rs.getString("candidate_group"),
              rs.getString("assignee"),
              instant(rs, "started_at"),
              due,
              due != null && due.isBefore(now),
              year != null,
              year);
        },
        caseCode);
  }

  private List<Escalation> escalations(String caseCode) {
    return jdbc.query(
        "select * from case_escalation where case_code = ? order by raised_at, id",
        (rs, row) ->
            new Escalation(
                rs.getString("rung"),
                rs.getString("clock_name"),
                rs.getString("target_group"),
                instant(rs, "raised_at"),
                instant(rs, "answer_due"),
                instant(rs, "answered_at")),
        caseCode);
  }

  /**
   * A confirmation application not accepted, instances (审级), appeals, remands, trial-period
   * extensions and effectiveness, in order.
   */
  private List<CourtStep> courtSteps(String caseCode) {
    return jdbc.query(
        """
        select kind, detail, occurred_at from case_event where case_code = ?
        and kind in ('APPLICATION_NOT_ACCEPTED', 'JUDGMENT_DELIVERED', 'APPEALED', 'REMANDED',
                     'JUDGMENT_EFFECTIVE', 'TRIAL_CONTINUES', 'TRIAL_PERIOD_EXTENDED')
        order by occurred_at, id""",
        (rs, row) ->
            new CourtStep(rs.getString("kind"), rs.getString("detail"), instant(rs, "occurred_at")),
        caseCode);
  }

  private List<CourtStep> procedureSteps(String caseCode) {
    return jdbc.query(
        "select kind, detail, occurred_at from case_event where case_code = ? and kind in ("
            + String.join(", ", Collections.nCopies(PROCEDURE_STEPS.size(), "?"))
            + ") order by occurred_at, id",
        (rs, row) ->
            new CourtStep(rs.getString("kind"), rs.getString("detail"), instant(rs, "occurred_at")),
        Stream.concat(Stream.of(caseCode), PROCEDURE_STEPS.stream()).toArray());
  }

  private List<HandOver> handOvers(String caseCode) {
    return jdbc.query(
        "select * from case_hand_over where case_code = ? order by handed_at, id",
        (rs, row) ->
            new HandOver(
                rs.getLong("id"),
                rs.getString("from_unit"),
                rs.getString("to_unit"),
                rs.getString("handed_by"),
                instant(rs, "handed_at"),
                rs.getString("reason"),
                rs.getString("answer"),
                rs.getString("answered_by"),
                instant(rs, "answered_at"),
                rs.getString("objection")),
        caseCode);
  }

  private List<String> possibleDuplicates(String caseCode) {
    return jdbc.queryForList(
        "select linked_case_code from case_link where case_code = ? order by linked_case_code",
        String.class,
        caseCode);
  }

  private Map<String, String> unitNames() {
    return units.find(null, null).stream()
        .collect(Collectors.toMap(Units.Unit::code, Units.Unit::name, (first, second) -> first));
  }

  private static Named disputeType(String code) {
    for (DisputeType type : DisputeType.values()) {
      if (type.code().equals(code)) {
        return new Named(code, type.chineseName());
      }
    }
    return new Named(code, code);
  }

  private static String stageName(String stage) {
    try {
      return CaseStage.valueOf(stage).chineseName();
    } catch (IllegalArgumentException | NullPointerException unknown) {
      return stage;
    }
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
