package cn.onedoor.decisions;

import static cn.onedoor.decisions.DecisionTables.vars;
import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.decisions.DecisionTables.RuleCase;
import java.time.Period;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.description.Description;
import org.assertj.core.description.LazyTextDescription;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * channel-routing.dmn: a DRD of three UNIQUE tables. The process evaluates {@code channel-routing};
 * the engine first evaluates {@code joint-handling} (riskGrade, partyCount → jointHandling) and
 * {@code handling-level} (jointHandling, amount, level, riskGrade → suggestedLevel), whose results
 * the routing table reads.
 */
class ChannelRoutingTest {

  private static final String FILE = "channel-routing";
  private static final DmnDecision ROUTING =
      DecisionTables.decision(DecisionTables.ENGINE, FILE, "channel-routing");
  private static final DmnDecision JOINT =
      DecisionTables.decision(DecisionTables.ENGINE, FILE, "joint-handling");
  private static final DmnDecision LEVEL =
      DecisionTables.decision(DecisionTables.ENGINE, FILE, "handling-level");

  /** A small, low-risk, consenting neighbours' quarrel reported at a village: the plainest case. */
  private static final Map<String, Object> ORDINARY =
      vars(
          "source",
          "WINDOW",
          "level",
          "VILLAGE",
          "disputeType",
          "NEIGHBOUR",
          "amount",
          500.0,
          "partyCount",
          2,
          "injury",
          false,
          "violence",
          false,
          "crimeSuspected",
          false,
          "governmentBodyParty",
          false,
          "consentToMediation",
          true,
          "acceptedElsewhere",
          "NONE",
          "riskGrade",
          "BLUE");

  // ------------------------------------------------------------------------------------------ one
  // row per rule

