package cn.onedoor.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deploys every file of {@code decisions/} to a process engine that, like the application, refuses
 * models without a history time-to-live, and evaluates the tables the way a business rule task does
 * (through the DecisionService).
 */
class DecisionDeploymentTest {

  private static ProcessEngine engine;

  @BeforeAll
  static void startEngine() {
    engine =
        ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
            .setProcessEngineName("decision-deployment-test")
            .setJdbcUrl("jdbc:h2:mem:decision-deployment-test;DB_CLOSE_DELAY=-1")
            .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP)
            .setJobExecutorActivate(false)
            .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
            .buildProcessEngine();
  }

  @AfterAll
  static void stopEngine() {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void everyDecisionDeploysWithItsTimeToLive() throws IOException {
    List<String> files = DecisionModelConventionsTest.files().toList();
    DeploymentBuilder deployment =
        engine.getRepositoryService().createDeployment().name("decisions");
    for (String file : files) {
      try (InputStream in = DecisionTables.open(file)) {
        deployment.addInputStream(
            "decisions/" + file + ".dmn", new ByteArrayInputStream(in.readAllBytes()));
      }
    }
    deployment.deploy();

    List<DecisionDefinition> definitions =
        engine.getRepositoryService().createDecisionDefinitionQuery().list();
    assertThat(definitions)
        .extracting(DecisionDefinition::getKey)
        .contains(
            "risk-grading",
            "channel-routing",
            "joint-handling",
            "handling-level",
            "joint-departments",
            "escalation-policy",
            "mediation-ladder",
            "legal-aid-eligibility");
    assertThat(definitions)
        .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isEqualTo(1826));

    var routing =
        engine
            .getDecisionService()
            .evaluateDecisionByKey("channel-routing")
            .variables(
                DecisionTables.vars(
                    "source",
                    "GRID",
                    "level",
                    "VILLAGE",
                    "disputeType",
                    "NEIGHBOUR",
                    "amount",
                    800,
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
                    "BLUE"))
            .evaluate()
            .getSingleResult();
    assertThat(routing.getEntryMap())
        .containsEntry("channel", "PEOPLES_VILLAGE")
        .containsEntry("slaPeriod", "P30D");

    var departments =
        engine
            .getDecisionService()
            .evaluateDecisionByKey("joint-departments")
            .variables(
                Map.of(
                    "disputeType",
                    "MEDICAL",
                    "violence",
                    false,
                    "crimeSuspected",
                    false,
                    "injury",
                    true,
                    "governmentBodyParty",
                    false,
                    "source",
                    "WINDOW"))
            .evaluate()
            .collectEntries("department");
    assertThat(departments).containsExactlyInAnyOrder("JUSTICE", "HEALTH");
  }
}
