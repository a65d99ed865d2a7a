package cn.onedoor.supervision;

import cn.onedoor.casefile.CaseJournal;
import cn.onedoor.deadline.ProcessDeadlines;
import cn.onedoor.identity.SystemUser;
import cn.onedoor.intake.PersonalData;
import cn.onedoor.organisation.UnitGroups;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Supervision orders (督办令), supervision-order.bpmn: issued on the supervisors' page or by the
 * ladder's order rung, answered by the unit in its Tasklist form, pressed again one level up when
 * the answer is late. Each step is a row in case_escalation and a line in the case's journal.
 */
@Component("supervisionOrders")
public class SupervisionOrders {

  static final String PROCESS_KEY = "supervision-order";

  /** An order issued on the page, as the case file will show it. */
  public record Issued(
      String caseCode,
      long escalationId,
      String answeringGroup,
      Date answerDue,
      String clockName) {}

  private final JdbcTemplate jdbc;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final ProcessDeadlines deadlines;
  private final UnitGroups unitGroups;
  private final Escalations escalations;
  private final CaseJournal journal;
  private final EscalationLadder ladder;

  SupervisionOrders(
      JdbcTemplate jdbc,
      RuntimeService runtimeService,
      IdentityService identityService,
      ProcessDeadlines deadlines,
      UnitGroups unitGroups,
      Escalations escalations,
      CaseJournal journal,
      EscalationLadder ladder) {
    this.jdbc = jdbc;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.deadlines = deadlines;
    this.unitGroups = unitGroups;
    this.escalations = escalations;
    this.journal = journal;
    this.ladder = ladder;
  }

  /**
   * Issues an order from the page. The unit that works the case now answers: the group of its most
   * urgent open clock (e.g. the village mediators), or the supervisor of the unit holding it when
   * no task waits. A late answer goes one level above the issuer: a town's order to the county
   * supervisors, the county's to the county leaders.
   */
  public Issued issue(
      String caseCode, String orderText, int answerWithinWorkingDays, SupervisionScope issuer) {
    Map<String, Object> facts =
        jdbc.queryForMap(
            """
        select p.channel, p.handling_level, p.risk_grade, p.town_code, p.village_code, d.summary
        from case_progress p join dispute_case d on d.case_code = p.case_code where p.case_code = ?""",
            caseCode);
    List<Map<String, Object>> clocks =
        jdbc.queryForList(
            """
        select name, candidate_group from case_clock where case_code = ? and ended_at is null and clock_kind = 'WORK'
        order by due_at, started_at""",
            caseCode);
    String handlingLevel = (String) facts.get("handling_level");
    String townCode = (String) facts.get("town_code");
    String answeringGroup =
        clocks.isEmpty() || clocks.get(0).get("candidate_group") == null
            ? unitGroups.supervisorOf(handlingLevel, townCode)
            : (String) clocks.get(0).get("candidate_group");
    String clockName = clocks.isEmpty() ? "案件办理" : (String) clocks.get(0).get("name");
    Date answerDue = deadlines.workingDays(deadlines.now(), answerWithinWorkingDays);

    Map<String, Object> variables = new HashMap<>();
    variables.put("caseCode", caseCode);
    variables.put("channel", facts.get("channel"));
    variables.put("handlingLevel", handlingLevel);
    variables.put("riskGrade", facts.get("risk_grade"));
    variables.put("townCode", townCode);
    variables.put("villageCode", facts.get("village_code"));
    variables.put("summary", PersonalData.maskInText((String) facts.get("summary")));
    variables.put("supervisionOrderText", orderText);
    variables.put("answeringGroup", answeringGroup);
    variables.put("answerDue", answerDue);
    variables.put(
        "overdueGroup",
        SupervisionScope.TOWN.equals(issuer.level())
            ? unitGroups.countySupervisors()
            : unitGroups.countyLeaders());
    variables.put("clockName", clockName);
    variables.put("issuedBy", issuer.userId());
    variables.put("orderRung", EscalationRung.SUPERVISION_ORDER.name());
    // The issuer's scope was checked by the page's API; the order itself is the system's act, as a
    // registration is.
    return SystemUser.call(
        identityService,
        () -> {
          var instance = runtimeService.startProcessInstanceByKey(PROCESS_KEY, caseCode, variables);
          long id =
              ((Number) runtimeService.getVariable(instance.getId(), "escalationId")).longValue();
          return new Issued(caseCode, id, answeringGroup, answerDue, clockName);
        });
  }

