package cn.onedoor.decisions;

import static cn.onedoor.decisions.DecisionTables.vars;
import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.decisions.DecisionTables.Containing;
import cn.onedoor.decisions.DecisionTables.RuleCase;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** legal-aid-eligibility.dmn: UNIQUE over 法律援助法 arts 31, 32 and 42. */
class LegalAidEligibilityTest {

  private static final String FILE = "legal-aid-eligibility";
  private static final DmnDecision DECISION =
      DecisionTables.decision(DecisionTables.ENGINE, FILE, FILE);

  /** 法律援助法 art 31 matters; DOMESTIC_VIOLENCE_PROTECTION and OTHER_NOT_COVERED are handled apart. */
  static final List<String> ART_31_MATTERS =
      List.of(
          "STATE_COMPENSATION",
          "SOCIAL_INSURANCE",
          "MINIMUM_LIVING",
          "SURVIVOR_PENSION",
          "SUPPORT_PAYMENT",
          "LABOUR_RELATION",
          "LABOUR_REMUNERATION",
          "WORK_INJURY",
          "CIVIL_CAPACITY",
          "PERSONAL_INJURY",
          "ENVIRONMENT");

  static final List<String> MATTERS =
      Stream.concat(
              ART_31_MATTERS.stream(),
              Stream.of("DOMESTIC_VIOLENCE_PROTECTION", "OTHER_NOT_COVERED"))
          .toList();
  static final List<String> ART_32_CATEGORIES =
      List.of("HERO_RELATIVE", "RIGHTEOUS_ACT", "WRONGFUL_CONVICTION", "ABUSE_VICTIM");
  static final List<String> ART_42_CATEGORIES =
      List.of(
          "MINOR_NO_INCOME",
          "ELDERLY_NO_INCOME",
          "DISABLED_NO_INCOME",
          "SOCIAL_ASSISTANCE",
          "MIGRANT_WORKER_WAGES_OR_INJURY");
  static final List<String> CATEGORIES =
      Stream.of(List.of("NONE"), ART_32_CATEGORIES, ART_42_CATEGORIES)
          .flatMap(List::stream)
          .toList();

  /**
   * An example of the province's line (a setting the process passes in), yuan per person and month.
   */
  private static final double LINE = 1_500.0;

  static Stream<RuleCase> rules() {
    return Stream.of(
        row(
            "Rule_LA_Art32_HeroRelative",
            "HERO_RELATIVE",
            "OTHER_NOT_COVERED",
            9_000.0,
            true,
            "EXEMPT",
            "第32条第1项"),
        row(
            "Rule_LA_Art32_RighteousAct",
            "RIGHTEOUS_ACT",
            "PERSONAL_INJURY",
            null,
            true,
            "EXEMPT",
            "第32条第2项"),
        row(
            "Rule_LA_Art32_WrongfulConviction",
            "WRONGFUL_CONVICTION",
            "STATE_COMPENSATION",
            9_000.0,
            true,
            "EXEMPT",
            "第32条第3项"),
        row(
            "Rule_LA_Art32_AbuseVictim",
            "ABUSE_VICTIM",
            "SUPPORT_PAYMENT",
            9_000.0,
            true,
            "EXEMPT",
            "第32条第4项"),
        row(
            "Rule_LA_Art32_DomesticViolence",
            "NONE",
            "DOMESTIC_VIOLENCE_PROTECTION",
            9_000.0,
            true,
            "EXEMPT",
            "第32条第4项"),
        row(
            "Rule_LA_Art42_NoIncome",
            "ELDERLY_NO_INCOME",
            "SUPPORT_PAYMENT",
            null,
            true,
            "PROOF_EXEMPT",
            "第42条第1项"),
        row(
            "Rule_LA_Art42_SocialAssistance",
            "SOCIAL_ASSISTANCE",
            "MINIMUM_LIVING",
            9_000.0,
            true,
            "PROOF_EXEMPT",
            "第42条第2项"),
        row(
            "Rule_LA_Art42_MigrantWorker",
            "MIGRANT_WORKER_WAGES_OR_INJURY",
            "LABOUR_REMUNERATION",
            9_000.0,
            true,
            "PROOF_EXEMPT",
            "第42条第3项"),
        row(
            "Rule_LA_Art42_NotCovered",
            "MINOR_NO_INCOME",
            "OTHER_NOT_COVERED",
            null,
            false,
            "PROOF_EXEMPT",
            "不属于"),
        row("Rule_LA_Art31_Hardship", "NONE", "WORK_INJURY", LINE, true, "MET", "第31条"),
        row(
            "Rule_LA_Art31_NoHardship",
            "NONE",
            "LABOUR_REMUNERATION",
            LINE + 0.01,
            false,
            "NOT_MET",
            "第31条"),
        row(
            "Rule_LA_Migrant_OtherHardship",
            "MIGRANT_WORKER_WAGES_OR_INJURY",
            "PERSONAL_INJURY",
            1_000.0,
            true,
            "MET",
            "第31条"),
        row(
            "Rule_LA_Migrant_OtherNoHardship",
            "MIGRANT_WORKER_WAGES_OR_INJURY",
            "SUPPORT_PAYMENT",
            2_000.0,
            false,
            "NOT_MET",
            "第31条"),
        row("Rule_LA_NotCovered_Hardship", "NONE", "OTHER_NOT_COVERED", 0.0, false, "MET", "不属于"),
        row(
            "Rule_LA_NotCovered_NoHardship",
            "MIGRANT_WORKER_WAGES_OR_INJURY",
            "OTHER_NOT_COVERED",
            2_000.0,
            false,
            "NOT_MET",
            "不属于"));
  }

