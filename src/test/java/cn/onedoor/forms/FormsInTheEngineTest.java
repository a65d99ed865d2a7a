package cn.onedoor.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.rest.dto.VariableValueDto;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The forms in a real (in-memory) engine: every form deploys and resolves by its id as a {@code
 * camunda:formRef}; and which variable types the process receives from a Camunda Form submitted in
 * Tasklist 7.24, so that gateways and decisions can rely on them.
 *
 * <p>Tasklist (camunda-tasklist-bootstrap.js) takes form-js's submit data and sends every scalar as
 * {@code {"value": v}} without a type, to {@code POST /task/{id}/submit-form} or {@code
 * /process-definition/{id}/submit-form}; the REST API reads the body with Camunda's object mapper
 * and infers the type from the JSON value. The payloads below are what form-js 1.8.7 produced for
 * these forms in Chromium: radio true/false and checkboxes give JSON booleans, number fields and
 * the numeric satisfaction select give JSON numbers, dates give "YYYY-MM-DD" strings, an untouched
 * optional date gives null, an untouched optional textarea gives "", and a field hidden by its
 * condition is left out.
 */
class FormsInTheEngineTest {

  static ProcessEngine engine;
  static final ObjectMapper REST_MAPPER =
      JacksonConfigurator.configureObjectMapper(new ObjectMapper());

