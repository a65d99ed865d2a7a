package cn.onedoor.decisions;

import static cn.onedoor.decisions.DecisionTables.vars;
import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.decisions.DecisionTables.RuleCase;
import cn.onedoor.supervision.EscalationRung;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * escalation-policy.dmn: RULE ORDER; the process reads the result list (one map per rung, in
 * ascending offset order) and arms one timer per rung relative to the clock's due date.
 */
class EscalationPolicyTest {

  private static final String FILE = "escalation-policy";
  private static final DmnDecision DECISION =
      DecisionTables.decision(DecisionTables.ENGINE, FILE, FILE);
  private static final List<String> MANDATORY =
      List.of("REMINDER", "CHASE_UP", "ESCALATE", "SUPERVISION_ORDER");
  private static final Map<String, String> TARGET_OF_RUNG =
      Map.of(
          "REMINDER",
          "ASSIGNEE",
          "CHASE_UP",
          "UNIT_SUPERVISOR",
          "ESCALATE",
          "NEXT_LEVEL_SUPERVISOR",
          "SUPERVISION_ORDER",
          "COUNTY_SUPERVISOR",
          "LEADER_LISTED",
          "COUNTY_LEADER");
  private static final List<String> SHORT_CHANNELS = List.of("POLICE", "COMMITTEE_TRAFFIC");

  static Stream<RuleCase> rules() {
    return Stream.of(
        row(
            "Rule_EP_Reminder_Standard",
            "PEOPLES_VILLAGE",
            "BLUE",
            "REMINDER",
            "-P3D",
            "ASSIGNEE",
            ""),
        row("Rule_EP_Reminder_Short", "POLICE", "BLUE", "REMINDER", "-P1D", "ASSIGNEE", ""),
        row("Rule_EP_Reminder_NoMediation", "NONE", "YELLOW", "REMINDER", "-PT4H", "ASSIGNEE", ""),
        row(
            "Rule_EP_ChaseUp",
            "COMMITTEE_MEDICAL",
            "RED",
            "CHASE_UP",
            "PT0S",
            "UNIT_SUPERVISOR",
            ""),
        row(
            "Rule_EP_Escalate_Standard_Blue",
            "PEOPLES_TOWN",
            "BLUE",
            "ESCALATE",
            "P5D",
            "NEXT_LEVEL_SUPERVISOR",
            ""),
        row(
            "Rule_EP_Escalate_Standard_Yellow",
            "COURT",
            "YELLOW",
            "ESCALATE",
            "P3D",
            "NEXT_LEVEL_SUPERVISOR",
            ""),
        row(
            "Rule_EP_Escalate_Standard_Orange",
            "PETITION",
            "ORANGE",
            "ESCALATE",
            "P2D",
            "NEXT_LEVEL_SUPERVISOR",
            ""),
        row(
            "Rule_EP_Escalate_Standard_Red",
            "ADMINISTRATIVE",
            "RED",
            "ESCALATE",
            "P1D",
            "NEXT_LEVEL_SUPERVISOR",
            ""),
        row(
            "Rule_EP_Escalate_Short_Low",
            "COMMITTEE_TRAFFIC",
            "YELLOW",
            "ESCALATE",
            "P1D",
            "NEXT_LEVEL_SUPERVISOR",
            ""),
        row(
            "Rule_EP_Escalate_Short_High",
            "POLICE",
            "ORANGE",
            "ESCALATE",
            "PT12H",
            "NEXT_LEVEL_SUPERVISOR",
            ""),
        row(
            "Rule_EP_Supervise_Standard_Blue",
            "PEOPLES_COUNTY",
            "BLUE",
            "SUPERVISION_ORDER",
            "P10D",
            "COUNTY_SUPERVISOR",
            "P5D"),
        row(
            "Rule_EP_Supervise_Standard_Yellow",
            "COMMITTEE_LABOUR",
            "YELLOW",
            "SUPERVISION_ORDER",
            "P7D",
            "COUNTY_SUPERVISOR",
            "P5D"),
        row(
            "Rule_EP_Supervise_Standard_Orange",
            "ARBITRATION",
            "ORANGE",
            "SUPERVISION_ORDER",
            "P5D",
            "COUNTY_SUPERVISOR",
            "P3D"),
        row(
            "Rule_EP_Supervise_Standard_Red",
            "PROCURATORATE",
            "RED",
            "SUPERVISION_ORDER",
            "P3D",
            "COUNTY_SUPERVISOR",
            "P1D"),
        row(
            "Rule_EP_Supervise_Short_Low",
            "NONE",
            "BLUE",
            "SUPERVISION_ORDER",
            "P3D",
            "COUNTY_SUPERVISOR",
            "P3D"),
        row(
            "Rule_EP_Supervise_Short_High",
            "COMMITTEE_TRAFFIC",
            "RED",
            "SUPERVISION_ORDER",
            "P2D",
            "COUNTY_SUPERVISOR",
            "P1D"),
        row(
            "Rule_EP_LeaderListed_Standard",
            "COMMITTEE_FAMILY",
            "RED",
            "LEADER_LISTED",
            "P5D",
            "COUNTY_LEADER",
            "P3D"),
        row(
            "Rule_EP_LeaderListed_Short",
            "POLICE",
            "RED",
            "LEADER_LISTED",
            "P3D",
            "COUNTY_LEADER",
            "P1D"));
  }

