package cn.court.enforcement.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes history level {@link CourtHistoryLevel court} available to {@code camunda.bpm.history-level}
 * and moves a database written at level {@code full} (every installation before it) to it:
 * Camunda refuses to start when the configured level differs from the one the database records.
 * The rows already written stay; only what is recorded from now on changes.
 */
public class CourtHistoryLevelPlugin extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(CourtHistoryLevelPlugin.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomHistoryLevels() == null) {
      configuration.setCustomHistoryLevels(new ArrayList<>());
    }
    configuration.getCustomHistoryLevels().add(new CourtHistoryLevel());
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (CourtHistoryLevel.NAME.equals(configuration.getHistoryLevel().getName())) {
      moveFromFull(configuration);
    }
  }

  private static void moveFromFull(ProcessEngineConfigurationImpl configuration) {
    String table = (configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix())
        + "ACT_GE_PROPERTY";
    try (Connection connection = configuration.getDataSource().getConnection()) {
      try (PreparedStatement update = connection.prepareStatement("update " + table
          + " set VALUE_ = ?, REV_ = REV_ + 1 where NAME_ = 'historyLevel' and VALUE_ = ?")) {
        update.setString(1, String.valueOf(CourtHistoryLevel.ID));
        update.setString(2, String.valueOf(HistoryLevel.HISTORY_LEVEL_FULL.getId()));
        if (update.executeUpdate() > 0) {
          LOG.warn("History level of this database changed from 'full' to 'court': variable changes, identity"
              + " links and intermediate task updates are no longer recorded (docs/decisions.md)");
        }
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      // A new database has no ACT_GE_PROPERTY yet: the engine records the configured level itself.
      LOG.debug("History level not moved: {}", e.getMessage());
    }
  }
}
