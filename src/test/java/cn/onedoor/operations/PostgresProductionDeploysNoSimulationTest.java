package cn.onedoor.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.casefile.ProcessModels;
import cn.onedoor.support.PostgresTestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Production (the {@code postgres} profile, on a real PostgreSQL) deploys the county's models and
 * nothing of the simulated external systems: no {@code simulated-*} process, no {@code sim-*} form,
 * nothing from simulation/. The {@code test} profile comes second only to switch the job executor
 * off.
 */
@SpringBootTest(properties = "camunda.bpm.admin-user.password=a-Strong-one-9")
@ActiveProfiles({"postgres", "test"})
@Import(PostgresTestDatabase.class)
class PostgresProductionDeploysNoSimulationTest {

  @Autowired RepositoryService repositoryService;

  @Test
  void productionDeploysNoSimulatedModel() {
    List<String> processKeys =
        repositoryService.createProcessDefinitionQuery().list().stream()
            .map(ProcessDefinition::getKey)
            .toList();
    assertThat(processKeys)
        .contains(ProcessModels.DISPUTE_CASE)
        .noneMatch(key -> key.startsWith("simulated-"));

    List<String> resources = new ArrayList<>();
    for (Deployment deployment : repositoryService.createDeploymentQuery().list()) {
      resources.addAll(repositoryService.getDeploymentResourceNames(deployment.getId()));
    }
    assertThat(resources)
        .anyMatch(name -> name.endsWith("case-registration.form"))
        .noneMatch(name -> name.matches("(.*/)?sim-[^/]*\\.form"))
        .noneMatch(name -> name.contains("simulation/"));
  }
}
