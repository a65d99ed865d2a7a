package cn.onedoor.security;

import cn.onedoor.web.CachedBodyRequest;
import cn.onedoor.web.InvalidParam;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses ad-hoc task queries that carry expressions ({@code assigneeExpression=${...}}), also
 * nested inside {@code orQueries}, on the public REST API and on the webapps' own API. The engine's
 * {@code enableExpressionsInAdhocQueries=false} is reported not to cover every nested case in 7.24
 * CE, so we check at the door as well (defence in depth). Stored filters may still use expressions
 * such as {@code ${currentUser()}}: filter creation and update are not query endpoints and are not
 * checked here.
 */
class AdHocQueryExpressionGuard extends OncePerRequestFilter {

  /**
   * Task query endpoints: {@code /task}, {@code /task/count}, their history twins, and executing a
   * filter.
   */
  private static final Pattern TASK_QUERY_PATH =
      Pattern.compile(
          ".*/(history/)?task(/count)?/?$|.*/filter/[^/]+/(list|count|singleResult)/?$");

  private static final int MAX_BODY_BYTES = 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !TASK_QUERY_PATH.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    List<String> offending = new ArrayList<>();
    for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
      if (isExpressionField(parameter.getKey())) {
        offending.add(parameter.getKey());
      }
    }
    HttpServletRequest forwarded = request;
    if ("POST".equalsIgnoreCase(request.getMethod())) {
      CachedBodyRequest cached = CachedBodyRequest.readAtMost(request, MAX_BODY_BYTES).orElse(null);
      if (cached == null) {
        reject(
            response, 413, "Query too large", "A task query body may not exceed 1 MiB.", List.of());
        return;
      }
      collectExpressionFields(cached.body(), offending);
      forwarded = cached;
    }
    if (!offending.isEmpty()) {
      reject(
          response,
          400,
          "Expressions are not allowed in task queries",
          "Ad-hoc task queries may not contain expressions; use a stored filter instead.",
          offending);
      return;
    }
    chain.doFilter(forwarded, response);
  }

  private static boolean isExpressionField(String name) {
    return name.toLowerCase().endsWith("expression");
  }

  private static void collectExpressionFields(byte[] body, List<String> offending) {
    if (body.length == 0) {
      return;
    }
    try {
      collect(JSON.readTree(body), "", offending);
    } catch (IOException malformed) {
      // Not JSON: the REST API itself answers 400 for it; nothing here can evaluate an expression.
    }
  }

  private static void collect(JsonNode node, String path, List<String> offending) {
    if (node instanceof ObjectNode object) {
      object
          .fields()
          .forEachRemaining(
              field -> {
                String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (isExpressionField(field.getKey())) {
                  offending.add(fieldPath);
                }
                collect(field.getValue(), fieldPath, offending);
              });
    } else if (node != null && node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), path + "[" + i + "]", offending);
      }
    }
  }

  private static void reject(
      HttpServletResponse response, int status, String title, String detail, List<String> fields)
      throws IOException {
    ObjectNode problem = JSON.createObjectNode();
    problem.put("type", "about:blank");
    problem.put("title", title);
    problem.put("status", status);
    problem.put("detail", detail);
    problem.set(
        "invalidParams",
        JSON.valueToTree(
            fields.stream()
                .map(field -> new InvalidParam(field, "expression not allowed"))
                .toList()));
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    try {
      response.getWriter().write(JSON.writeValueAsString(problem));
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
