package cn.onedoor.cost;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts, at the JDBC level, every statement the application executes and the rows each insert,
 * update or delete touched, per table — the engine's (MyBatis, batched or not) and ours
 * (JdbcTemplate) alike, as Camunda's SQL statement log does for the engine alone. Only statements
 * on the thread that opened the window count, so the application's scheduled work in between cannot
 * change a figure: the counts are deterministic when that thread drives the case and runs its jobs.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

  private static final Pattern WRITE =
      Pattern.compile(
          "^\\s*(insert\\s+into|update|delete\\s+from|delete|merge\\s+into)\\s+([\\w.\"]+)",
          Pattern.CASE_INSENSITIVE);

  private static volatile Thread windowThread;
  private static volatile WriteCounts counts;
  private static volatile boolean everyThread;

  /** Counts from now on, on this thread only, into fresh counts. */
  public static WriteCounts open() {
    WriteCounts fresh = new WriteCounts();
    everyThread = false;
    windowThread = Thread.currentThread();
    counts = fresh;
    return fresh;
  }

  /**
   * Counts from now on, on every thread, into fresh counts: for a benchmark whose requests run on
   * the web server's threads (the application's scheduled work in between counts too).
   */
  public static WriteCounts openOnEveryThread() {
    WriteCounts fresh = new WriteCounts();
    counts = fresh;
    windowThread = null;
    everyThread = true;
    return fresh;
  }

  /** Stops counting; the counts returned by {@link #open()} keep what was seen. */
  public static void close() {
    windowThread = null;
    everyThread = false;
    counts = null;
  }

  @Bean
  static BeanPostProcessor countingDataSources() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource dataSource && !(bean instanceof Counting)
            ? new Counting(dataSource)
            : bean;
      }
    };
  }

  /** The application's data source, its connections wrapped. */
  static final class Counting extends DelegatingDataSource {
    Counting(DataSource target) {
      super(target);
    }

    @Override
    public Connection getConnection() throws java.sql.SQLException {
      return wrap(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws java.sql.SQLException {
      return wrap(super.getConnection(username, password));
    }
  }

  static Connection wrap(Connection connection) {
    return (Connection)
        Proxy.newProxyInstance(
            StatementCounter.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              Object result = invoke(connection, method, args);
              if (result instanceof Statement statement
                  && (method.getName().equals("prepareStatement")
                      || method.getName().equals("prepareCall")
                      || method.getName().equals("createStatement"))) {
                String sql = args != null && args.length > 0 ? (String) args[0] : null;
                return wrap(statement, sql);
              }
              return result;
            });
  }

  private static Statement wrap(Statement statement, String preparedSql) {
    Class<?>[] interfaces =
        statement instanceof java.sql.CallableStatement
            ? new Class<?>[] {java.sql.CallableStatement.class}
            : statement instanceof java.sql.PreparedStatement
                ? new Class<?>[] {java.sql.PreparedStatement.class}
                : new Class<?>[] {Statement.class};
    InvocationHandler handler =
        new InvocationHandler() {
          private final java.util.List<String> batch = new java.util.ArrayList<>();

          @Override
          public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("addBatch")) {
              batch.add(args != null && args.length == 1 ? (String) args[0] : preparedSql);
            }
            if (name.equals("clearBatch")) {
              batch.clear();
            }
            Object result = StatementCounter.invoke(statement, method, args);
            String sql =
                args != null && args.length >= 1 && args[0] instanceof String s ? s : preparedSql;
            switch (name) {
              case "executeUpdate", "executeLargeUpdate" ->
                  count(sql, ((Number) result).longValue());
              case "executeQuery" -> count(sql, 0);
              case "execute" ->
                  count(sql, Boolean.TRUE.equals(result) ? 0 : statement.getUpdateCount());
              case "executeBatch", "executeLargeBatch" -> {
                for (int i = 0; i < batch.size(); i++) {
                  long rows = result instanceof int[] ints ? ints[i] : ((long[]) result)[i];
                  count(batch.get(i), rows);
                }
                batch.clear();
              }
              default -> {}
            }
            return result;
          }
        };
    return (Statement)
        Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), interfaces, handler);
  }

  private static void count(String sql, long rows) {
    WriteCounts window = counts;
    if (window == null || sql == null || !everyThread && Thread.currentThread() != windowThread) {
      return;
    }
    Matcher write = WRITE.matcher(sql);
    if (!write.find()) {
      window.statement();
      return;
    }
    String table = write.group(2).replace("\"", "").toLowerCase(Locale.ROOT);
    table = table.substring(table.lastIndexOf('.') + 1);
    String verb = write.group(1).toLowerCase(Locale.ROOT);
    window.write(
        table,
        verb.startsWith("update")
            ? WriteCounts.Kind.UPDATED
            : verb.startsWith("delete") ? WriteCounts.Kind.DELETED : WriteCounts.Kind.INSERTED,
        Math.max(rows, 0));
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
