package cn.onedoor.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import cn.onedoor.forms.FormSpec.Field;
import cn.onedoor.forms.FormSpec.Form;
import cn.onedoor.models.ModelFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Camunda Forms in forms/ and simulation/forms/ against what Camunda 7.24 Tasklist can render
 * and what the processes read.
 *
 * <p>Tasklist 7.24 embeds form-js 1.8.7, whose schemaVersion is 16. Checked there (see
 * forms/README.md): a disabled field is not submitted, a readonly one is; a field hidden by its
 * condition is neither validated nor submitted; a text component renders {@code {{variable}}}
 * templates from all process variables without submitting anything.
 */
class CamundaFormsTest {

  /**
   * schemaVersion written by form-js 1.8.x (Camunda Modeler 5.22 to 5.25); Tasklist 7.24 renders
   * form-js 1.8.7.
   */
  static final int TASKLIST_SCHEMA_VERSION = 16;

  /**
   * Components form-js 1.8 renders and this project uses. Not allowed: checklist and taglist
   * (submit a list, which Tasklist stores as Json through Spin), dynamiclist and pathed groups
   * (nested objects), iframe, html, image, table, expression and button (nothing a mediator needs).
   * form-js 1.8 has no file picker.
   */
  static final Set<String> SUPPORTED_TYPES =
      Set.of(
          "textfield",
          "textarea",
          "number",
          "datetime",
          "select",
          "radio",
          "checkbox",
          "text",
          "group",
          "separator");

  static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
  static final Pattern COMPONENT_ID =
      Pattern.compile("(Field|Text|Group|Separator)_[A-Za-z][A-Za-z0-9]*");
  static final int NOTE_MAX_LENGTH = 2000;

  static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Path> formFiles() throws IOException {
    List<Path> forms = ModelFiles.forms();
    assertThat(forms).as("forms in %s", ModelFiles.FORM_FOLDERS).isNotEmpty();
    return forms.stream();
  }

  static Stream<Form> specForms() {
    return FormSpec.FORMS.stream();
  }