  static Stream<RuleCase> routingRules() {
    return Stream.of(
        row(
            "Rule_CR_AcceptedByCourt",
            routed("COURT", "COUNTY", false, "P15D", "CALENDAR", false),
            "acceptedElsewhere",
            "COURT"),
        row(
            "Rule_CR_AcceptedByPolice",
            routed("POLICE", "TOWN", false, "P30D", "CALENDAR", false, "P3D", "WORKING"),
            "acceptedElsewhere",
            "POLICE",
            "violence",
            true),
        row(
            "Rule_CR_AcceptedByAdministration",
            routed("ADMINISTRATIVE", "COUNTY", false, "P60D", "CALENDAR", false),
            "acceptedElsewhere",
            "ADMINISTRATION",
            "governmentBodyParty",
            true),
        row(
            "Rule_CR_AcceptedByArbitration",
            routed("ARBITRATION", "COUNTY", false, "P45D", "CALENDAR", false),
            "acceptedElsewhere",
            "ARBITRATION",
            "disputeType",
            "LABOUR"),
        row(
            "Rule_CR_MinorCrime",
            routed("POLICE", "COUNTY", false, "P30D", "CALENDAR", false),
            "disputeType",
            "MINOR_CRIME",
            "crimeSuspected",
            true,
            "consentToMediation",
            false),
        row(
            "Rule_CR_CrimeSuspected",
            routed("POLICE", "TOWN", false, "P30D", "CALENDAR", false),
            "disputeType",
            "DEBT",
            "crimeSuspected",
            true),
        row(
            "Rule_CR_Violence",
            routed("POLICE", "TOWN", false, "P30D", "CALENDAR", false),
            "disputeType",
            "FAMILY",
            "violence",
            true,
            "consentToMediation",
            false,
            "riskGrade",
            "ORANGE"),
        row(
            "Rule_CR_PublicSecurity",
            routed("POLICE", "TOWN", false, "P30D", "CALENDAR", false, "P3D", "WORKING"),
            "disputeType",
            "PUBLIC_SECURITY"),
        row(
            "Rule_CR_Petition",
            routed("PETITION", "COUNTY", true, "P60D", "CALENDAR", false),
            "source",
            "PETITION",
            "consentToMediation",
            false,
            "partyCount",
            12,
            "riskGrade",
            "ORANGE"),
        row(
            "Rule_CR_CourtReferral",
            routed("COURT", "COUNTY", false, "P30D", "CALENDAR", true),
            "source",
            "COURT",
            "disputeType",
            "DEBT",
            "level",
            null),
        row(
            "Rule_CR_CourtReferralStatusOrTitle",
            routed("COURT", "COUNTY", false, "P30D", "CALENDAR", false),
            "source",
            "COURT",
            "disputeType",
            "PROPERTY_RIGHT"),
        row(
            "Rule_CR_NoConsent",
            routed("NONE", "TOWN", false, "P1D", "WORKING", false),
            "consentToMediation",
            false,
            "level",
            "TOWN"),
        row(
            "Rule_CR_GovernmentParty",
            routed("ADMINISTRATIVE", "COUNTY", false, "P60D", "CALENDAR", false),
            "governmentBodyParty",
            true,
            "disputeType",
            "LAND_USE",
            "riskGrade",
            "YELLOW"),
        row(
            "Rule_CR_AdministrativeDispute",
            routed("ADMINISTRATIVE", "COUNTY", false, "P60D", "CALENDAR", false),
            "disputeType",
            "ADMINISTRATIVE"),
        row(
            "Rule_CR_ArbitrationAgreement",
            routed("ARBITRATION", "COUNTY", false, "P30D", "CALENDAR", false),
            "disputeType",
            "COMMERCIAL_ARBITRATION",
            "amount",
            300_000.0),
        row(
            "Rule_CR_Labour",
            routed("COMMITTEE_LABOUR", "COUNTY", false, "P15D", "CALENDAR", true),
            "disputeType",
            "LABOUR"),
        row(
            "Rule_CR_WageArrears",
            routed("COMMITTEE_CONSTRUCTION", "COUNTY", true, "P15D", "CALENDAR", true),
            "disputeType",
            "WAGE_ARREARS",
            "partyCount",
            30,
            "riskGrade",
            "ORANGE"),
        row(
            "Rule_CR_Medical",
            routed("COMMITTEE_MEDICAL", "COUNTY", false, "P30D", "WORKING", true),
            "disputeType",
            "MEDICAL",
            "injury",
            true,
            "riskGrade",
            "YELLOW"),
        row(
            "Rule_CR_Traffic",
            routed("COMMITTEE_TRAFFIC", "COUNTY", false, "P10D", "CALENDAR", true),
            "disputeType",
            "TRAFFIC",
            "source",
            "POLICE"),
        row(
            "Rule_CR_PersonalStatus",
            routed("COMMITTEE_FAMILY", "COUNTY", false, "P30D", "CALENDAR", false),
            "disputeType",
            "PERSONAL_STATUS"),
        row(
            "Rule_CR_PropertyManagement",
            routed("COMMITTEE_PROPERTY", "COUNTY", false, "P30D", "CALENDAR", true),
            "disputeType",
            "PROPERTY_MANAGEMENT"),
        row(
            "Rule_CR_Consumer",
            routed("COMMITTEE_CONSUMER", "COUNTY", false, "P30D", "CALENDAR", true),
            "disputeType",
            "CONSUMER",
            "source",
            "ONLINE",
            "level",
            null),
        row(
            "Rule_CR_Finance",
            routed("COMMITTEE_FINANCE", "COUNTY", false, "P30D", "CALENDAR", true),
            "disputeType",
            "FINANCE"),
        row(
            "Rule_CR_PeoplesVillage",
            routed("PEOPLES_VILLAGE", "VILLAGE", false, "P30D", "CALENDAR", true),
            "source",
            "GRID"),
        row(
            "Rule_CR_PeoplesTown",
            routed("PEOPLES_TOWN", "TOWN", false, "P30D", "CALENDAR", true),
            "disputeType",
            "DEBT",
            "amount",
            50_000.0),
        row(
            "Rule_CR_PeoplesCounty",
            routed("PEOPLES_COUNTY", "COUNTY", false, "P30D", "CALENDAR", true),
            "disputeType",
            "CONTRACT",
            "amount",
            200_000.0,
            "riskGrade",
            "YELLOW"),
        row(
            "Rule_CR_FamilyAtCounty",
            routed("COMMITTEE_FAMILY", "COUNTY", true, "P30D", "CALENDAR", true),
            "disputeType",
            "FAMILY",
            "partyCount",
            10),
        row(
            "Rule_CR_LandContractAtCounty",
            routed("COMMITTEE_LAND", "COUNTY", false, "P30D", "CALENDAR", true),
            "disputeType",
            "LAND_CONTRACT",
            "level",
            "COUNTY"),
        row(
            "Rule_CR_PropertyRightVillage",
            routed("PEOPLES_VILLAGE", "VILLAGE", false, "P30D", "CALENDAR", false),
            "disputeType",
            "PROPERTY_RIGHT"),
        row(
            "Rule_CR_PropertyRightTown",
            routed("PEOPLES_TOWN", "TOWN", false, "P30D", "CALENDAR", false),
            "disputeType",
            "PROPERTY_RIGHT",
            "riskGrade",
            "YELLOW"),
        row(
            "Rule_CR_PropertyRightCounty",
            routed("PEOPLES_COUNTY", "COUNTY", false, "P30D", "CALENDAR", false),
            "disputeType",
            "PROPERTY_RIGHT",
            "amount",
            150_000.0));
  }

