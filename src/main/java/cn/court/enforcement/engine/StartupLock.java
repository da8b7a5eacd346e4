package cn.court.enforcement.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Nodes sharing one PostgreSQL database start one after the other. Two nodes started at once on
 * an empty database both created Camunda's tables and the second failed ("duplicate key …
 * pg_type_typname_nsp_index", ClusterKillTest); the deployment and the organisation sync that
 * follow are just as unguarded. So the first node to get its data source holds a session-level
 * advisory lock from then until it is ready: Flyway, the engine's schema, the deployment, the
 * organisation sync and the other start-up work of a second node wait for it. A node killed
 * during start-up releases the lock with its connection. H2 runs in one process: nothing to do.
 */
@Component
public class StartupLock implements BeanPostProcessor, DisposableBean {

  /** Any constant of the application's own: pg_advisory_lock keys are per database. */
  static final long KEY = 0x636f7572745f7374L; // "court_st"
  private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);

  private Connection held;

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && held == null) {
      lock(dataSource);
    }
    return bean;
  }

  private void lock(DataSource dataSource) {
    try {
      Connection connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return;
      }
      long began = System.nanoTime();
      try (Statement s = connection.createStatement()) {
        s.execute("select pg_advisory_lock(" + KEY + ")");
      }
      connection.setAutoCommit(true);
      held = connection;
      long waited = (System.nanoTime() - began) / 1_000_000;
      if (waited > 1000) {
        LOG.info("Waited {} ms for another node's start-up to finish", waited);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Start-up lock: " + e.getMessage(), e);
    }
  }

  /** Published after the ready listeners (organisation sync, demo cases) have run. */
  @EventListener
  public void ready(AvailabilityChangeEvent<ReadinessState> event) {
    if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
      release();
    }
  }

  @EventListener(ContextClosedEvent.class)
  public void closed() {
    release();
  }

  /** A start-up that failed closes no context: its beans are destroyed. */
  @Override
  public void destroy() {
    release();
  }

  private synchronized void release() {
    if (held == null) {
      return;
    }
    try (Connection connection = held; Statement s = connection.createStatement()) {
      s.execute("select pg_advisory_unlock(" + KEY + ")");
    } catch (SQLException e) {
      LOG.warn("Start-up lock not released ({}); it goes with the connection", e.getMessage());
    } finally {
      held = null;
    }
  }
}
