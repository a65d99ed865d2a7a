package cn.onedoor.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat itself refuses before any application code (an encoded NUL or slash in the path,
 * a request line or header over the limit) get a problem description too, instead of Tomcat's HTML
 * page: its error report valve is replaced by {@link Valve}, which writes RFC 9457 JSON naming the
 * request line or headers ({@code request}) at fault.
 */
@Component
class ContainerErrorProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(
        context -> {
          if (context.getParent() instanceof StandardHost host) {
            host.setErrorReportValveClass(Valve.class.getName());
          }
        });
  }

  /** Tomcat's error report, as application/problem+json without server details. */
  public static class Valve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      String detail =
          switch (status) {
            case 400 -> "请求无法处理：地址或请求头不合规";
            case 404 -> "没有这个地址";
            case 413 -> "请求体过大";
            case 431 -> "请求头过大";
            default -> status >= 500 ? "服务器内部错误" : "请求无法处理";
          };
      StringBuilder json =
          new StringBuilder("{\"type\":\"about:blank\",\"title\":\"")
              .append(detail)
              .append("\",\"status\":")
              .append(status)
              .append(",\"detail\":\"")
              .append(detail)
              .append('"');
      if (status == 400) {
        json.append(",\"invalidParams\":[{\"name\":\"request\",\"reason\":\"请求地址或请求头不合规\"}]");
      }
      json.append('}');
      try {
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(json.toString());
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // The client is gone or the answer was sent already: nothing left to tell.
      }
    }
  }
}
