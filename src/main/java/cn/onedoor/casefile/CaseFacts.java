package cn.onedoor.casefile;

import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The registered facts of a case, read from the registry (dispute_case) by the case code, the
 * business key of every process of the case. A process that only hands a fact on to the process it
 * calls (case-routing to joint-handling, escalation-ladder to each rung) reads it here in the call
 * activity's {@code camunda:in sourceExpression} instead of carrying its own copy as a variable:
 * each copy is a runtime row and a history row per process instance (docs/benchmarks.md, "Variables
 * a case carries").
 */
@Component("caseFacts")
public class CaseFacts {

  private final JdbcTemplate jdbc;

  CaseFacts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The summary as registered, its ID numbers and mobiles masked at rest (null if unknown). */
  public String summary(DelegateExecution execution) {
    return column("summary", execution);
  }

  /** The town (乡镇) the case was registered for: the town supervisors' filters match on it. */
  public String townCode(DelegateExecution execution) {
    return column("town_code", execution);
  }

  /** The door the case came in by (WINDOW, GRID, ...). */
  public String source(DelegateExecution execution) {
    return column("source", execution);
  }

  /** The dispute type (纠纷类型) the routing and police tables and the court's forms read. */
  public String disputeType(DelegateExecution execution) {
    return column("dispute_type", execution);
  }

  public Boolean violence(DelegateExecution execution) {
    return column("violence", Boolean.class, execution);
  }

  public Boolean crimeSuspected(DelegateExecution execution) {
    return column("crime_suspected", Boolean.class, execution);
  }

  /** Whether another body accepted the dispute already (NONE, COURT, POLICE, ...). */
  public String acceptedElsewhere(DelegateExecution execution) {
    return column("accepted_elsewhere", execution);
  }

  // The facts only the routing tables read (case-routing.bpmn: risk-grading, channel-routing), in
  // the types the intake used to put them in as variables, so the decisions and their history
  // (read by the decision what-if) see the same inputs.

  public Double amount(DelegateExecution execution) {
    BigDecimal amount = column("amount", BigDecimal.class, execution);
    return amount == null ? null : amount.doubleValue();
  }

  /** The level the case was reported at (上报层级: VILLAGE, TOWN, COUNTY). */
  public String level(DelegateExecution execution) {
    return column("report_level", execution);
  }

  public Integer partyCount(DelegateExecution execution) {
    return column("party_count", Integer.class, execution);
  }

  public Boolean injury(DelegateExecution execution) {
    return column("injury", Boolean.class, execution);
  }

  public Boolean governmentBodyParty(DelegateExecution execution) {
    return column("government_body_party", Boolean.class, execution);
  }

  public Boolean consentToMediation(DelegateExecution execution) {
    return column("consent_to_mediation", Boolean.class, execution);
  }

  private String column(String column, DelegateExecution execution) {
    return column(column, String.class, execution);
  }

  private <T> T column(String column, Class<T> type, DelegateExecution execution) {
    List<T> values =
        jdbc.queryForList(
            "select " + column + " from dispute_case where case_code = ?",
            type,
            execution.getProcessBusinessKey());
    return values.isEmpty() ? null : values.get(0);
  }
}
