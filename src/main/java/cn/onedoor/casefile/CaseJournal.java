package cn.onedoor.casefile;

import cn.onedoor.organisation.UnitGroups;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Where each case stands and what happened to it, in our own tables (not in engine history). */
@Service
public class CaseJournal {

  public record Event(
      String caseCode,
      Instant occurredAt,
      String kind,
      String stage,
      String detail,
      String actor) {}

  public record Progress(
      String caseCode,
      CaseStage stage,
      String channel,
      String handlingLevel,
      String riskGrade,
      Instant registeredAt,
      Instant closedAt,
      String closureReason) {}

  private final JdbcTemplate jdbc;
  private final UnitGroups unitGroups;
  private final Clock clock;

  CaseJournal(JdbcTemplate jdbc, UnitGroups unitGroups, Clock clock) {
    this.jdbc = jdbc;
    this.unitGroups = unitGroups;
    this.clock = clock;
  }

  /**
   * A case enters the journal from the registry, never without it: the registry row is what every
   * door writes (the intake), so a case started around it (a bare engine start) fails here instead
   * of living without parties.
   */
  public void registered(String caseCode) {
    int registered =
        jdbc.update(
            """
        insert into case_progress (case_code, stage, stage_since, registered_at, current_unit, town_code, village_code,
          dispute_type)
        select case_code, ?, registered_at, registered_at, responsible_unit, town_code, village_code, dispute_type
        from dispute_case where case_code = ?""",
            CaseStage.INTAKE.name(),
            caseCode);
    if (registered == 0) {
      throw new CaseNotRegisteredException(caseCode);
    }
    // The officer (or sending system) who received the case, as the registry holds it: the process
    // carries no copy of it.
    String actor =
        jdbc.queryForObject(
            "select received_by from dispute_case where case_code = ?", String.class, caseCode);
    record(caseCode, "REGISTERED", CaseStage.INTAKE, null, actor);
  }

  public void stageEntered(String caseCode, CaseStage stage) {
    jdbc.update(
        "update case_progress set stage = ?, stage_since = ? where case_code = ?",
        stage.name(),
        now(),
        caseCode);
    if (stage == CaseStage.LITIGATION_MEDIATION) {
      // The first time a case goes to court counts for litigation per 10,000 inhabitants (万人成讼率).
      jdbc.update(
          "update case_progress set litigation_at = ? where case_code = ? and litigation_at is null",
          now(),
          caseCode);
    }
    record(caseCode, "STAGE", stage, null, null);
  }

  public void routed(String caseCode, String channel, String handlingLevel, String riskGrade) {
    jdbc.update(
        "update case_progress set channel = ?, handling_level = ?, risk_grade = ? where case_code = ?",
        channel,
        handlingLevel,
        riskGrade,
        caseCode);
    record(
        caseCode,
        "ROUTED",
        CaseStage.ROUTING,
        channel + " / " + handlingLevel + " / " + riskGrade,
        null);
    moveTo(caseCode, "研判分流：" + channel, null);
  }

  public void handedOver(String caseCode, String toLevel, String reason) {
    handedOver(caseCode, toLevel, reason, null);
  }

  /**
   * @param actor the person whose step handed the case over (the audit trail names them), or null
   *     when the system did (a clock ran out)
   */
  public void handedOver(String caseCode, String toLevel, String reason, String actor) {
    jdbc.update(
        "update case_progress set handling_level = ? where case_code = ?", toLevel, caseCode);
    record(caseCode, "HANDED_OVER", null, toLevel + "：" + reason, actor);
    moveTo(caseCode, reason, actor);
  }

  /**
   * The case's unit follows its channel and level. A move to another unit is a hand-over (移交), open
   * until someone of the receiving unit takes up the case ({@link #takenUp}); until then the
   * first-responsible officer stays.
   */
  private void moveTo(String caseCode, String reason, String actor) {
    jdbc.query(
        "select * from case_progress where case_code = ?",
        rs -> {
          String from = rs.getString("current_unit");
          String to =
              unitGroups.responsibleUnit(
                  rs.getString("channel"),
                  rs.getString("handling_level"),
                  rs.getString("town_code"),
                  rs.getString("village_code"));
          if (!to.equals(from)) {
            jdbc.update(
                "update case_progress set current_unit = ? where case_code = ?", to, caseCode);
            jdbc.update(
                """
            insert into case_hand_over (case_code, from_unit, to_unit, handed_by, handed_at, reason)
            values (?, ?, ?, ?, ?, ?)""",
                caseCode,
                from,
                to,
                actor,
                now(),
                reason.length() > 500 ? reason.substring(0, 500) : reason);
          }
        },
        caseCode);
  }

  /**
   * Someone of the receiving unit completed a task of the case: the hand-over is accepted, and that
   * person is now first-responsible (首问负责 passes on acceptance).
   */
  public void takenUp(String caseCode, String unit, String person) {
    int accepted =
        jdbc.update(
            """
        update case_hand_over set answer = 'ACCEPTED', answered_by = ?, answered_at = ?
        where case_code = ? and to_unit = ? and answer is null""",
            person,
            now(),
            caseCode,
            unit);
    if (accepted > 0 && person != null) {
      jdbc.update(
          "update dispute_case set responsible_officer = ?, responsible_unit = ? where case_code = ?",
          person,
          unit,
          caseCode);
      record(caseCode, "HAND_OVER_ACCEPTED", null, unit, person);
    }
  }

  /**
   * How mediation ended (the last attempt, when a case is mediated again): the page's mediation
   * success rate.
   */
  public void mediationEnded(String caseCode, String outcome) {
    jdbc.update(
        "update case_progress set mediation_outcome = ?, mediation_ended_at = ? where case_code = ?",
        outcome,
        now(),
        caseCode);
    record(caseCode, "MEDIATION_ENDED", CaseStage.MEDIATION, outcome, null);
  }

  public void closed(String caseCode, String reason) {
    Timestamp now = now();
    jdbc.update(
        "update case_progress set stage = ?, stage_since = ?, closed_at = ?, closure_reason = ? where case_code = ?",
        CaseStage.CLOSED.name(),
        now,
        now,
        reason,
        caseCode);
    record(caseCode, "CLOSED", CaseStage.CLOSED, reason, null);
  }

  public void record(String caseCode, String kind, CaseStage stage, String detail, String actor) {
    jdbc.update(
        "insert into case_event (case_code, occurred_at, kind, stage, detail, actor) values (?, ?, ?, ?, ?, ?)",
        caseCode,
        now(),
        kind,
        stage == null ? null : stage.name(),
        detail,
        actor);
  }

  public Progress progress(String caseCode) {
    return jdbc
        .query(
            "select * from case_progress where case_code = ?",
            (rs, row) ->
                new Progress(
                    rs.getString("case_code"),
                    CaseStage.valueOf(rs.getString("stage")),
                    rs.getString("channel"),
                    rs.getString("handling_level"),
                    rs.getString("risk_grade"),
                    instant(rs.getTimestamp("registered_at")),
                    instant(rs.getTimestamp("closed_at")),
                    rs.getString("closure_reason")),
            caseCode)
        .stream()
        .findFirst()
        .orElse(null);
  }

  public List<Event> events(String caseCode) {
    return jdbc.query(
        "select * from case_event where case_code = ? order by occurred_at, id",
        (rs, row) ->
            new Event(
                rs.getString("case_code"),
                instant(rs.getTimestamp("occurred_at")),
                rs.getString("kind"),
                rs.getString("stage"),
                rs.getString("detail"),
                rs.getString("actor")),
        caseCode);
  }

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
