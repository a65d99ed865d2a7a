package cn.onedoor.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Real HTTP against the running test server, the way a browser or another system calls it. One instance keeps its
 * cookies, so it can also hold a webapp session (see {@link #loginToWebapp}).
 */
public final class Http {

  private final String baseUrl;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;
  private String credentials;
  private String csrfToken;

  public Http(int port) {
    this.baseUrl = "http://localhost:" + port;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  public Http as(String user, String password) {
    credentials = "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return this;
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  public HttpResponse<String> postJson(String path, String json) {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Any body with any content type and extra headers as name, value pairs (Idempotency-Key, …). */
  public HttpResponse<String> post(String path, String contentType, byte[] body, String... headers) {
    HttpRequest.Builder builder = request(path).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return send(builder);
  }

  public HttpResponse<String> postForm(String path, String form) {
    return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  /**
   * Logs in to a Camunda webapp as its login page does: fetch the CSRF token, post the form, keep the session.
   * Later requests carry the session cookie and the token, like the webapp's own JavaScript.
   */
  public HttpResponse<String> loginToWebapp(String app, String user, String password) {
    HttpResponse<String> page = get("/camunda/app/" + app + "/default/");
    csrfToken = page.headers().firstValue("X-XSRF-TOKEN").orElse(null);
    return postForm("/camunda/api/admin/auth/user/default/login/" + app,
        "username=" + user + "&password=" + password);
  }

  /**
   * The webapps drop the session and its CSRF token at login; a page takes the new token from its next read of the
   * webapps' API, as this does (the logged-in user, {@code /camunda/api/admin/auth/user/default}).
   */
  public HttpResponse<String> refreshWebappCsrfToken() {
    HttpResponse<String> user = get("/camunda/api/admin/auth/user/default");
    csrfToken = user.headers().firstValue("X-XSRF-TOKEN").orElse(csrfToken);
    return user;
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Accept", "application/json, */*;q=0.1");
    if (credentials != null) {
      builder.header("Authorization", credentials);
    }
    if (csrfToken != null) {
      builder.header("X-XSRF-TOKEN", csrfToken);
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
