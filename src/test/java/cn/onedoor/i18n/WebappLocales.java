package cn.onedoor.i18n;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where the Camunda webapps keep their texts on the classpath, and how to read them. The webjar
 * (camunda-webapp-webjar) ships {@code app/<app>/locales/en.json} and {@code de.json}; we add
 * {@code zh.json} next to them and replace {@code scripts/config.js} from {@code
 * src/main/resources/META-INF/resources/...}.
 */
final class WebappLocales {

  /**
   * The four webapps that load a locale file: the three named in the issue plus the welcome page.
   */
  static final List<String> APPS = List.of("welcome", "tasklist", "cockpit", "admin");

  private static final String BASE = "META-INF/resources/webjars/camunda/app/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private WebappLocales() {}

  static String localePath(String app, String locale) {
    return BASE + app + "/locales/" + locale + ".json";
  }

  static String configPath(String app) {
    return BASE + app + "/scripts/config.js";
  }

  static String bootstrapPath(String app) {
    return BASE + app + "/camunda-" + app + "-bootstrap.js";
  }

  /**
   * Every copy of a resource on the classpath, in lookup order: ours (target/classes) first, then
   * the jars.
   */
  static List<URL> all(String path) {
    try {
      return Collections.list(WebappLocales.class.getClassLoader().getResources(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The copy the application serves: the first on the classpath. */
  static URL served(String path) {
    List<URL> urls = all(path);
    if (urls.isEmpty()) {
      throw new AssertionError("not on the classpath: " + path);
    }
    return urls.get(0);
  }

  /** The copy inside the Camunda webjar, whatever we put in front of it. */
  static URL fromWebjar(String path) {
    List<URL> inJars = new ArrayList<>();
    for (URL url : all(path)) {
      if ("jar".equals(url.getProtocol()) && url.getPath().contains("camunda-webapp-webjar")) {
        inJars.add(url);
      }
    }
    if (inJars.size() != 1) {
      throw new AssertionError(
          "expected exactly one " + path + " in camunda-webapp-webjar, found " + inJars);
    }
    return inJars.get(0);
  }

  static String text(URL url) {
    try (InputStream in = url.openStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      // Camunda's en.json starts with a UTF-8 byte order mark, which Jackson does not skip.
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(URL url) {
    try {
      return JSON.readTree(text(url));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + url, e);
    }
  }
}
