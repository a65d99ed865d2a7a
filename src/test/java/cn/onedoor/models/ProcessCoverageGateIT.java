package cn.onedoor.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.Test;

/**
 * The coverage gate, run after all tests (failsafe, phase integration-test): every flow node and
 * every sequence flow of every diagram in processes/ and simulation/processes/ ({@link ModelFiles})
 * must have been passed by at least one test. The process tests leave one report per test class
 * under target/process-test-coverage/ (open report.html there to see the paths); this gate unites
 * them and names what no test passes, so a designer who adds a branch learns to add its test. It
 * also writes target/process-test-coverage/summary.md with the figures per process.
 */
class ProcessCoverageGateIT {

  private static final Path REPORTS = Path.of("target", "process-test-coverage");

  @Test
  void everyFlowNodeAndSequenceFlowIsPassedByATest() throws IOException {
    Set<String> covered = coveredElements();
    TreeMap<String, List<String>> missing = new TreeMap<>();
    StringBuilder summary =
        new StringBuilder("| process | elements | covered | missing |\n|---|---|---|---|\n");
    for (Path file : diagrams()) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      String processKey = model.getModelElementsByType(Process.class).iterator().next().getId();
      List<String> all = new ArrayList<>();
      for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
        if (element instanceof FlowNode || element instanceof SequenceFlow) {
          all.add(element.getId());
        }
      }
      List<String> notCovered =
          all.stream().filter(id -> !covered.contains(processKey + "/" + id)).sorted().toList();
      if (!notCovered.isEmpty()) {
        missing.put(processKey, notCovered);
      }
      summary.append(
          "| %s | %d | %d | %s |%n"
              .formatted(
                  processKey,
                  all.size(),
                  all.size() - notCovered.size(),
                  String.join(", ", notCovered)));
    }
    Files.createDirectories(REPORTS);
    Files.writeString(REPORTS.resolve("summary.md"), summary.toString());
    assertThat(missing)
        .as(
            "flow nodes and sequence flows that no test passes (see %s)",
            REPORTS.resolve("summary.md"))
        .isEmpty();
  }

  private static Set<String> coveredElements() throws IOException {
    Set<String> covered = new HashSet<>();
    assertThat(REPORTS)
        .as("process test reports; run the whole suite (./mvnw verify)")
        .isDirectory();
    try (Stream<Path> files = Files.walk(REPORTS)) {
      for (Path report :
          files.filter(path -> path.getFileName().toString().equals("report.json")).toList()) {
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        for (JsonNode suite : json.path("suites")) {
          for (JsonNode run : suite.path("runs")) {
            for (JsonNode event : run.path("events")) {
              covered.add(
                  event.path("modelKey").asText() + "/" + event.path("definitionKey").asText());
            }
          }
        }
      }
    }
    return covered;
  }

  private static List<Path> diagrams() {
    return ModelFiles.processes();
  }
}
