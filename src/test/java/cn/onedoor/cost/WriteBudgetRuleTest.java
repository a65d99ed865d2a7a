package cn.onedoor.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The budget's rule on its own: what is over, and what the failure names. */
class WriteBudgetRuleTest {

  private static final Map<String, WriteCounts.Rows> BUDGET =
      Map.of(
          "act_hi_varinst", new WriteCounts.Rows(100, 100, 0),
          "act_ru_variable", new WriteCounts.Rows(50, 0, 50),
          "case_event", new WriteCounts.Rows(10, 0, 0));

  private final WriteBudget budget = new WriteBudget(Map.of("agreement", BUDGET));

  @Test
  void theSameRowsOrFewerAreWithinTheBudget() {
    assertThat(budget.overruns("agreement", BUDGET)).isEmpty();
    assertThat(
            budget.overruns(
                "agreement",
                Map.of(
                    "act_hi_varinst", new WriteCounts.Rows(90, 90, 0),
                    "act_ru_variable", new WriteCounts.Rows(50, 0, 50))))
        .isEmpty();
  }

  @Test
  void aFewRowsMoreInOneTableAreWithinTheTolerance() {
    assertThat(
            budget.overruns(
                "agreement",
                Map.of(
                    "act_hi_varinst", new WriteCounts.Rows(100, 100, 0),
                    "act_ru_variable", new WriteCounts.Rows(50, 0, 50),
                    "case_event", new WriteCounts.Rows(14, 0, 0))))
        .as("4 rows more in a table of 10 is not more than the slack of 5 rows")
        .isEmpty();
  }

  @Test
  void oneTableOverByMoreThanATenthFailsEvenWhileThePathsTotalIsWithin() {
    assertThat(
            budget.overruns(
                "agreement",
                Map.of(
                    "act_hi_varinst", new WriteCounts.Rows(100, 100, 0),
                    "act_ru_variable", new WriteCounts.Rows(60, 0, 60),
                    "case_event", new WriteCounts.Rows(10, 0, 0))))
        .containsExactly(
            "path agreement wrote 330 rows per case, budget 310 (+6.5 %); the tables that grew:",
            "  OVER act_ru_variable: 120 rows written, budget 100 (+20, +20 %)");
  }

  @Test
  void thePathOverByMoreThanATenthFailsNamingEveryTableThatGrewAndNewOnes() {
    assertThat(
            budget.overruns(
                "agreement",
                Map.of(
                    "act_hi_varinst", new WriteCounts.Rows(104, 104, 0),
                    "act_ru_variable", new WriteCounts.Rows(54, 0, 54),
                    "case_event", new WriteCounts.Rows(10, 0, 0),
                    "act_hi_detail", new WriteCounts.Rows(20, 0, 0))))
        .containsExactly(
            "path agreement wrote 346 rows per case, budget 310 (+11.6 %); the tables that grew:",
            "  OVER act_hi_detail: 20 rows written, budget 0 (+20)",
            "  act_hi_varinst: 208 rows written, budget 200 (+8, +4 %)",
            "  act_ru_variable: 108 rows written, budget 100 (+8, +8 %)");
  }

  @Test
  void aPathWithoutABudgetFails() {
    assertThat(budget.overruns("litigation", BUDGET))
        .containsExactly("path litigation has no recorded budget");
  }

  @Test
  void aRecordedBudgetReadsBackAsWritten(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("cost").resolve("write-budget.tsv");
    WriteBudget.write(file, Map.of("agreement", BUDGET));

    assertThat(Files.readString(file)).contains("agreement\tact_ru_variable\t50\t0\t50\n");
    assertThat(WriteBudget.read(file).of("agreement")).isEqualTo(BUDGET);
  }
}
