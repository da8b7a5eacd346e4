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
  public ProcessEnginePlugin taskStartFromTask() {
    return new TaskStartFromTask();
  }

  @Bean
  public ProcessEnginePlugin taskQueryAuthorization() {
    return new TaskQueryAuthorization();
  }

  @Bean
  public ProcessEnginePlugin taskListIndexes() {
    return new TaskListIndexes();
  }
}