  private static RuleCase row(
      String ruleId,
      String channel,
      String grade,
      String rung,
      String offset,
      String target,
      String answerWithin) {
    return new RuleCase(
        ruleId,
        vars("channel", channel, "riskGrade", grade),
        Map.of("rung", rung, "offset", offset, "target", target, "answerWithin", answerWithin));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void eachRuleSetsItsRung(RuleCase row) {
    DecisionTables.assertRule(DECISION, row, false);
  }

  /**
   * The rungs the table names are the ladder's (supervision/EscalationRung: their order and
   * titles), in order.
   */
  @Test
  void everyRungOfTheTableIsARungOfTheLadderInItsOrder() {
    List<String> ladder = Stream.of(EscalationRung.values()).map(Enum::name).toList();
    List<String> named =
        rules().map(rule -> (String) rule.expected().get("rung")).distinct().toList();
    assertThat(ladder).containsAll(named);
    assertThat(named).isSortedAccordingTo(java.util.Comparator.comparingInt(ladder::indexOf));
  }

  @Test
  void everyRuleHasARow() {
    assertThat(rules().map(RuleCase::ruleId))
        .containsExactlyInAnyOrderElementsOf(DecisionTables.ruleIds(FILE, FILE));
  }

  @Test
  void everyChannelAndGradeHasTheFourMandatoryRungsInAscendingOffsetOrder() {
    for (String channel : Codes.CHANNELS) {
      for (String grade : Codes.RISK_GRADES) {
        List<Map<String, Object>> ladder = ladder(channel, grade);
        String context = channel + "/" + grade + " " + ladder;
        List<String> rungs = ladder.stream().map(r -> (String) r.get("rung")).toList();
        assertThat(rungs).as(context).doesNotHaveDuplicates().containsSubsequence(MANDATORY);
        assertThat(rungs)
            .as(context)
            .isEqualTo(grade.equals("RED") ? concat(MANDATORY, "LEADER_LISTED") : MANDATORY);
        List<Duration> offsets =
            ladder.stream().map(r -> Duration.parse((String) r.get("offset"))).toList();
        for (int i = 1; i < offsets.size(); i++) {
          assertThat(offsets.get(i)).as(context).isGreaterThan(offsets.get(i - 1));
        }
        assertThat(offsets.get(0)).as("the reminder comes before the due date").isNegative();
        assertThat(offsets.get(1)).as("the chase-up comes at the due date").isZero();
        for (Map<String, Object> rung : ladder) {
          assertThat(rung.get("target"))
              .as(context)
              .isEqualTo(TARGET_OF_RUNG.get(rung.get("rung")));
          String answerWithin = (String) rung.get("answerWithin");
          if (List.of("SUPERVISION_ORDER", "LEADER_LISTED").contains(rung.get("rung"))) {
            assertThat(Duration.parse(answerWithin)).as(context).isPositive();
          } else {
            assertThat(answerWithin).as(context).isEmpty();
          }
        }
      }
    }
  }

  /**
   * Higher risk never waits longer; short statutory channels never wait longer than ordinary ones.
   */
  @Test
  void gracePeriodsShrinkWithRiskAndForShortChannels() {
    for (String rung : List.of("ESCALATE", "SUPERVISION_ORDER")) {
      for (String channel : Codes.CHANNELS) {
        for (int i = 1; i < Codes.RISK_GRADES.size(); i++) {
          String higher = Codes.RISK_GRADES.get(i - 1);
          String lower = Codes.RISK_GRADES.get(i);
          assertThat(offset(channel, higher, rung))
              .as("%s %s: %s vs %s", channel, rung, higher, lower)
              .isLessThanOrEqualTo(offset(channel, lower, rung));
        }
        for (String grade : Codes.RISK_GRADES) {
          for (String shortChannel : SHORT_CHANNELS) {
            assertThat(offset(shortChannel, grade, rung))
                .as("%s vs %s, %s %s", shortChannel, channel, grade, rung)
                .isLessThanOrEqualTo(offset(channel, grade, rung));
          }
        }
      }
    }
    assertThat(offset("POLICE", "BLUE", "ESCALATE"))
        .isLessThan(offset("PEOPLES_VILLAGE", "BLUE", "ESCALATE"));
    assertThat(offset("COMMITTEE_TRAFFIC", "RED", "ESCALATE"))
        .isLessThan(offset("PEOPLES_VILLAGE", "RED", "ESCALATE"));
  }

  private static Duration offset(String channel, String grade, String rung) {
    return ladder(channel, grade).stream()
        .filter(r -> r.get("rung").equals(rung))
        .map(r -> Duration.parse((String) r.get("offset")))
        .findFirst()
        .orElseThrow();
  }

  private static List<Map<String, Object>> ladder(String channel, String grade) {
    return DecisionTables.ENGINE
        .evaluateDecision(DECISION, vars("channel", channel, "riskGrade", grade))
        .getResultList();
  }

  private static List<String> concat(List<String> list, String last) {
    return Stream.concat(list.stream(), Stream.of(last)).toList();
  }
}
