package cn.onedoor.support;

import cn.onedoor.bridge.CallbackSignatures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Calls our callback endpoints over HTTP as an external system does: JSON signed with the system's
 * secret.
 */
public final class SignedCallbacks {

  private final HttpClient client = HttpClient.newHttpClient();
  private final int port;

  public SignedCallbacks(int port) {
    this.port = port;
  }

  public HttpResponse<String> post(String path, String secret, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    if (secret != null) {
      request.header(
          CallbackSignatures.HEADER,
          CallbackSignatures.sign(secret, json.getBytes(StandardCharsets.UTF_8)));
    }
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
