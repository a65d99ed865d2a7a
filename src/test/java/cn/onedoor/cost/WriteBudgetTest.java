package cn.onedoor.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import cn.onedoor.chain.ChainTest;
import cn.onedoor.identity.StaffGrants;
import cn.onedoor.models.ModelFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The write budget (issue #15): rows one closed case writes on each path of the chain, counted per
 * table at the JDBC level ({@link StatementCounter}) on H2 with a fixed clock and jobs run by the
 * test, so the count is the same on every run. A path more than 10 % over the budget recorded in
 * {@code src/test/resources/cost/write-budget.tsv} fails, naming the tables that grew; {@code
 * -Dcost.record=true} re-records the file instead. Each path runs once to warm up (first-time
 * writes: grants, caches) before the case that is counted.
 */
@Import(StatementCounter.class)
class WriteBudgetTest extends ChainTest {

  private static final Map<String, Map<String, WriteCounts.Rows>> MEASURED = new TreeMap<>();

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repositoryService;
  @Autowired StaffGrants staffGrants;

  static Stream<String> paths() {
    return CasePaths.all().stream().map(CasePaths.Path::name);
  }

  private WriteCounts oneCountedCase(String pathName) {
    CasePaths.Path path = CasePaths.named(pathName);
    InProcessWork work = new InProcessWork(engine, intake, caseMessages, staffGrants, stageReports);
    path.oneCase().apply(work);
    WriteCounts counts = StatementCounter.open();
    try {
      path.oneCase().apply(work);
    } finally {
      StatementCounter.close();
    }
    return counts;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paths")
  void aClosedCaseWritesNoMoreThanItsPathsBudget(String path) {
    WriteCounts counts = oneCountedCase(path);
    System.out.printf(
        "write budget: %s wrote %d rows in %d statements%n",
        path, counts.written(), counts.statements());
    MEASURED.put(path, counts.tables());
    if (WriteBudget.recording()) {
      return;
    }
    assertThat(WriteBudget.read(WriteBudget.FILE).overruns(path, counts.tables()))
        .as(
            "rows written by one closed case on path %s against %s; after an intended change"
                + " re-record with -D%s=true (docs/benchmarks.md)",
            path, WriteBudget.FILE, WriteBudget.RECORD_PROPERTY)
        .isEmpty();
  }

  /**
   * The designer's mistake the budget is there for: one call activity of the main case switched
   * back to {@code variables="all"} copies every variable of the case into the called process, and
   * the agreement path goes over its budget naming the variable tables. The models are deployed
   * again with that one change, then the deployment is removed.
   */
  @Test
  void oneCallActivityCopyingAllVariablesIsOverTheBudgetAndNamesTheVariableTables() {
    assumeFalse(WriteBudget.recording(), "re-recording the budget");
    Deployment allVariables = deployModelsWithAllVariablesInto("CallActivity_Closure");
    try {
      List<String> overruns =
          WriteBudget.read(WriteBudget.FILE)
              .overruns("agreement", oneCountedCase("agreement").tables());
      System.out.println(String.join("\n", overruns));
      assertThat(overruns).isNotEmpty();
      assertThat(String.join("\n", overruns))
          .contains("OVER act_ru_variable", "OVER act_hi_varinst");
    } finally {
      repositoryService.deleteDeployment(allVariables.getId(), true);
    }
  }

  /**
   * Every model as the application deploys it (called processes resolve in the same deployment),
   * one call activity passing all variables in instead of the ones it names; the business key still
   * passed.
   */
  private Deployment deployModelsWithAllVariablesInto(String callActivityId) {
    DeploymentBuilder deployment =
        repositoryService.createDeployment().name("write-budget-all-variables");
    Stream.of(ModelFiles.processes(), ModelFiles.decisions(), ModelFiles.forms())
        .flatMap(List::stream)
        .forEach(
            file -> {
              String name = file.toString().replace('\\', '/');
              if (file.getFileName().toString().equals("dispute-case.bpmn")) {
                BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
                CallActivity call = model.getModelElementById(callActivityId);
                ExtensionElements extensions = call.getExtensionElements();
                extensions.getElementsQuery().filterByType(CamundaIn.class).list().stream()
                    .filter(in -> in.getCamundaBusinessKey() == null)
                    .toList()
                    .forEach(in -> extensions.getDomElement().removeChild(in.getDomElement()));
                CamundaIn all = model.newInstance(CamundaIn.class);
                all.setCamundaVariables("all");
                extensions.addChildElement(all);
                deployment.addModelInstance(name, model);
              } else {
                deployment.addString(name, read(file));
              }
            });
    return deployment.deploy();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  static void recordWhenAsked() {
    if (WriteBudget.recording() && MEASURED.size() == CasePaths.all().size()) {
      WriteBudget.write(WriteBudget.FILE, MEASURED);
      System.out.println("write budget re-recorded in " + WriteBudget.FILE);
    }
  }
}
