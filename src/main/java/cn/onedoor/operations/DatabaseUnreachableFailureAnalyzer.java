package cn.onedoor.operations;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * When the database cannot be reached at start, say so in one line that names the URL, instead of a
 * page of nested bean-creation exceptions.
 */
class DatabaseUnreachableFailureAnalyzer implements FailureAnalyzer {

  private final Environment environment;

  DatabaseUnreachableFailureAnalyzer(Environment environment) {
    this.environment = environment;
  }

  @Override
  public FailureAnalysis analyze(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (isConnectionFailure(cause)) {
        String url =
            environment.getProperty("spring.datasource.url", "(no spring.datasource.url set)");
        return new FailureAnalysis(
            "Cannot reach the database at " + url + ": " + rootMessage(cause),
            "Start the database or point SPRING_DATASOURCE_URL at a reachable server.",
            failure);
      }
    }
    return null;
  }

  private static boolean isConnectionFailure(Throwable cause) {
    if (cause instanceof ConnectException
        || cause instanceof UnknownHostException
        || cause instanceof SocketTimeoutException) {
      return true;
    }
    // SQL state class 08: connection exception (PostgreSQL reports refused connections and timeouts
    // with it).
    return cause instanceof SQLException sql
        && sql.getSQLState() != null
        && sql.getSQLState().startsWith("08");
  }

  private static String rootMessage(Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
