package cn.onedoor.models;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.organisation.UnitGroups;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.mock.env.MockEnvironment;

/**
 * The Camunda Modeler element templates ({@code .camunda/element-templates/*.json} beside the
 * diagrams) and the code stay in step: every delegate a diagram calls has a template the Modeler
 * finds from that diagram's folder, every template names a delegate bean that exists, the inputs a
 * template sets are read by that delegate and every variable the delegate reads is set by the
 * template or named in its description, and the pattern templates (clocked task, escalation ladder,
 * chase-up) say what the diagrams do. That the templates are valid against Camunda's published
 * schema is checked by {@code npm --prefix .ci/lint run templates} (CI).
 */
class ElementTemplatesTest {

  static final Path SOURCES = Path.of("src", "main", "java");
  static final Pattern DELEGATE = Pattern.compile("^\\$\\{(\\w+)}$");
  static final Pattern READS = Pattern.compile("getVariable(?:Local)?\\(\"(\\w+)\"\\)");
  static final Pattern UNIT_GROUP = Pattern.compile("^\\$\\{unitGroups\\.(\\w+)\\(.*\\)}$");

  record Template(Path file, JsonNode json) {
    String id() {
      return json.path("id").asText();
    }

    /** The bean of the Hidden camunda:delegateExpression property, if the template sets one. */
    Optional<String> delegate() {
      return property("property", "camunda:delegateExpression")
          .map(property -> property.path("value").asText())
          .map(DELEGATE::matcher)
          .filter(Matcher::matches)
          .map(matcher -> matcher.group(1));
    }

    Optional<JsonNode> property(String bindingType, String name) {
      return properties().stream()
          .filter(property -> bindingType.equals(property.path("binding").path("type").asText()))
          .filter(property -> name.equals(property.path("binding").path("name").asText()))
          .findFirst();
    }

    List<JsonNode> properties() {
      List<JsonNode> properties = new ArrayList<>();
      json.path("properties").forEach(properties::add);
      return properties;
    }

    Set<String> inputs() {
      Set<String> inputs = new TreeSet<>();
      properties().stream()
          .filter(p -> "camunda:inputParameter".equals(p.path("binding").path("type").asText()))
          .forEach(p -> inputs.add(p.path("binding").path("name").asText()));
      return inputs;
    }

    Set<String> choices(JsonNode property) {
      Set<String> choices = new TreeSet<>();
      property.path("choices").forEach(choice -> choices.add(choice.path("value").asText()));
      return choices;
    }

    String where() {
      return file + " " + id();
    }
  }

  static final List<Template> TEMPLATES = new ArrayList<>();
  static final Map<Path, BpmnModelInstance> DIAGRAMS = new LinkedHashMap<>();
  static final Map<String, Class<?>> DELEGATE_BEANS = new LinkedHashMap<>();

  @BeforeAll
  static void read() throws Exception {
    for (Path folder : ModelFiles.PROCESS_FOLDERS) {
      Path templates = folder.resolve(".camunda").resolve("element-templates");
      for (Path file : jsonFiles(templates)) {
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        (json.isArray() ? json : new ObjectMapper().createArrayNode().add(json))
            .forEach(template -> TEMPLATES.add(new Template(file, template)));
      }
    }
    for (Path file : ModelFiles.processes()) {
      DIAGRAMS.put(file, Bpmn.readModelFromFile(file.toFile()));
    }
    // The bean names Spring gives our delegates, read as Spring's component scan reads them, with
    // the simulated systems switched on as in the default profile (application.yaml).
    ClassPathScanningCandidateComponentProvider scan =
        new ClassPathScanningCandidateComponentProvider(
            false, new MockEnvironment().withProperty("onedoor.simulation.enabled", "true"));
    scan.addIncludeFilter(new AssignableTypeFilter(JavaDelegate.class));
    SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
    for (BeanDefinition bean : scan.findCandidateComponents("cn.onedoor")) {
      DELEGATE_BEANS.put(
          AnnotationBeanNameGenerator.INSTANCE.generateBeanName(bean, registry),
          Class.forName(bean.getBeanClassName()));
    }
    assertThat(TEMPLATES).as("templates found").isNotEmpty();
    assertThat(DELEGATE_BEANS).as("delegate beans found").containsKey("notifyParties");
  }

