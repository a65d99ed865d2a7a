package cn.onedoor.routing;

import cn.onedoor.casefile.CaseFacts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * The registered facts case-routing's decision tables read (risk-grading, channel-routing,
 * joint-departments) and its stage listener, passed in by the main case's routing call ({@code
 * camunda:in sourceExpression="${routingFacts.amount(execution)}"}) as <em>transient</em> values:
 * case-routing runs from its start to the joint-departments table in the one transaction of that
 * call, the tables read them there and the decision history (act_hi_dec_in, which the decision
 * what-if reads) records them, but they are never stored as variables of the case or of
 * case-routing (ten variables fewer per case, each one a runtime row and history rows). The
 * registry keeps them (dispute_case). A wait state placed before those tables would lose them and
 * the table would fail naming the input; what case-routing reads after a wait
 * (arbitration-first.dmn: the dispute type) is passed as an ordinary variable.
 */
@Component("routingFacts")
public class RoutingFacts {

  private final CaseFacts facts;

  RoutingFacts(CaseFacts facts) {
    this.facts = facts;
  }

  /**
   * The door the case came in by; read again by each stage's report as the main case's variable.
   */
  public TypedValue source(DelegateExecution execution) {
    return Variables.stringValue(facts.source(execution), true);
  }

  public TypedValue amount(DelegateExecution execution) {
    return Variables.doubleValue(facts.amount(execution), true);
  }

  public TypedValue level(DelegateExecution execution) {
    return Variables.stringValue(facts.level(execution), true);
  }

  public TypedValue partyCount(DelegateExecution execution) {
    return Variables.integerValue(facts.partyCount(execution), true);
  }

  public TypedValue injury(DelegateExecution execution) {
    return Variables.booleanValue(facts.injury(execution), true);
  }

  public TypedValue violence(DelegateExecution execution) {
    return Variables.booleanValue(facts.violence(execution), true);
  }

  public TypedValue crimeSuspected(DelegateExecution execution) {
    return Variables.booleanValue(facts.crimeSuspected(execution), true);
  }

  public TypedValue governmentBodyParty(DelegateExecution execution) {
    return Variables.booleanValue(facts.governmentBodyParty(execution), true);
  }

  public TypedValue acceptedElsewhere(DelegateExecution execution) {
    return Variables.stringValue(facts.acceptedElsewhere(execution), true);
  }

  public TypedValue consentToMediation(DelegateExecution execution) {
    return Variables.booleanValue(facts.consentToMediation(execution), true);
  }
}
