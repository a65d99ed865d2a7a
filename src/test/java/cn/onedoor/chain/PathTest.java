package cn.onedoor.chain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.casefile.CaseJournal;
import cn.onedoor.deadline.ProcessDeadlines;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Helpers of the path tests: a stage started on its own, its variables and end as history keeps
 * them.
 */
public abstract class PathTest extends ChainTest {

  protected static final String VILLAGE_MEDIATORS = "mediator:village:511725104001";
  protected static final String TOWN_MEDIATORS = "mediator:town:511725104";
  protected static final String COUNTY_MEDIATORS = "mediator:county:511725";
  protected static final String TOWN_SUPERVISORS = "supervisor:town:511725104";
  protected static final String COUNTY_SUPERVISORS = "supervisor:county:511725";
  protected static final String COURT_LIAISONS = "court:county:511725";
  protected static final String LEGAL_AID_OFFICERS = "legalaid:county:511725";

  private static int stageCaseNumber = 700000;

  @Autowired protected ProcessDeadlines deadlines;

  /**
   * Starts one stage's process on its own, business key = a fresh case code, as its caller would.
   */
  protected String startStage(String processKey, Map<String, Object> variables) {
    String caseCode = "511725-2026-" + (++stageCaseNumber);
    runtimeService.startProcessInstanceByKey(processKey, caseCode, new HashMap<>(variables));
    runJobs();
    return caseCode;
  }

  /** The unit codes a village case carries into every stage. */
  protected static Map<String, Object> villageCase() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("channel", "PEOPLES_VILLAGE");
    variables.put("handlingLevel", "VILLAGE");
    variables.put("townCode", "511725104");
    variables.put("villageCode", "511725104001");
    variables.put("riskGrade", "BLUE");
    variables.put("disputeType", "NEIGHBOUR");
    return variables;
  }

  protected HistoricProcessInstance stageInstance(String caseCode, String processKey) {
    List<HistoricProcessInstance> instances =
        historyService
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(caseCode)
            .processDefinitionKey(processKey)
            .orderByProcessInstanceStartTime()
            .desc()
            .list();
    assertThat(instances).as("instances of %s for case %s", processKey, caseCode).isNotEmpty();
    return instances.get(0);
  }

  protected boolean stageEnded(String caseCode, String processKey) {
    return stageInstance(caseCode, processKey).getEndTime() != null;
  }

  /** The last value of a variable of the (latest) instance of a stage. */
  protected Object variable(String caseCode, String processKey, String name) {
    List<HistoricVariableInstance> values =
        historyService
            .createHistoricVariableInstanceQuery()
            .processInstanceId(stageInstance(caseCode, processKey).getId())
            .variableName(name)
            .list();
    return values.stream()
        .filter(value -> value.getExecutionId() != null)
        .filter(value -> value.getExecutionId().equals(value.getProcessInstanceId()))
        .findFirst()
        .or(() -> values.stream().findFirst())
        .map(HistoricVariableInstance::getValue)
        .orElse(null);
  }

  /**
   * Activities passed by every instance of a process under this case code (e.g. all rungs of a
   * ladder).
   */
  protected List<String> passedInAnyInstance(String caseCode, String processKey) {
    return historyService
        .createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseCode)
        .processDefinitionKey(processKey)
        .list()
        .stream()
        .flatMap(
            instance ->
                historyService
                    .createHistoricActivityInstanceQuery()
                    .processInstanceId(instance.getId())
                    .list()
                    .stream())
        .map(activity -> activity.getActivityId())
        .toList();
  }

  protected List<String> eventKinds(String caseCode) {
    return journal.events(caseCode).stream().map(CaseJournal.Event::kind).toList();
  }

  protected List<String> eventDetails(String caseCode, String kind) {
    return journal.events(caseCode).stream()
        .filter(event -> kind.equals(event.kind()))
        .map(CaseJournal.Event::detail)
        .toList();
  }

  protected List<String> outboundSteps(String caseCode) {
    return outbound.forCase(caseCode).stream().map(request -> request.step()).toList();
  }

  protected Date dueDate(String caseCode, String taskKey) {
    return task(caseCode, taskKey).getDueDate();
  }

  /** A moment just after a deadline (deadlines end at 23:59:59 Beijing time). */
  protected static OffsetDateTime justAfter(Date deadline) {
    return deadline.toInstant().atOffset(ZoneOffset.ofHours(8)).plusMinutes(1);
  }

  /** Today in Beijing by the engine's clock: the day a court answering now files the case. */
  protected static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.ofHours(8));
  }

  protected static Date endOfDay(String isoDay) {
    return Date.from(OffsetDateTime.parse(isoDay + "T23:59:59+08:00").toInstant());
  }

  /**
   * Not eligible for legal aid: after the written refusal ({@link #refusalWrittenAndNotObjectedTo})
   * the party represents themself (also the fault suite's litigation path).
   */
  public static Map<String, Object> notEligibleForLegalAid() {
    return Map.of(
        "applicantCategory",
        "NONE",
        "aidMatter",
        "OTHER_NOT_COVERED",
        "monthlyIncomePerCapita",
        5000,
        "papersComplete",
        true,
        "urgent",
        false);
  }

  /**
   * The legal-aid officer writes the refusal with its reasons (法律援助法 art 43) and the applicant does
   * not object: the representation stage ends without legal aid.
   */
  protected void refusalWrittenAndNotObjectedTo(String caseCode) {
    complete(
        caseCode,
        "Task_WriteRefusalDecision",
        LEGAL_AID_OFFICERS,
        Map.of("legalAidRefusalReasons", "申请事项不属于法律援助范围（法律援助法第31条）"));
    complete(caseCode, "Task_RecordObjection", LEGAL_AID_OFFICERS, Map.of("objects", false));
  }

  /** Eligible for legal aid (a migrant worker's wages, low income, papers complete), not urgent. */
  public static Map<String, Object> eligibleForLegalAid() {
    return Map.of(
        "applicantCategory",
        "MIGRANT_WORKER_WAGES_OR_INJURY",
        "aidMatter",
        "LABOUR_REMUNERATION",
        "monthlyIncomePerCapita",
        800,
        "papersComplete",
        true,
        "urgent",
        false);
  }
}
