package cn.onedoor.operations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * One node at a time does the start-up work on a PostgreSQL database: the first thing done with the
 * database is to wait for this lock, and it is let go once the node is ready.
 *
 * <p>Why: two nodes started at the same moment on an empty database both found no schema and both
 * created it, and one died ({@code ENGINE-03015 … duplicate key value violates unique constraint
 * "pg_type_typname_nsp_index"}). After the schema, every other piece of start-up work checks, then
 * writes, each in its own transaction: the admin user and its grants, the demo people and groups,
 * the shared Tasklist filters (no unique name in the engine's table, so they would be doubled), the
 * groups' baseline grants. Making each of them safe on its own would mean a lock or a retry in
 * every one of them and in the engine's; one lock around all of start-up covers them, and whatever
 * start-up work is added later. Camunda's own advice for production (create the schema with its SQL
 * scripts or Liquibase) would fix the schema only, not our bootstrap, and a deployment step more.
 *
 * <p>How: a PostgreSQL session-level advisory lock ({@code pg_advisory_lock}) on a connection of
 * its own, taken as soon as the data source exists, so before Flyway, the engine's schema creation
 * and deployment and the application-ready listeners; let go when the application accepts traffic
 * (Spring Boot announces that after the last ready listener), or when start-up fails and the
 * context closes. A node killed meanwhile loses its session and with it the lock, so the next node
 * goes on. A second node waits: a fresh database costs it the first node's start (tens of seconds),
 * a database already set up only a few checks that find everything in place.
 *
 * <p>H2 (the default run, one node on a file) has no advisory locks and needs none: nothing is done
 * there.
 */
@Component
class StartupLock
    implements BeanPostProcessor,
        ApplicationListener<AvailabilityChangeEvent<ReadinessState>>,
        DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);

  /**
   * The lock's key, the same on every node of one database: "onedoor" in ASCII. Flyway's own lock
   * uses keys of its own, derived from its table name.
   */
  static final long KEY = 0x6f6e65646f6f72L;

  private Connection holding;
  private boolean done;

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
    if (bean instanceof DataSource dataSource) {
      acquire(dataSource);
    }
    return bean;
  }

  private synchronized void acquire(DataSource dataSource) {
    if (done || holding != null) {
      return;
    }
    done = true;
    try {
      Connection connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return;
      }
      connection.setAutoCommit(true);
      if (!tryLock(connection)) {
        LOG.info(
            "Another node is starting on this database; waiting for it to finish (startup lock)");
        try (PreparedStatement wait = connection.prepareStatement("select pg_advisory_lock(?)")) {
          wait.setLong(1, KEY);
          wait.execute();
        }
      }
      holding = connection;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not take the startup lock: " + e.getMessage(), e);
    }
  }

  private static boolean tryLock(Connection connection) throws SQLException {
    try (PreparedStatement tryLock =
        connection.prepareStatement("select pg_try_advisory_lock(?)")) {
      tryLock.setLong(1, KEY);
      try (ResultSet result = tryLock.executeQuery()) {
        return result.next() && result.getBoolean(1);
      }
    }
  }

  /** Ready: every start-up listener has run. */
  @Override
  public void onApplicationEvent(AvailabilityChangeEvent<ReadinessState> event) {
    if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
      release();
    }
  }

  /** Start-up failed (or the node stops before it was ready). */
  @Override
  public void destroy() {
    release();
  }

  synchronized boolean held() {
    return holding != null;
  }

  private synchronized void release() {
    if (holding == null) {
      return;
    }
    Connection connection = holding;
    holding = null;
    // Unlocked explicitly: with a pool, closing only returns the session, and its lock with it.
    try (connection;
        PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?)")) {
      unlock.setLong(1, KEY);
      unlock.execute();
    } catch (SQLException e) {
      // A broken session holds no lock any more.
      LOG.warn("Could not let go of the startup lock cleanly: {}", e.getMessage());
    }
  }
}