  @BeforeAll
  static void startEngine() {
    engine =
        ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
            .setProcessEngineName("forms-in-the-engine")
            .setJdbcUrl("jdbc:h2:mem:forms-in-the-engine;DB_CLOSE_DELAY=-1")
            .setJobExecutorActivate(false)
            .setHistory(ProcessEngineConfiguration.HISTORY_NONE)
            .buildProcessEngine();
    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(
            "submission.bpmn",
            Bpmn.createExecutableProcess("submission")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Task_Fill")
                .userTask("Task_Wait")
                .endEvent()
                .done())
        .deploy();
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @Test
  void deploysEveryFormAndResolvesItsFormRef() throws IOException {
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("forms");
    List<String> ids;
    try (Stream<Path> files = CamundaFormsTest.formFiles()) {
      ids =
          files
              .map(
                  file -> {
                    String id = file.getFileName().toString().replaceFirst("\\.form$", "");
                    try {
                      deployment.addInputStream(
                          "forms/" + id + ".form", Files.newInputStream(file));
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                    // the way the diagrams reference a form: by its id, from the same deployment
                    deployment.addModelInstance(
                        "uses-" + id + ".bpmn",
                        Bpmn.createExecutableProcess("uses_" + id.replace('-', '_'))
                            .camundaHistoryTimeToLive(1)
                            .startEvent()
                            .camundaFormRef(id)
                            .camundaFormRefBinding("deployment")
                            .userTask("Task_" + id.replace('-', '_'))
                            .camundaFormRef(id)
                            .camundaFormRefBinding("deployment")
                            .endEvent()
                            .done());
                    return id;
                  })
              .toList();
    }
    String deploymentId = deployment.deploy().getId();

    for (String id : ids) {
      String key = "uses_" + id.replace('-', '_');
      String definitionId =
          engine
              .getRepositoryService()
              .createProcessDefinitionQuery()
              .deploymentId(deploymentId)
              .processDefinitionKey(key)
              .singleResult()
              .getId();
      assertThat(formId(engine.getFormService().getDeployedStartForm(definitionId)))
          .as("start form %s", id)
          .isEqualTo(id);
      String instanceId = engine.getRuntimeService().startProcessInstanceByKey(key).getId();
      String taskId =
          engine
              .getTaskService()
              .createTaskQuery()
              .processInstanceId(instanceId)
              .singleResult()
              .getId();
      assertThat(formId(engine.getFormService().getDeployedTaskForm(taskId)))
          .as("task form %s", id)
          .isEqualTo(id);
    }
  }

  @Test
  void caseRegistrationStartForm() {
    // Tasklist sends no business key with a start form: the process sets the case code itself
    String definitionId =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey("submission")
            .singleResult()
            .getId();
    ProcessInstance instance =
        engine
            .getFormService()
            .submitStartForm(
                definitionId,
                rest(
                    """
        {"level": {"value": "VILLAGE"}, "townCode": {"value": "511725104"}, "villageCode": {"value": "511725104001"},
         "disputeType": {"value": "LAND_USE"}, "occurredOn": {"value": "2026-02-20"},
         "summary": {"value": "两户宅基地边界争执。"}, "amount": {"value": 3000.5}, "partyCount": {"value": 2},
         "injury": {"value": true}, "violence": {"value": false}, "crimeSuspected": {"value": false},
         "governmentBodyParty": {"value": false}, "acceptedElsewhere": {"value": "NONE"},
         "consentToMediation": {"value": false}}
        """));

    assertType(instance, "level", ValueType.STRING, "VILLAGE");
    assertType(instance, "townCode", ValueType.STRING, "511725104");
    assertType(instance, "occurredOn", ValueType.STRING, "2026-02-20");
    assertType(instance, "amount", ValueType.DOUBLE, 3000.5);
    assertType(instance, "partyCount", ValueType.INTEGER, 2);
    assertType(instance, "injury", ValueType.BOOLEAN, true);
    assertType(instance, "violence", ValueType.BOOLEAN, false);
    assertType(instance, "consentToMediation", ValueType.BOOLEAN, false);
  }

  @Test
  void wholeAmountsArriveAsInteger() {
    ProcessInstance instance =
        startAndSubmit(
            """
        {"amount": {"value": 3000}, "monthlyIncomePerCapita": {"value": 0}}
        """);

    // the decisions declare amount as double and accept Integer; a JUEL gateway compares either
    assertType(instance, "amount", ValueType.INTEGER, 3000);
    assertType(instance, "monthlyIncomePerCapita", ValueType.INTEGER, 0);
  }

  @Test
  void taskFormsSubmitBooleansCodesAndDates() {
    ProcessInstance instance =
        startAndSubmit(
            """
        {"mediationResult": {"value": "AGREEMENT_WRITTEN"}, "agreementDate": {"value": "2026-03-02"},
         "performanceDueDate": {"value": null}, "sessionNote": {"value": "双方达成书面协议。"},
         "performed": {"value": false}, "partiesConsent": {"value": "YES"}, "satisfaction": {"value": 4},
         "informNote": {"value": ""}}
        """);

    assertType(instance, "mediationResult", ValueType.STRING, "AGREEMENT_WRITTEN");
    assertType(instance, "agreementDate", ValueType.STRING, "2026-03-02");
    assertType(instance, "performanceDueDate", ValueType.NULL, null);
    assertType(instance, "performed", ValueType.BOOLEAN, false);
    assertType(instance, "partiesConsent", ValueType.STRING, "YES");
    assertType(instance, "satisfaction", ValueType.INTEGER, 4);
    assertType(instance, "informNote", ValueType.STRING, "");
  }

  private ProcessInstance startAndSubmit(String payload) {
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("submission");
    String taskId =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(instance.getId())
            .singleResult()
            .getId();
    engine.getFormService().submitTaskForm(taskId, rest(payload));
    return instance;
  }

  private static String formId(InputStream form) {
    try (form) {
      return REST_MAPPER.readTree(form).path("id").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the REST API makes of Tasklist's request body. */
  private static VariableMap rest(String json) {
    try {
      Map<String, VariableValueDto> body = REST_MAPPER.readValue(json, new TypeReference<>() {});
      return VariableValueDto.toMap(body, engine, REST_MAPPER);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertType(
      ProcessInstance instance, String name, ValueType type, Object value) {
    TypedValue typed = engine.getRuntimeService().getVariableTyped(instance.getId(), name);
    assertThat(typed).as(name).isNotNull();
    assertThat(typed.getType()).as("type of %s", name).isEqualTo(type);
    assertThat(typed.getValue()).as("value of %s", name).isEqualTo(value);
  }
}
