package cn.onedoor.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Conventions every file in {@code decisions/} keeps, so that it deploys and a process designer can
 * open and change it in Camunda Modeler: DMN 1.3, a history time-to-live and a diagram shape on
 * every decision, file name = decision id, Chinese labels with English names, explicit types, an
 * annotation on every rule, and a hit policy that is explained and supported by the Camunda 7
 * engine.
 */
class DecisionModelConventionsTest {

  private static final String DMN13 = "https://www.omg.org/spec/DMN/20191111/MODEL/";
  private static final String DMNDI = "https://www.omg.org/spec/DMN/20191111/DMNDI/";
  private static final String CAMUNDA = "http://camunda.org/schema/1.0/dmn";
  private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
  private static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9]*");
  private static final Pattern STRING_LITERAL = Pattern.compile("\"([^\"]*)\"");

  static Stream<String> files() throws IOException {
    Resource[] resources =
        new PathMatchingResourcePatternResolver().getResources("classpath*:decisions/*.dmn");
    return Arrays.stream(resources)
        .map(Resource::getFilename)
        .map(name -> name.replaceFirst("\\.dmn$", ""))
        .sorted();
  }

  @Test
  void theRoutingDecisionsAreAllThere() throws IOException {
    assertThat(files())
        .contains(
            "risk-grading",
            "channel-routing",
            "joint-departments",
            "escalation-policy",
            "mediation-ladder",
            "legal-aid-eligibility");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void everyDecisionDeploysAndOpensWithALayout(String file) throws Exception {
    Document document = read(file);
    Element definitions = document.getDocumentElement();
    assertThat(definitions.getNamespaceURI()).as("DMN 1.3 namespace").isEqualTo(DMN13);

    List<Element> decisions = children(definitions, DMN13, "decision");
    assertThat(decisions).as("decisions in %s", file).isNotEmpty();
    Set<String> shapes = new HashSet<>();
    for (Element shape : all(document, DMNDI, "DMNShape")) {
      assertThat(all(shape, "http://www.omg.org/spec/DMN/20180521/DC/", "Bounds"))
          .as("bounds of a shape")
          .hasSize(1);
      shapes.add(shape.getAttribute("dmnElementRef"));
    }
    Set<String> edges = new HashSet<>();
    all(document, DMNDI, "DMNEdge").forEach(edge -> edges.add(edge.getAttribute("dmnElementRef")));

    Set<String> required = new HashSet<>();
    for (Element decision : decisions) {
      String id = decision.getAttribute("id");
      assertThat(decision.getAttributeNS(CAMUNDA, "historyTimeToLive"))
          .as("camunda:historyTimeToLive of %s (deployment is refused without it)", id)
          .isNotBlank();
      assertThat(shapes).as("a DMNDI shape for %s", id).contains(id);
      assertThat(CHINESE.matcher(decision.getAttribute("name")).find())
          .as("Chinese name of %s", id)
          .isTrue();
      for (Element requirement : children(decision, DMN13, "informationRequirement")) {
        assertThat(edges)
            .as("a DMNDI edge for %s", requirement.getAttribute("id"))
            .contains(requirement.getAttribute("id"));
        for (Element requiredDecision : children(requirement, DMN13, "requiredDecision")) {
          required.add(requiredDecision.getAttribute("href").replaceFirst("^#", ""));
        }
      }
      checkTable(id, decision);
    }
    List<String> top =
        decisions.stream()
            .map(d -> d.getAttribute("id"))
            .filter(id -> !required.contains(id))
            .toList();
    assertThat(top)
        .as("the decision the process calls is named like its file")
        .containsExactly(file);

    try (InputStream in = DecisionTables.open(file)) {
      assertThat(DecisionTables.ENGINE.parseDecisions(in)).hasSize(decisions.size());
    }
  }

  private static void checkTable(String id, Element decision) {
    String description = text(children(decision, DMN13, "description"));
    Element table = children(decision, DMN13, "decisionTable").get(0);
    String hitPolicy = table.hasAttribute("hitPolicy") ? table.getAttribute("hitPolicy") : "UNIQUE";
    assertThat(hitPolicy)
        .as("hit policy of %s: Camunda 7 implements neither PRIORITY nor OUTPUT ORDER", id)
        .isIn("UNIQUE", "FIRST", "ANY", "RULE ORDER", "COLLECT");
    assertThat(description)
        .as("the description of %s explains its hit policy", id)
        .contains(hitPolicy);
    assertThat(CHINESE.matcher(description).find()).as("Chinese description of %s", id).isTrue();

    List<List<String>> allowedInputs = new ArrayList<>();
    for (Element input : children(table, DMN13, "input")) {
      String label = input.getAttribute("label");
      assertThat(CHINESE.matcher(label).find())
          .as("Chinese label of input %s of %s", label, id)
          .isTrue();
      Element expression = children(input, DMN13, "inputExpression").get(0);
      assertThat(expression.getAttribute("typeRef"))
          .as("typeRef of input %s of %s", label, id)
          .isNotBlank();
      assertThat(text(children(expression, DMN13, "text")))
          .as("input %s of %s reads a variable", label, id)
          .matches(NAME);
      allowedInputs.add(literals(text(children(input, DMN13, "inputValues"))));
    }
    List<List<String>> allowedOutputs = new ArrayList<>();
    for (Element output : children(table, DMN13, "output")) {
      String name = output.getAttribute("name");
      assertThat(name).as("English name of an output of %s", id).matches(NAME);
      assertThat(CHINESE.matcher(output.getAttribute("label")).find())
          .as("Chinese label of %s of %s", name, id)
          .isTrue();
      assertThat(output.getAttribute("typeRef")).as("typeRef of %s of %s", name, id).isNotBlank();
      allowedOutputs.add(literals(text(children(output, DMN13, "outputValues"))));
    }
    for (Element rule : children(table, DMN13, "rule")) {
      String ruleId = rule.getAttribute("id");
      assertThat(CHINESE.matcher(text(children(rule, DMN13, "description"))).find())
          .as("annotation (Chinese, with its source) of rule %s", ruleId)
          .isTrue();
      checkLiterals(ruleId, children(rule, DMN13, "inputEntry"), allowedInputs);
      checkLiterals(ruleId, children(rule, DMN13, "outputEntry"), allowedOutputs);
    }
  }

  /**
   * A code in a cell must be one of the column's declared values: a typo would silently never
   * match.
   */
  private static void checkLiterals(
      String ruleId, List<Element> entries, List<List<String>> allowed) {
    for (int i = 0; i < entries.size(); i++) {
      if (allowed.get(i).isEmpty()) {
        continue;
      }
      for (String literal : literals(text(children(entries.get(i), DMN13, "text")))) {
        assertThat(allowed.get(i)).as("value \"%s\" in rule %s", literal, ruleId).contains(literal);
      }
    }
  }

  private static List<String> literals(String text) {
    List<String> literals = new ArrayList<>();
    Matcher matcher = STRING_LITERAL.matcher(text);
    while (matcher.find()) {
      literals.add(matcher.group(1));
    }
    return literals;
  }

  private static Document read(String file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    try (InputStream in = DecisionTables.open(file)) {
      return factory.newDocumentBuilder().parse(in);
    }
  }

  private static List<Element> children(Element parent, String namespace, String localName) {
    List<Element> children = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element
          && namespace.equals(element.getNamespaceURI())
          && localName.equals(element.getLocalName())) {
        children.add(element);
      }
    }
    return children;
  }

  private static List<Element> all(Node root, String namespace, String localName) {
    NodeList nodes =
        root instanceof Document document
            ? document.getElementsByTagNameNS(namespace, localName)
            : ((Element) root).getElementsByTagNameNS(namespace, localName);
    List<Element> elements = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      elements.add((Element) nodes.item(i));
    }
    return elements;
  }

  private static String text(List<Element> elements) {
    return elements.isEmpty() ? "" : elements.get(0).getTextContent().trim();
  }
}
