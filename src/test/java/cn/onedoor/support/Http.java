package cn.onedoor.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Real HTTP against the running test server, the way a browser or another system calls it. One
 * instance keeps its cookies, so it can also hold a webapp session (see {@link #loginToWebapp}).
 */
public final class Http {

  private final String baseUrl;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;
  private String credentials;
  private String csrfToken;
  private final Map<String, String> headers = new LinkedHashMap<>();

  public Http(int port) {
    this.baseUrl = "http://localhost:" + port;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  public Http as(String user, String password) {
    credentials =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /**
   * A header sent with every later request, e.g. {@code X-Forwarded-For} to call from another
   * address.
   */
  public Http header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  public HttpResponse<String> postJson(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Any body with any content type and extra headers as name, value pairs (Idempotency-Key, …). */
  public HttpResponse<String> post(
      String path, String contentType, byte[] body, String... headers) {
    HttpRequest.Builder builder =
        request(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return send(builder);
  }

  public HttpResponse<String> putJson(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> put(String path) {
    return send(request(path).PUT(HttpRequest.BodyPublishers.noBody()));
  }

  public HttpResponse<String> postForm(String path, String form) {
    return send(
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  /**
   * A multipart form with one file part (e.g. a deployment) and text parts, as Camunda Modeler
   * posts one.
   */
  public HttpResponse<String> postMultipart(
      String path, Map<String, String> fields, String fileName, String content) {
    String boundary = "----onedoor" + UUID.randomUUID();
    StringBuilder body = new StringBuilder();
    fields.forEach(
        (name, value) ->
            body.append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
    body.append("--")
        .append(boundary)
        .append("\r\n")
        .append("Content-Disposition: form-data; name=\"")
        .append(fileName)
        .append("\"; filename=\"")
        .append(fileName)
        .append("\"\r\n")
        .append("Content-Type: application/octet-stream\r\n\r\n")
        .append(content)
        .append("\r\n--")
        .append(boundary)
        .append("--\r\n");
    return send(
        request(path)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
  }

  /**
   * Logs in to a Camunda webapp as its login page does: fetch the CSRF token, post the form, keep
   * the session. Later requests carry the session cookie and the token, like the webapp's own
   * JavaScript.
   */
  public HttpResponse<String> loginToWebapp(String app, String user, String password) {
    HttpResponse<String> page = get("/camunda/app/" + app + "/default/");
    // The page hands out the session's token once; a second login attempt in the same session
    // reuses it.
    csrfToken = page.headers().firstValue("X-XSRF-TOKEN").orElse(csrfToken);
    HttpResponse<String> login =
        postForm(
            "/camunda/api/admin/auth/user/default/login/" + app,
            "username=" + user + "&password=" + password);
    if (login.statusCode() == 200) {
      // The login starts a new session with a new CSRF token; a request with the old one is refused
      // and ends it.
      csrfToken =
          login
              .headers()
              .firstValue("X-XSRF-TOKEN")
              .or(
                  () ->
                      get("/camunda/app/" + app + "/default/").headers().firstValue("X-XSRF-TOKEN"))
              .orElse(csrfToken);
    }
    return login;
  }

  /**
   * The webapps drop the session and its CSRF token at login; a page takes the new token from its
   * next read of the webapps' API, as this does (the logged-in user, {@code
   * /camunda/api/admin/auth/user/default}).
   */
  public HttpResponse<String> refreshWebappCsrfToken() {
    HttpResponse<String> user = get("/camunda/api/admin/auth/user/default");
    csrfToken = user.headers().firstValue("X-XSRF-TOKEN").orElse(csrfToken);
    return user;
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Accept", "application/json, */*;q=0.1");
    if (credentials != null) {
      builder.header("Authorization", credentials);
    }
    if (csrfToken != null) {
      builder.header("X-XSRF-TOKEN", csrfToken);
    }
    headers.forEach(builder::header);
    return builder;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(
          request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
