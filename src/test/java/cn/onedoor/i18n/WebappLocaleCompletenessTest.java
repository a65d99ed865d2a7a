package cn.onedoor.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our Chinese texts ({@code app/<app>/locales/zh.json}) against the English ones that the Camunda
 * webjar on the classpath ships. A Camunda upgrade that adds, renames or drops a key fails {@code
 * ./mvnw verify} here, and the keys to translate are written to {@code
 * target/i18n/<app>-zh-todo.json} (key: English text) to copy from.
 *
 * <p>A label passes when it exists, is not empty, keeps the English placeholders ({@code {{name}}})
 * and HTML tags, and, where the English has words to translate, contains Chinese characters and is
 * not the English text. Words that stay as they are ({@link #UNTRANSLATED_TERMS}) do not count as
 * words to translate.
 */
class WebappLocaleCompletenessTest {

  /**
   * Terms that Chinese UI text keeps in Latin letters: notations and formats (BPMN, JSON …), the
   * product names Camunda and Optimize, Camunda's metric abbreviations, the literal values null and
   * undefined, and the date pattern the REST API expects. A label made only of these (e.g. "CSV")
   * may stay as it is.
   */
  static final Set<String> UNTRANSLATED_TERMS =
      Set.of(
          "BPMN",
          "DMN",
          "CMMN",
          "DRD",
          "ID",
          "JSON",
          "CSV",
          "XML",
          "REST",
          "API",
          "URL",
          "LDAP",
          "Camunda",
          "Optimize",
          "FNI",
          "EDE",
          "PI",
          "DI",
          "TU",
          "null",
          "undefined",
          "yyyy-MM-ddTHH:mm:ss",
          "YYYY-MM-DDTHH:mm:ss");

  /**
   * Date-locale values that are format tokens in every language, so they need no Chinese character.
   */
  static final Set<String> DATE_FORMAT_ONLY =
      Set.of("longDateFormat.L", "longDateFormat.LT", "longDateFormat.LTS", "calendar.sameElse");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}|\\{}|%[ds]");
  private static final Pattern HTML_TAG =
      Pattern.compile(
          "</?(?:a|b|br|strong|em|i|code|span|p|ul|li|div)\\b[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern ANY_TAG_OR_ENTITY = Pattern.compile("<[^>]*>|&[a-z]+;");
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
  private static final Pattern LATIN_LETTER = Pattern.compile("[A-Za-z]");
  private static final Pattern TERMS =
      Pattern.compile(
          UNTRANSLATED_TERMS.stream()
              .sorted((a, b) -> b.length() - a.length())
              .map(Pattern::quote)
              .collect(Collectors.joining("|", "(?<![A-Za-z])(?:", ")(?![A-Za-z])")));

  static Stream<String> apps() {
    return WebappLocales.APPS.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("apps")
  void chineseLabelsCoverEveryEnglishLabel(String app) {
    JsonNode english =
        WebappLocales.json(WebappLocales.fromWebjar(WebappLocales.localePath(app, "en")));
    JsonNode chinese = WebappLocales.json(ourZh(app));
    Map<String, String> en = flatten(english.path("labels"));
    Map<String, String> zh = flatten(chinese.path("labels"));
    assertThat(en).as("English labels of %s", app).isNotEmpty();

    List<String> problems = new ArrayList<>();
    Map<String, String> todo = new LinkedHashMap<>();
    en.forEach(
        (key, enText) -> {
          String problem = problem(enText, zh.get(key));
          if (problem != null) {
            problems.add(
                key + ": " + problem + " (en: \"" + enText + "\", zh: \"" + zh.get(key) + "\")");
            todo.put(key, enText);
          }
        });
    zh.keySet().stream()
        .filter(key -> !en.containsKey(key))
        .forEach(
            key -> problems.add(key + ": no longer in Camunda's en.json, remove it from zh.json"));

    writeTodo(app, todo);
    assertThat(problems)
        .as(
            "%s/locales/zh.json against the webjar's en.json (%d labels); keys to translate are in "
                + "target/i18n/%s-zh-todo.json",
            app, en.size(), app)
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("apps")
  void chineseDateLocaleCoversEnglishOne(String app) {
    JsonNode english =
        WebappLocales.json(WebappLocales.fromWebjar(WebappLocales.localePath(app, "en")));
    JsonNode chinese = WebappLocales.json(ourZh(app));
    if (english.path("dateLocales").isMissingNode()) {
      return; // the welcome page shows no dates
    }
    Map<String, String> en = flatten(english.path("dateLocales"));
    Map<String, String> zh = flatten(chinese.path("dateLocales"));

    List<String> problems = new ArrayList<>();
    en.forEach(
        (path, enValue) -> {
          String zhValue = zh.get(path);
          if (zhValue == null || zhValue.isBlank()) {
            problems.add(path + ": missing or empty");
          } else if (!path.startsWith("week.")
              && !DATE_FORMAT_ONLY.contains(path)
              && !HAN.matcher(zhValue).find()) {
            problems.add(path + ": no Chinese character in \"" + zhValue + "\"");
          }
        });
    assertThat(problems).as("%s/locales/zh.json dateLocales", app).isEmpty();
    // What a mediator reads in every list: 2026年11月29日 14:05, 24-hour clock.
    assertThat(zh).containsEntry("longDateFormat.LLL", "YYYY年M月D日 HH:mm");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("apps")
  void configOffersChineseFirstAndKeepsEnglish(String app) {
    URL served = WebappLocales.served(WebappLocales.configPath(app));
    assertThat(served.getProtocol())
        .as(
            "%s: our config.js must come before the webjar's on the classpath, served is %s",
            app, served)
        .isEqualTo("file");
    String config = withoutComments(WebappLocales.text(served));

    Matcher available = Pattern.compile("availableLocales\\s*:\\s*\\[([^]]*)]").matcher(config);
    assertThat(available.find()).as("%s config.js declares locales.availableLocales", app).isTrue();
    List<String> locales =
        Pattern.compile("['\"]([^'\"]+)['\"]")
            .matcher(available.group(1))
            .results()
            .map(result -> result.group(1))
            .toList();
    assertThat(locales).as("%s availableLocales", app).startsWith("zh").contains("en");
    assertThat(config)
        .as("%s fallbackLocale", app)
        .containsPattern("fallbackLocale\\s*:\\s*['\"]en['\"]");
    // Dates in config.js dateFormat and Chinese app names in the switcher come from our module (see
    // its header).
    assertThat(config)
        .as("%s config.js loads onedoor/i18n.js", app)
        .containsPattern("ngDeps\\s*:\\s*\\[\\s*'onedoor\\.i18n'")
        .containsPattern("'onedoor-i18n'\\s*:\\s*'\\.\\./onedoor/i18n'");
    assertThat(WebappLocales.all("META-INF/resources/webjars/camunda/app/onedoor/i18n.js"))
        .isNotEmpty();
    for (String locale : locales) {
      // Otherwise the webapp shows "declared as available locale, but no such locale file exists".
      assertThat(WebappLocales.all(WebappLocales.localePath(app, locale)))
          .as("%s lists %s, so a locale file must exist", app, locale)
          .isNotEmpty();
    }
  }

  /**
   * We list 'zh' only, relying on how Camunda 7.24 picks the language: the first of
   * navigator.languages, cut at '-', lower-cased, looked up in availableLocales. If an upgrade
   * changes that, zh-CN browsers may fall back to English: re-check the rule and the list in
   * config.js.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("apps")
  void webappPicksLocaleByLanguagePrefix(String app) {
    String bootstrap =
        WebappLocales.text(WebappLocales.fromWebjar(WebappLocales.bootstrapPath(app)));
    assertThat(bootstrap)
        .containsPattern(
            Pattern.compile(
                "determinePreferredLanguage\\(\\(function\\(\\)\\{.{0,300}?\\.split\\(\"-\"\\).{0,120}?toLowerCase\\(\\)",
                Pattern.DOTALL));
  }

  /** The checker itself, so that a green run means something. */
  @Test
  void checkerRejectsWhatATranslatorCanGetWrong() {
    assertThat(problem("Cancel", null)).isEqualTo("missing");
    assertThat(problem("Cancel", " ")).isEqualTo("empty");
    assertThat(problem("Cancel", "Cancel")).isEqualTo("still English");
    assertThat(problem("Cancel", "Abbrechen")).isEqualTo("no Chinese character");
    assertThat(problem("Deleted {{name}}", "已删除")).isEqualTo("placeholders differ");
    assertThat(problem("Go to <a href=\"#/x\">the list</a>", "转到列表")).isEqualTo("HTML tags differ");
    assertThat(problem("Deleted {{name}}", "已删除 {{ name }}")).isNull();
    assertThat(problem("CSV", "CSV")).isNull();
    assertThat(problem("Edit DMN", "编辑 DMN")).isNull();
    assertThat(problem(">=", ">=")).isNull();
    assertThat(problem("", "")).isNull();
    assertThat(needsTranslation("Decision IDs")).isTrue();
    assertThat(needsTranslation("{{count}} BPMN / DMN")).isFalse();
  }

  /** Why a Chinese label does not pass, or null when it does. */
  static String problem(String en, String zh) {
    if (zh == null) {
      return "missing";
    }
    if (en.isEmpty()) {
      return null; // Camunda leaves a few labels empty on purpose
    }
    if (zh.isBlank()) {
      return "empty";
    }
    if (!sorted(PLACEHOLDER, en).equals(sorted(PLACEHOLDER, zh))) {
      return "placeholders differ";
    }
    if (!sorted(HTML_TAG, en).equals(sorted(HTML_TAG, zh))) {
      return "HTML tags differ";
    }
    if (needsTranslation(en)) {
      if (zh.equals(en)) {
        return "still English";
      }
      if (!HAN.matcher(zh).find()) {
        return "no Chinese character";
      }
    }
    return null;
  }

  /**
   * Whether the English text has words left once placeholders, tags and untranslated terms are
   * taken out.
   */
  static boolean needsTranslation(String en) {
    String words =
        ANY_TAG_OR_ENTITY.matcher(PLACEHOLDER.matcher(en).replaceAll(" ")).replaceAll(" ");
    return LATIN_LETTER.matcher(TERMS.matcher(words).replaceAll(" ")).find();
  }

  private static List<String> sorted(Pattern pattern, String text) {
    return pattern
        .matcher(text)
        .results()
        .map(result -> result.group().replaceAll("\\s", ""))
        .sorted()
        .toList();
  }

  private static URL ourZh(String app) {
    URL url = WebappLocales.served(WebappLocales.localePath(app, "zh"));
    assertThat(url.getProtocol())
        .as("%s zh.json comes from this project: %s", app, url)
        .isEqualTo("file");
    return url;
  }

  /** Leaves of a JSON tree as dotted paths (array items by index) with their text. */
  static Map<String, String> flatten(JsonNode node) {
    Map<String, String> leaves = new LinkedHashMap<>();
    flatten("", node, leaves);
    return leaves;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> leaves) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        flatten(
            prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(),
            field.getValue(),
            leaves);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(prefix + "." + i, node.get(i), leaves);
      }
    } else if (!node.isMissingNode()) {
      leaves.put(prefix, node.asText());
    }
  }

  private static String withoutComments(String javascript) {
    return javascript.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
  }

  private static void writeTodo(String app, Map<String, String> todo) {
    Path file = Path.of("target", "i18n", app + "-zh-todo.json");
    try {
      Files.createDirectories(file.getParent());
      if (todo.isEmpty()) {
        Files.deleteIfExists(file);
        return;
      }
      ObjectMapper json = new ObjectMapper();
      ObjectNode labels = json.createObjectNode();
      todo.forEach(labels::put);
      Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(labels));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