  /**
   * Start of supervision-order: the ladder's order row gets its text, or a page order gets its own
   * row.
   */
  public void issued(DelegateExecution execution) {
    String caseCode = execution.getProcessBusinessKey();
    String text = (String) execution.getVariable("supervisionOrderText");
    String answeringGroup = (String) execution.getVariable("answeringGroup");
    Date answerDue = (Date) execution.getVariable("answerDue");
    String issuedBy =
        execution.hasVariable("issuedBy")
            ? (String) execution.getVariable("issuedBy")
            : currentUser();
    Object ladderRow = execution.getVariable("escalationId");
    long id;
    if (ladderRow != null) {
      id = ((Number) ladderRow).longValue();
    } else {
      id =
          escalations.raise(
              caseCode,
              execution.getProcessInstanceId(),
              EscalationRung.SUPERVISION_ORDER.name(),
              (String) execution.getVariable("clockName"),
              answeringGroup,
              answerDue,
              Escalations.PAGE);
    }
    escalations.issued(id, text, issuedBy, answeringGroup, answerDue);
    execution.setVariableLocal("escalationId", id);
    journal.record(
        caseCode,
        "SUPERVISION_ORDER",
        null,
        "督办令 → " + answeringGroup + "，答复期限 " + day(answerDue) + "：" + text,
        issuedBy);
  }

  /** The unit's answer closes the order (and any pressing of it one level up). */
  public void answered(DelegateTask task) {
    long id = ((Number) task.getVariable("escalationId")).longValue();
    String answer = (String) task.getVariable("supervisionAnswer");
    String by = ladder.actor(task);
    escalations.answered(id, answer, by);
    escalations.closeOverdueOf(task.getProcessInstanceId(), "承办单位已答复督办令");
    journal.record(
        task.getExecution().getProcessBusinessKey(), "SUPERVISION_ANSWERED", null, answer, by);
  }

  /**
   * No answer by the deadline: the level above the issuer is asked to press again (a row of its
   * own).
   */
  public void overdue(DelegateExecution execution) {
    String group = (String) execution.getVariable("overdueGroup");
    String clockName = "督办令逾期未答复：" + execution.getVariable("clockName");
    long id =
        escalations.raise(
            execution.getProcessBusinessKey(),
            execution.getProcessInstanceId(),
            EscalationRung.ORDER_OVERDUE.name(),
            clockName,
            group,
            ladder.acknowledgeDue(),
            execution.hasVariable("issuedBy") ? Escalations.PAGE : Escalations.LADDER);
    execution.setVariableLocal("overdueEscalationId", id);
    journal.record(
        execution.getProcessBusinessKey(), "ESCALATION", null, clockName + " → " + group, null);
  }

  public void pressed(DelegateTask task) {
    Object id = task.getVariable("overdueEscalationId");
    if (id != null) {
      escalations.answered(
          ((Number) id).longValue(),
          (String) task.getVariable("escalationAction"),
          ladder.actor(task));
    }
  }

  private String currentUser() {
    var authentication = identityService.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  private static String day(Date date) {
    if (date == null) {
      return "—";
    }
    SimpleDateFormat format = new SimpleDateFormat("yyyy年M月d日");
    format.setTimeZone(TimeZone.getTimeZone("Asia/Shanghai"));
    return format.format(date);
  }
}
