package cn.court.enforcement.engine;

import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine changes that make a step cheaper and the task list fast (docs/decisions.md). */
@Configuration
public class EngineConfiguration {

  @Bean
  public ProcessEnginePlugin courtHistoryLevel() {
    return new CourtHistoryLevelPlugin();
  }

  @Bean
  public ProcessEnginePlugin courtAuthorizationManager() {
    return new CourtAuthorizationManager();
  }

  @Bean
  public ProcessEnginePlugin historyEnds() {
    return new HistoryEnds();
  }

  @Bean
  public ProcessEnginePlugin mapperPatches() {
    return new MapperPatches(TaskQueryAuthorization.patches(), HistoryEnds.patches(), BulkVariableDeletes.patches());
  }

  @Bean
  public ProcessEnginePlugin bulkVariableDeletes() {
    return new BulkVariableDeletes();
  }

  @Bean
  public ProcessEnginePlugin taskListIndexes() {
    return new TaskListIndexes();
  }
}