  private static RuleCase row(
      String ruleId,
      String category,
      String matter,
      Double income,
      boolean eligible,
      String economicTest,
      String cites) {
    Map<String, Object> in =
        vars(
            "applicantCategory",
            category,
            "aidMatter",
            matter,
            "monthlyIncomePerCapita",
            income,
            "hardshipLine",
            LINE);
    return new RuleCase(
        ruleId,
        in,
        Map.of(
            "eligible",
            eligible,
            "economicTest",
            economicTest,
            "basis",
            new Containing("法律援助法", cites)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void eachRuleDecidesAsTheLawSays(RuleCase row) {
    DecisionTables.assertRule(DECISION, row, true);
  }

  @Test
  void everyRuleHasARow() {
    assertThat(rules().map(RuleCase::ruleId))
        .containsExactlyInAnyOrderElementsOf(DecisionTables.ruleIds(FILE, FILE));
  }

  /**
   * Every category × matter × income around the line (for two lines) matches exactly one rule, as
   * the law says.
   */
  @Test
  void everyCombinationMatchesExactlyOneRuleAndFollowsTheLaw() {
    int combinations = 0;
    for (double line : List.of(1_200.0, 1_500.0)) {
      for (String category : CATEGORIES) {
        for (String matter : MATTERS) {
          for (double income : List.of(0.0, line - 0.01, line, line + 0.01, 100_000.0)) {
            var in =
                vars(
                    "applicantCategory",
                    category,
                    "aidMatter",
                    matter,
                    "monthlyIncomePerCapita",
                    income,
                    "hardshipLine",
                    line);
            var results = DecisionTables.ENGINE.evaluateDecision(DECISION, in).getResultList();
            assertThat(results).as("%s", in).hasSize(1);
            Map<String, Object> out = results.get(0);
            assertThat((String) out.get("basis")).as("%s", in).contains("法律援助法");
            assertThat(out.get("eligible"))
                .as("%s", in)
                .isEqualTo(expectedEligible(category, matter, income, line));
            assertThat(out.get("economicTest"))
                .as("%s", in)
                .isEqualTo(expectedTest(category, matter, income, line));
            combinations++;
          }
        }
      }
    }
    assertThat(combinations).isEqualTo(2 * 10 * 13 * 5);
  }

  private static boolean expectedEligible(
      String category, String matter, double income, double line) {
    if (ART_32_CATEGORIES.contains(category) || matter.equals("DOMESTIC_VIOLENCE_PROTECTION")) {
      return true;
    }
    if (!ART_31_MATTERS.contains(matter)) {
      return false;
    }
    return expectedTest(category, matter, income, line).matches("PROOF_EXEMPT|MET");
  }

  private static String expectedTest(String category, String matter, double income, double line) {
    if (ART_32_CATEGORIES.contains(category) || matter.equals("DOMESTIC_VIOLENCE_PROTECTION")) {
      return "EXEMPT";
    }
    boolean migrantClaimingPayOrInjury =
        category.equals("MIGRANT_WORKER_WAGES_OR_INJURY")
            && List.of("LABOUR_REMUNERATION", "WORK_INJURY").contains(matter);
    boolean proofExempt =
        ART_42_CATEGORIES.contains(category)
            && (!category.equals("MIGRANT_WORKER_WAGES_OR_INJURY") || migrantClaimingPayOrInjury);
    if (proofExempt) {
      return "PROOF_EXEMPT";
    }
    return income <= line ? "MET" : "NOT_MET";
  }

  /**
   * The exempt groups need no income at all, so the process may leave it empty for them; for
   * everyone else an empty income gives no result (the process must ask for it). A missing matter
   * is never taken for a covered one.
   */
  @Test
  void exemptApplicantsNeedNoIncomeAndAMissingMatterIsNeverCovered() {
    for (String category : CATEGORIES) {
      var in =
          vars(
              "applicantCategory",
              category,
              "aidMatter",
              "SUPPORT_PAYMENT",
              "monthlyIncomePerCapita",
              null,
              "hardshipLine",
              LINE);
      var results = DecisionTables.ENGINE.evaluateDecision(DECISION, in).getResultList();
      if (category.equals("NONE") || category.equals("MIGRANT_WORKER_WAGES_OR_INJURY")) {
        // support payments are not a migrant worker's pay or work injury (art 42 item 3): the test
        // applies
        assertThat(results).as("no income, no economic test: %s", in).isEmpty();
      } else {
        assertThat(results).as("%s", in).hasSize(1);
      }
    }
    for (String category : List.of("NONE", "ELDERLY_NO_INCOME", "MIGRANT_WORKER_WAGES_OR_INJURY")) {
      var in =
          vars(
              "applicantCategory",
              category,
              "aidMatter",
              null,
              "monthlyIncomePerCapita",
              0.0,
              "hardshipLine",
              LINE);
      assertThat(DecisionTables.ENGINE.evaluateDecision(DECISION, in).getResultList())
          .as("%s", in)
          .isEmpty();
    }
    assertThat(MATTERS).hasSize(13);
  }
}