  @Test
  void everyDelegateADiagramCallsHasATemplateTheModelerFindsFromThatDiagram() {
    DIAGRAMS.forEach(
        (file, model) -> {
          for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            assertThat(task.getCamundaClass())
                .as(file + " " + task.getId() + ": a Java class instead of a delegate bean")
                .isNull();
            String expression = task.getCamundaDelegateExpression();
            if (expression == null) {
              continue;
            }
            Matcher bean = DELEGATE.matcher(expression);
            assertThat(bean.matches())
                .as(file + " " + task.getId() + ": delegate expression " + expression)
                .isTrue();
            assertThat(templatesFoundFrom(file))
                .as(
                    file
                        + " "
                        + task.getId()
                        + " calls ${"
                        + bean.group(1)
                        + "}: a template for it in .camunda/element-templates beside the diagram"
                        + " or above")
                .anyMatch(template -> template.delegate().equals(Optional.of(bean.group(1))));
          }
        });
  }

  @Test
  void everyTemplateNamesADelegateBeanThatExists() {
    for (Template template : TEMPLATES) {
      if (!template.json.path("appliesTo").toString().contains("bpmn:ServiceTask")) {
        continue;
      }
      assertThat(template.delegate()).as(template.where() + ": delegate expression").isPresent();
      assertThat(DELEGATE_BEANS)
          .as(template.where() + ": a JavaDelegate bean of that name")
          .containsKey(template.delegate().get());
      assertThat(template.property("property", "camunda:asyncBefore"))
          .as(template.where() + ": asynchronous before the call")
          .hasValueSatisfying(p -> assertThat(p.path("value").asBoolean()).isTrue());
    }
    assertThat(
            TEMPLATES.stream().map(Template::id).distinct().count()
                == TEMPLATES.stream().map(Template::id).count())
        .as("template ids unique")
        .isTrue();
  }

  @Test
  void aTemplateSetsWhatItsDelegateReadsAndNamesTheRest() throws IOException {
    for (Template template : TEMPLATES) {
      Optional<String> bean = template.delegate();
      if (bean.isEmpty()) {
        continue;
      }
      Class<?> delegate = DELEGATE_BEANS.get(bean.get());
      Path source =
          SOURCES.resolve(delegate.getName().replace('.', '/').replaceAll("\\$.*", "") + ".java");
      Set<String> reads = new TreeSet<>();
      Matcher read = READS.matcher(Files.readString(source));
      while (read.find()) {
        reads.add(read.group(1));
      }
      assertThat(reads)
          .as(template.where() + ": inputs the template sets, read by " + source)
          .containsAll(template.inputs());
      String description = template.json.path("description").asText();
      for (String variable : reads) {
        assertThat(
                template.inputs().contains(variable)
                    || Pattern.compile("\\b" + variable + "\\b").matcher(description).find())
            .as(
                template.where()
                    + ": "
                    + source
                    + " reads "
                    + variable
                    + "; the template sets it or its description names it")
            .isTrue();
      }
    }
  }

  @Test
  void theDiagramsUseOnlyTheChoicesTheirTemplatesOffer() {
    DIAGRAMS.forEach(
        (file, model) -> {
          for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            Matcher bean = DELEGATE.matcher(String.valueOf(task.getCamundaDelegateExpression()));
            if (!bean.matches()) {
              continue;
            }
            Template template = templateFor(bean.group(1));
            for (CamundaInputParameter input :
                task.getModelInstance().getModelElementsByType(CamundaInputParameter.class)) {
              if (!isInside(input, task)) {
                continue;
              }
              template
                  .property("camunda:inputParameter", input.getCamundaName())
                  .filter(property -> "Dropdown".equals(property.path("type").asText()))
                  .ifPresent(
                      dropdown ->
                          assertThat(template.choices(dropdown))
                              .as(
                                  file
                                      + " "
                                      + task.getId()
                                      + " sets "
                                      + input.getCamundaName()
                                      + "; a choice of "
                                      + template.where())
                              .contains(input.getTextContent().trim()));
            }
          }
        });
  }

  /** The escalation ladder's template passes exactly what every diagram passes to the ladder. */
  @Test
  void theLadderTemplatePassesWhatEveryLadderCallPasses() {
    Template ladder = template("cn.onedoor.clock.EscalationLadder");
    assertThat(ladder.property("property", "calledElement"))
        .hasValueSatisfying(
            p -> assertThat(p.path("value").asText()).isEqualTo("escalation-ladder"));
    Map<String, String> templated = new LinkedHashMap<>();
    for (JsonNode property : ladder.properties()) {
      JsonNode binding = property.path("binding");
      if ("camunda:in:businessKey".equals(binding.path("type").asText())) {
        templated.put("(business key)", property.path("value").asText());
      }
      if ("camunda:in".equals(binding.path("type").asText())) {
        templated.put(
            binding.path("target").asText(),
            "Hidden".equals(property.path("type").asText())
                ? property.path("value").asText()
                : "(designer)");
      }
    }
    int calls = 0;
    for (var entry : DIAGRAMS.entrySet()) {
      for (CallActivity call : entry.getValue().getModelElementsByType(CallActivity.class)) {
        if (!"escalation-ladder".equals(call.getCalledElement())) {
          continue;
        }
        calls++;
        Map<String, String> passed = new LinkedHashMap<>();
        for (CamundaIn in :
            call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list()) {
          if (in.getCamundaBusinessKey() != null) {
            passed.put("(business key)", in.getCamundaBusinessKey());
            continue;
          }
          String value =
              in.getCamundaSource() != null
                  ? in.getCamundaSource()
                  : in.getCamundaSourceExpression();
          passed.put(
              in.getCamundaTarget(),
              "(designer)".equals(templated.get(in.getCamundaTarget())) ? "(designer)" : value);
        }
        assertThat(passed)
            .as(entry.getKey() + " " + call.getId() + " passes what the ladder template passes")
            .isEqualTo(templated);
      }
    }
    assertThat(calls).as("ladder calls in the diagrams").isGreaterThan(5);
  }

  /**
   * The groups a clocked or chase-up task offers are {@code unitGroups} methods, and every chase-up
   * task of the diagrams (form court-chase) uses one the template offers.
   */
  @Test
  void theTaskTemplatesOfferGroupsThatExistAndTheDiagramsUse() {
    Set<String> methods = new LinkedHashSet<>();
    Arrays.stream(UnitGroups.class.getMethods()).map(Method::getName).forEach(methods::add);
    for (String id : List.of("cn.onedoor.clock.ClockedUserTask", "cn.onedoor.clock.ChaseUpTask")) {
      Template template = template(id);
      JsonNode groups = template.property("property", "camunda:candidateGroups").orElseThrow();
      for (String choice : template.choices(groups)) {
        Matcher method = UNIT_GROUP.matcher(choice);
        assertThat(method.matches()).as(id + ": " + choice).isTrue();
        assertThat(methods).as(id + ": UnitGroups." + method.group(1)).contains(method.group(1));
      }
    }
    Template chase = template("cn.onedoor.clock.ChaseUpTask");
    Set<String> offered =
        chase.choices(chase.property("property", "camunda:candidateGroups").orElseThrow());
    int chaseTasks = 0;
    for (var entry : DIAGRAMS.entrySet()) {
      for (UserTask task : entry.getValue().getModelElementsByType(UserTask.class)) {
        if ("court-chase".equals(task.getCamundaFormRef())) {
          chaseTasks++;
          assertThat(offered)
              .as(entry.getKey() + " " + task.getId() + " candidate groups")
              .contains(task.getCamundaCandidateGroups());
        }
      }
    }
    assertThat(chaseTasks).as("chase-up tasks in the diagrams").isGreaterThan(3);
  }

  /** Camunda Modeler looks in .camunda/element-templates beside the diagram and in every parent. */
  private static List<Template> templatesFoundFrom(Path diagram) {
    List<Path> folders = new ArrayList<>();
    for (Path dir = diagram.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
      folders.add(dir.resolve(".camunda").resolve("element-templates"));
    }
    return TEMPLATES.stream()
        .filter(template -> folders.contains(template.file.toAbsolutePath().getParent()))
        .toList();
  }

  private static Template template(String id) {
    return TEMPLATES.stream()
        .filter(template -> id.equals(template.id()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no template " + id));
  }

  private static Template templateFor(String bean) {
    return TEMPLATES.stream()
        .filter(template -> template.delegate().equals(Optional.of(bean)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no template for ${" + bean + "}"));
  }

  private static boolean isInside(
      org.camunda.bpm.model.xml.instance.ModelElementInstance element, ServiceTask task) {
    for (var parent = element.getParentElement();
        parent != null;
        parent = parent.getParentElement()) {
      if (parent == task) {
        return true;
      }
    }
    return false;
  }

  private static List<Path> jsonFiles(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
