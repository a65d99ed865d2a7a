package cn.onedoor.intake;

import cn.onedoor.casefile.CaseJournal;
import cn.onedoor.deadline.ProcessDeadlines;
import cn.onedoor.web.InvalidParam;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A receiving unit may object to a wrong transfer within 5 working days (docs/domain.md §4.1). The
 * objection is recorded on the hand-over and in the case's journal, where the supervisors see it;
 * the case stays with the receiving unit until a supervisor re-routes it, so that no case is ever
 * left without a unit.
 */
@Service
class HandOvers {

  static final int OBJECTION_WORKING_DAYS = 5;

  private final JdbcTemplate jdbc;
  private final IdentityService identityService;
  private final ProcessDeadlines deadlines;
  private final CaseJournal journal;
  private final Clock clock;

  HandOvers(
      JdbcTemplate jdbc,
      IdentityService identityService,
      ProcessDeadlines deadlines,
      CaseJournal journal,
      Clock clock) {
    this.jdbc = jdbc;
    this.identityService = identityService;
    this.deadlines = deadlines;
    this.journal = journal;
    this.clock = clock;
  }

  @Transactional
  public void object(String caseCode, long handOverId, String person, String reason) {
    if (reason == null || reason.isBlank() || reason.length() > 500) {
      throw new IntakeRejectedException(List.of(new InvalidParam("reason", "请写明异议理由（至多 500 字）")));
    }
    Map<String, Object> handOver =
        jdbc
            .queryForList(
                "select * from case_hand_over where id = ? and case_code = ?", handOverId, caseCode)
            .stream()
            .findFirst()
            .orElseThrow(() -> new CaseNotFoundException(caseCode + " 的移交记录 " + handOverId));
    String toUnit = (String) handOver.get("to_unit");
    boolean ofTheReceivingUnit =
        identityService.createGroupQuery().groupMember(person).list().stream()
            .map(Group::getId)
            .anyMatch(group -> group.endsWith(":" + toUnit));
    if (!ofTheReceivingUnit) {
      throw new HandOverRefusedException(403, "只有接收单位的人员可以对移交提出异议");
    }
    if (handOver.get("answer") != null) {
      throw new HandOverRefusedException(
          409, "该移交已" + ("ACCEPTED".equals(handOver.get("answer")) ? "接收" : "提出异议"));
    }
    Date until = deadlines.workingDays(handOver.get("handed_at"), OBJECTION_WORKING_DAYS);
    if (clock.instant().isAfter(until.toInstant())) {
      throw new HandOverRefusedException(409, "异议期（移交后 " + OBJECTION_WORKING_DAYS + " 个工作日）已过");
    }
    jdbc.update(
        """
        update case_hand_over set answer = 'OBJECTED', answered_by = ?, answered_at = ?, objection = ?
        where id = ? and answer is null""",
        person,
        Timestamp.from(clock.instant()),
        reason,
        handOverId);
    journal.record(caseCode, "HAND_OVER_OBJECTED", null, toUnit + " 对移交提出异议：" + reason, person);
  }
}
