package cn.onedoor.bridge;

import java.net.URI;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The port this application listens on, once it listens. A base URL on {@code localhost:0} means
 * "this application" (the simulated systems with {@code server.port=0}, as tests on a random port
 * run): port 0 is never a real destination, and the actual port is only known after start, long
 * after the properties were bound.
 */
@Component
public class OwnPort implements ApplicationListener<WebServerInitializedEvent> {

  private volatile int port;

  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    if (!"management".equals(event.getApplicationContext().getServerNamespace())) {
      port = event.getWebServer().getPort();
    }
  }

  public URI resolve(URI uri) {
    if (uri.getPort() != 0 || port == 0) {
      return uri;
    }
    return URI.create(
        uri.getScheme()
            + "://"
            + uri.getHost()
            + ":"
            + port
            + (uri.getRawPath() == null ? "" : uri.getRawPath()));
  }

  public String resolve(String url) {
    return resolve(URI.create(url)).toString();
  }
}