  static Stream<RuleCase> jointHandlingRules() {
    return Stream.of(
        new RuleCase(
            "Rule_JH_HighRisk",
            vars("riskGrade", "ORANGE", "partyCount", 1),
            Map.of("jointHandling", true)),
        new RuleCase(
            "Rule_JH_GroupDispute",
            vars("riskGrade", "BLUE", "partyCount", 10),
            Map.of("jointHandling", true)),
        new RuleCase(
            "Rule_JH_Ordinary",
            vars("riskGrade", "YELLOW", "partyCount", 9),
            Map.of("jointHandling", false)));
  }

  static Stream<RuleCase> handlingLevelRules() {
    return Stream.of(
        level("Rule_HL_JointHandling", "COUNTY", "riskGrade", "RED"),
        level("Rule_HL_LargeAmount", "COUNTY", "amount", 100_000.0),
        level("Rule_HL_ReportedAtCounty", "COUNTY", "amount", 99_999.99, "level", "COUNTY"),
        level("Rule_HL_MidAmount", "TOWN", "amount", 20_000.0),
        level("Rule_HL_SmallButRisky", "TOWN", "amount", 19_999.99, "riskGrade", "YELLOW"),
        // level absent altogether, as for a hotline call: treated like null
        new RuleCase(
            "Rule_HL_SmallAtTownOrUnknown",
            vars("partyCount", 3, "amount", 1_000.0, "riskGrade", "BLUE"),
            Map.of("suggestedLevel", "TOWN")),
        level("Rule_HL_SmallAtVillage", "VILLAGE", "amount", 19_999.99));
  }

  private static RuleCase level(String ruleId, String suggested, Object... inputs) {
    Map<String, Object> base =
        vars("partyCount", 3, "amount", 0.0, "level", "VILLAGE", "riskGrade", "BLUE");
    return new RuleCase(ruleId, vars(base, inputs), Map.of("suggestedLevel", suggested));
  }

  private static RuleCase row(String ruleId, Map<String, Object> expected, Object... inputs) {
    return new RuleCase(ruleId, vars(ORDINARY, inputs), expected);
  }

  private static Map<String, Object> routed(
      String channel,
      String handlingLevel,
      boolean joint,
      String sla,
      String slaUnit,
      boolean confirmable) {
    return routed(channel, handlingLevel, joint, sla, slaUnit, confirmable, "", "");
  }