  @Test
  void everyFormOfTheSpecExists() {
    List<String> missing =
        FormSpec.FORMS.stream()
            .map(Form::id)
            .filter(id -> !Files.isRegularFile(ModelFiles.form(id)))
            .toList();
    assertThat(missing).as("forms named in the spec but missing from forms/").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formFiles")
  void isACamunda7FormNamedAfterItsId(Path file) {
    JsonNode form = read(file);
    String fileId = file.getFileName().toString().replaceFirst("\\.form$", "");
    assertThat(form.path("id").asText())
        .as("id of %s (formRef = id = file name)", file)
        .isEqualTo(fileId);
    assertThat(form.path("type").asText()).isEqualTo("default");
    assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
    assertThat(form.path("executionPlatformVersion").asText()).isEqualTo("7.24.0");
    assertThat(form.path("schemaVersion").asInt())
        .as(
            "%s: Tasklist 7.24 renders form-js 1.8.7 (schemaVersion %d); a newer Modeler writes a newer schema",
            file, TASKLIST_SCHEMA_VERSION)
        .isBetween(1, TASKLIST_SCHEMA_VERSION);
    assertThat(form.path("components").isArray()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formFiles")
  void usesOnlyComponentsTasklistRenders(Path file) {
    eachComponent(
        read(file),
        c ->
            assertThat(c.path("type").asText())
                .as("%s: type of %s", file, c.path("id").asText())
                .isIn(SUPPORTED_TYPES));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formFiles")
  void hasStableUniqueIdsAndKeys(Path file) {
    Set<String> ids = new HashSet<>();
    Set<String> keys = new HashSet<>();
    eachComponent(
        read(file),
        c -> {
          String id = c.path("id").asText();
          assertThat(id).as("%s: component id", file).matches(COMPONENT_ID);
          assertThat(ids.add(id)).as("%s: id %s is unique", file, id).isTrue();
          if (c.hasNonNull("key")) {
            String key = c.get("key").asText();
            assertThat(key).as("%s: key", file).matches("[a-z][A-Za-z0-9]*");
            assertThat(id)
                .as("%s: id of the field bound to %s", file, key)
                .isEqualTo("Field_" + key);
            assertThat(keys.add(key)).as("%s: key %s is bound once", file, key).isTrue();
          }
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formFiles")
  void speaksChineseToTheOfficer(Path file) {
    eachComponent(
        read(file),
        c -> {
          String id = file + " " + c.path("id").asText();
          if (c.hasNonNull("key")) {
            String label =
                "datetime".equals(c.path("type").asText())
                    ? c.path("dateLabel").asText()
                    : c.path("label").asText();
            assertThat(label).as("%s: label", id).isNotBlank().containsPattern(CHINESE);
          }
          if (c.has("description")) {
            assertThat(c.get("description").asText())
                .as("%s: description", id)
                .containsPattern(CHINESE);
          }
          if (c.has("label")) {
            assertThat(c.get("label").asText()).as("%s: label", id).containsPattern(CHINESE);
          }
          if ("text".equals(c.path("type").asText())) {
            assertThat(c.path("text").asText()).as("%s: text", id).containsPattern(CHINESE);
          }
          for (JsonNode option : c.path("values")) {
            assertThat(option.path("label").asText())
                .as("%s: label of option %s", id, option.path("value"))
                .containsPattern(CHINESE);
          }
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formFiles")
  void submitsFlatVariablesAndNeverWritesContextBack(Path file) {
    eachComponent(
        read(file),
        c -> {
          String id = file + " " + c.path("id").asText();
          if ("group".equals(c.path("type").asText())) {
            assertThat(c.path("path").asText(""))
                .as("%s: a group with a path submits a nested Json object", id)
                .isEmpty();
          }
          if (c.hasNonNull("key")) {
            // a readonly field is submitted again (overwriting the variable); show context in a
            // text component instead
            assertThat(c.path("readonly").asBoolean(false)).as("%s: readonly", id).isFalse();
            assertThat(c.path("disabled").asBoolean(false)).as("%s: disabled", id).isFalse();
          }
          if ("datetime".equals(c.path("type").asText())) {
            assertThat(c.path("subtype").asText())
                .as("%s: subtype (arrives as String YYYY-MM-DD)", id)
                .isEqualTo("date");
          }
          if ("textarea".equals(c.path("type").asText())) {
            assertThat(c.path("validate").path("maxLength").asInt(0))
                .as("%s: maxLength", id)
                .isBetween(1, NOTE_MAX_LENGTH);
          }
          if (c.path("validate").path("required").asBoolean(false) && c.has("conditional")) {
            assertThat(c.path("conditional").path("hide").asText())
                .as("%s: hide condition", id)
                .startsWith("=");
          }
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formFiles")
  void opensWithAReadOnlyHeader(Path file) {
    JsonNode first = read(file).path("components").path(0);
    assertThat(first.path("type").asText()).as("%s: first component", file).isEqualTo("text");
    String fileId = file.getFileName().toString().replaceFirst("\\.form$", "");
    boolean startForm = FormSpec.form(fileId).map(Form::startForm).orElse(false);
    if (!startForm) {
      // a start form has no case yet: the code is generated when the process starts
      assertThat(first.path("text").asText())
          .as("%s: header shows the case code", file)
          .contains("{{caseCode}}");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specForms")
  void bindsExactlyTheFieldsOfTheSpec(Form spec) {
    JsonNode form = readSpecForm(spec);
    List<String> keys = new ArrayList<>();
    eachComponent(
        form,
        c -> {
          if (c.hasNonNull("key")) {
            keys.add(c.get("key").asText());
          }
        });
    assertThat(keys)
        .as("%s: keys", spec)
        .containsExactlyInAnyOrderElementsOf(spec.fields().stream().map(Field::key).toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specForms")
  void requiresWhatTheSpecRequires(Form spec) {
    JsonNode form = readSpecForm(spec);
    eachComponent(
        form,
        c -> {
          if (!c.hasNonNull("key")) {
            return;
          }
          Field field = spec.field(c.get("key").asText()).orElseThrow();
          boolean required = c.path("validate").path("required").asBoolean(false);
          String id = spec + " " + field.key();
          if (field.required()) {
            assertThat(required).as("%s is required", id).isTrue();
            assertThat(c.has("conditional"))
                .as("%s is required always, so never hidden", id)
                .isFalse();
          } else if (required) {
            // optional in the spec: may be required only while shown, e.g. the agreement date once
            // an agreement is reached
            assertThat(c.path("conditional").path("hide").asText())
                .as("%s: required only while shown", id)
                .isNotBlank();
          }
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specForms")
  void entersEachFieldTheWayTheProcessReadsIt(Form spec) {
    JsonNode form = readSpecForm(spec);
    eachComponent(
        form,
        c -> {
          if (!c.hasNonNull("key")) {
            return;
          }
          Field field = spec.field(c.get("key").asText()).orElseThrow();
          String id = spec + " " + field.key();
          String type = c.path("type").asText();
          switch (field.kind()) {
            case TEXT -> assertThat(type).as(id).isEqualTo("textfield");
            case TEXTAREA -> assertThat(type).as(id).isEqualTo("textarea");
            case DATE -> assertThat(type).as(id).isEqualTo("datetime");
            case CHECKBOX -> assertThat(type).as(id).isEqualTo("checkbox");
            case NUMBER -> {
              assertThat(type).as(id).isEqualTo("number");
              assertThat(c.path("validate").path("min").isNumber()).as("%s: min", id).isTrue();
              assertThat(c.path("validate").path("min").asDouble())
                  .as("%s: min", id)
                  .isEqualTo(field.min());
              // a string would arrive as String, not as the number the decisions compare
              assertThat(c.path("serializeToString").asBoolean(false))
                  .as("%s: serializeToString", id)
                  .isFalse();
            }
            case BOOLEAN -> {
              assertThat(type).as(id).isIn("radio", "checkbox");
              if (type.equals("radio")) {
                List<JsonNode> values = new ArrayList<>();
                c.path("values").forEach(o -> values.add(o.path("value")));
                // "true" as a string would arrive as String and break ${performed} in a gateway
                assertThat(values)
                    .as("%s: values are the JSON booleans true and false", id)
                    .allMatch(JsonNode::isBoolean)
                    .extracting(JsonNode::asBoolean)
                    .containsExactlyInAnyOrder(true, false);
              }
            }
            case CODE -> {
              assertThat(type).as(id).isIn("select", "radio");
              assertThat(c.has("valuesKey")).as("%s: options from a variable", id).isFalse();
              List<Object> values = new ArrayList<>();
              c.path("values").forEach(o -> values.add(scalar(o.path("value"))));
              if (c.has("valuesExpression")) {
                // options chosen by a decision's output (e.g. inform-routes by arbitrationFirst):
                // every code the expression can offer, none other
                assertThat(c.has("values")).as("%s: values and valuesExpression", id).isFalse();
                java.util.regex.Matcher code =
                    Pattern.compile("value: \"(\\w+)\"")
                        .matcher(c.path("valuesExpression").asText());
                while (code.find()) {
                  if (!values.contains(code.group(1))) {
                    values.add(code.group(1));
                  }
                }
              }
              assertThat(values)
                  .as("%s: option values", id)
                  .containsExactlyInAnyOrderElementsOf(field.codes());
            }
            default -> fail("unknown kind " + field.kind());
          }
        });
  }

  private static Object scalar(JsonNode value) {
    if (value.isInt()) {
      return value.asInt();
    }
    assertThat(value.isTextual()).as("option value %s is a code or an integer", value).isTrue();
    return value.asText();
  }

  private static JsonNode readSpecForm(Form spec) {
    Path file = ModelFiles.form(spec.id());
    assertThat(file).as("form of the spec").isRegularFile();
    return read(file);
  }

  static JsonNode read(Path file) {
    try {
      JsonNode form = JSON.readTree(Files.readString(file));
      assertThat(form.isObject()).as("%s is a JSON object", file).isTrue();
      return form;
    } catch (IOException e) {
      throw new AssertionError(file + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  /** Visits every component, including those inside groups. */
  static void eachComponent(JsonNode parent, Consumer<JsonNode> visitor) {
    for (JsonNode c : parent.path("components")) {
      visitor.accept(c);
      eachComponent(c, visitor);
    }
  }
}