  private static Map<String, Object> routed(
      String channel,
      String handlingLevel,
      boolean joint,
      String sla,
      String slaUnit,
      boolean confirmable,
      String firstSession,
      String firstSessionUnit) {
    Map<String, Object> outputs = new LinkedHashMap<>();
    outputs.put("channel", channel);
    outputs.put("handlingLevel", handlingLevel);
    outputs.put("jointHandling", joint);
    outputs.put("slaPeriod", sla);
    outputs.put("slaUnit", slaUnit);
    outputs.put("confirmable", confirmable);
    outputs.put("firstSessionPeriod", firstSession);
    outputs.put("firstSessionUnit", firstSessionUnit);
    return outputs;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routingRules")
  void eachRoutingRuleRoutesAsAnnotated(RuleCase row) {
    DecisionTables.assertRule(ROUTING, row, true);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jointHandlingRules")
  void eachJointHandlingRuleDecidesAsAnnotated(RuleCase row) {
    DecisionTables.assertRule(JOINT, row, true);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("handlingLevelRules")
  void eachHandlingLevelRuleSuggestsAsAnnotated(RuleCase row) {
    DecisionTables.assertRule(LEVEL, row, true);
  }

  @Test
  void everyRuleOfTheThreeTablesHasARow() {
    assertThat(routingRules().map(RuleCase::ruleId))
        .containsExactlyInAnyOrderElementsOf(DecisionTables.ruleIds(FILE, "channel-routing"));
    assertThat(jointHandlingRules().map(RuleCase::ruleId))
        .containsExactlyInAnyOrderElementsOf(DecisionTables.ruleIds(FILE, "joint-handling"));
    assertThat(handlingLevelRules().map(RuleCase::ruleId))
        .containsExactlyInAnyOrderElementsOf(DecisionTables.ruleIds(FILE, "handling-level"));
  }

  @Test
  void theProcessGetsOneResultWithTheContractedVariables() {
    DmnDecisionResultEntries result =
        DecisionTables.evaluate(ROUTING, ORDINARY).result().getSingleResult();
    assertThat(result.getEntryMap())
        .containsOnlyKeys(
            "channel",
            "handlingLevel",
            "jointHandling",
            "slaPeriod",
            "slaUnit",
            "confirmable",
            "firstSessionPeriod",
            "firstSessionUnit");
    assertThat(result.<Object>getEntry("jointHandling")).isInstanceOf(Boolean.class);
    assertThat(result.<Object>getEntry("confirmable")).isInstanceOf(Boolean.class);
  }

  // ------------------------------------------------------------------------------------------
  // exhaustive

  private static final List<Integer> PARTY_COUNTS = List.of(1, 9, 10, 11, 1000);
  private static final List<Double> AMOUNTS =
      List.of(0.0, 19_999.99, 20_000.0, 99_999.99, 100_000.0, 1e9);

  @Test
  void jointHandlingHasExactlyOneRuleForEveryGradeAndPartyCount() {
    DmnDecision decision = DecisionTables.decision(DecisionTables.ENGINE, FILE, "joint-handling");
    for (String grade : Codes.RISK_GRADES) {
      for (int partyCount : PARTY_COUNTS) {
        var in = vars("riskGrade", grade, "partyCount", partyCount);
        var results = DecisionTables.ENGINE.evaluateDecision(decision, in).getResultList();
        assertThat(results).as("%s", in).hasSize(1);
        boolean expected = partyCount >= 10 || grade.equals("ORANGE") || grade.equals("RED");
        assertThat(results.get(0).get("jointHandling")).as("%s", in).isEqualTo(expected);
      }
    }
  }

  @Test
  void handlingLevelHasExactlyOneRuleForEveryCombination() {
    DmnDecision decision = DecisionTables.decision(DecisionTables.ENGINE, FILE, "handling-level");
    for (String grade : Codes.RISK_GRADES) {
      for (int partyCount : PARTY_COUNTS) {
        for (double amount : AMOUNTS) {
          for (String reported : Codes.REPORTED_LEVELS) {
            var in =
                vars(
                    "riskGrade",
                    grade,
                    "partyCount",
                    partyCount,
                    "amount",
                    amount,
                    "level",
                    reported);
            var results = DecisionTables.ENGINE.evaluateDecision(decision, in).getResultList();
            assertThat(results).as("%s", in).hasSize(1);
            String suggested = (String) results.get(0).get("suggestedLevel");
            assertThat(Codes.LEVELS).contains(suggested);
            boolean joint = partyCount >= 10 || grade.equals("ORANGE") || grade.equals("RED");
            if (joint || amount >= 100_000 || "COUNTY".equals(reported)) {
              assertThat(suggested).as("%s", in).isEqualTo("COUNTY");
            }
            if (suggested.equals("VILLAGE")) {
              assertThat(reported)
                  .as("only village reports stay in the village")
                  .isEqualTo("VILLAGE");
              assertThat(grade).isEqualTo("BLUE");
              assertThat(amount).isLessThan(20_000);
            }
          }
        }
      }
    }
  }

  /**
   * The derived inputs of the routing table: every pair (jointHandling, suggestedLevel) the two
   * sub-tables can produce (jointHandling implies COUNTY), each reached from intake values.
   * Together with the two tests above (every combination of the sub-tables' inputs has exactly one
   * rule), sweeping every value of the routing table's own inputs against these profiles covers
   * every combination the intake can produce; injury is read by no table of this DRD (it reaches
   * routing through riskGrade).
   */
  private static final List<Map<String, Object>> PROFILES =
      List.of(
          profile("RED", 1, 0.0, "VILLAGE", true, "COUNTY"),
          profile("BLUE", 1, 100_000.0, "VILLAGE", false, "COUNTY"),
          profile("BLUE", 1, 0.0, null, false, "TOWN"),
          profile("BLUE", 1, 0.0, "VILLAGE", false, "VILLAGE"));

  private static Map<String, Object> profile(
      String grade,
      int partyCount,
      double amount,
      String reported,
      boolean joint,
      String suggested) {
    Map<String, Object> profile = new HashMap<>();
    profile.put("riskGrade", grade);
    profile.put("partyCount", partyCount);
    profile.put("amount", amount);
    profile.put("level", reported);
    profile.put("expectedJoint", joint);
    profile.put("expectedLevel", suggested);
    return profile;
  }

  @Test
  void everyCombinationIsRoutedByExactlyOneRuleAndHonoursTheLegalExclusions() {
    DmnDecision decision = DecisionTables.decision(DecisionTables.ENGINE, FILE, "channel-routing");
    int combinations = 0;
    for (String accepted : Codes.ACCEPTED_ELSEWHERE) {
      for (String type : Codes.DISPUTE_TYPES) {
        for (boolean crime : Codes.BOOLEANS) {
          for (boolean violence : Codes.BOOLEANS) {
            for (String source : Codes.SOURCES) {
              for (boolean consent : Codes.BOOLEANS) {
                for (boolean government : Codes.BOOLEANS) {
                  for (Map<String, Object> profile : PROFILES) {
                    Map<String, Object> in = new HashMap<>(profile);
                    in.putAll(
                        vars(
                            "acceptedElsewhere",
                            accepted,
                            "disputeType",
                            type,
                            "crimeSuspected",
                            crime,
                            "violence",
                            violence,
                            "source",
                            source,
                            "consentToMediation",
                            consent,
                            "governmentBodyParty",
                            government,
                            "injury",
                            false));
                    var results =
                        DecisionTables.ENGINE.evaluateDecision(decision, in).getResultList();
                    assertThat(results).as("%s", in).hasSize(1);
                    checkRoute(in, results.get(0));
                    combinations++;
                  }
                }
              }
            }
          }
        }
      }
    }
    assertThat(combinations).isEqualTo(5 * 20 * 2 * 2 * 7 * 2 * 2 * PROFILES.size());
  }

  private static void checkRoute(Map<String, Object> in, Map<String, Object> out) {
    String channel = (String) out.get("channel");
    Description context = new LazyTextDescription(() -> DecisionTables.describe(in) + " → " + out);
    assertThat(Codes.CHANNELS).as(context).contains(channel);
    assertThat(Codes.LEVELS).as(context).contains((String) out.get("handlingLevel"));
    // A crime, a minor crime or violence goes to the police at once (人民调解法 art 25: 及时报告),
    // not first to a joint consultation.
    boolean transferred =
        "NONE".equals(in.get("acceptedElsewhere"))
            && ("MINOR_CRIME".equals(in.get("disputeType"))
                || (Boolean) in.get("crimeSuspected")
                || (Boolean) in.get("violence"));
    assertThat(out.get("jointHandling"))
        .as(context)
        .isEqualTo(transferred ? Boolean.FALSE : in.get("expectedJoint"));
    assertThat(List.of("CALENDAR", "WORKING")).as(context).contains((String) out.get("slaUnit"));
    assertThat(Period.parse((String) out.get("slaPeriod")).getDays()).as(context).isPositive();
    String firstSession = (String) out.get("firstSessionPeriod");
    if (firstSession.isEmpty()) {
      assertThat(out.get("firstSessionUnit")).as(context).isEqualTo("");
    } else {
      assertThat(Period.parse(firstSession).getDays()).as(context).isPositive();
      assertThat(List.of("CALENDAR", "WORKING"))
          .as(context)
          .contains((String) out.get("firstSessionUnit"));
    }
    if (channel.startsWith("PEOPLES_")) {
      assertThat(channel).as(context).isEqualTo("PEOPLES_" + out.get("handlingLevel"));
      assertThat(out.get("handlingLevel")).as(context).isEqualTo(in.get("expectedLevel"));
    }

    // docs/domain.md §3: no people's mediation for a matter a court, the police or an
    // administrative body has
    // accepted.
    String accepted = (String) in.get("acceptedElsewhere");
    if (!accepted.equals("NONE")) {
      assertThat(Codes.isMediationChannel(channel)).as(context).isFalse();
      assertThat(channel)
          .as(context)
          .isEqualTo(
              Map.of(
                      "COURT",
                      "COURT",
                      "POLICE",
                      "POLICE",
                      "ADMINISTRATION",
                      "ADMINISTRATIVE",
                      "ARBITRATION",
                      "ARBITRATION")
                  .get(accepted));
      return;
    }
    String type = (String) in.get("disputeType");
    boolean crime = (Boolean) in.get("crimeSuspected");
    boolean violence = (Boolean) in.get("violence");
    String source = (String) in.get("source");

    // A suspected crime goes to the police whatever the parties want (人民调解法 art 25); a minor
    // crime is a public-prosecution crime too, never sent to the procuratorate for mediation
    // (刑事和解 exists only inside a filed criminal case, 刑诉法 arts 288-290).
    if (type.equals("MINOR_CRIME") || crime) {
      assertThat(channel).as(context).isEqualTo("POLICE");
      assertThat(out.get("firstSessionPeriod"))
          .as("no mediation session for a crime: %s", context)
          .isEqualTo("");
    } else if (violence || type.equals("PUBLIC_SECURITY")) {
      assertThat(channel).as(context).isEqualTo("POLICE");
    } else if (source.equals("PETITION")) {
      assertThat(channel).as(context).isEqualTo("PETITION");
    } else if (source.equals("COURT")) {
      assertThat(channel).as(context).isEqualTo("COURT");
    } else if (!(Boolean) in.get("consentToMediation")) {
      // Mediation is voluntary (人民调解法 arts 17, 26): the parties are told their routes instead.
      assertThat(channel).as(context).isEqualTo("NONE");
    } else if ((Boolean) in.get("governmentBodyParty") || type.equals("ADMINISTRATIVE")) {
      assertThat(channel).as(context).isEqualTo("ADMINISTRATIVE");
    } else {
      assertThat(channel)
          .as(context)
          .isNotIn("NONE", "POLICE", "PROCURATORATE", "PETITION", "COURT");
    }
    // Without consent there is never a voluntary mediation channel.
    if (!(Boolean) in.get("consentToMediation")) {
      assertThat(
              Codes.isMediationChannel(channel)
                  || channel.equals("ADMINISTRATIVE")
                  || channel.equals("ARBITRATION"))
          .as(context)
          .isFalse();
    }
    // No judicial confirmation of identity relations or property-right confirmation (docs/domain.md
    // §3).
    if (type.equals("PERSONAL_STATUS") || type.equals("PROPERTY_RIGHT")) {
      assertThat(out.get("confirmable")).as(context).isEqualTo(false);
    }
    // Judicial confirmation is for agreements of mediation organisations (民诉法 art 205) only.
    if ((Boolean) out.get("confirmable")) {
      assertThat(Codes.isMediationChannel(channel) || channel.equals("COURT")).as(context).isTrue();
    }
  }

  @Test
  void everyDisputeTypeHasAChannelWhenThePartiesConsent() {
    for (String type : Codes.DISPUTE_TYPES) {
      String channel =
          (String)
              DecisionTables.evaluate(ROUTING, vars(ORDINARY, "disputeType", type))
                  .result()
                  .getSingleResult()
                  .getEntry("channel");
      assertThat(channel).as(type).isNotEqualTo("NONE");
    }
    assertThat(Codes.DISPUTE_TYPES).hasSize(20);
  }
}
