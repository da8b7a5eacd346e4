package cn.court.enforcement.organisation;

import cn.court.enforcement.security.AccessPolicy;
import cn.court.enforcement.tasklist.TaskFilters;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Reads the organisation file and, at start-up, loads it into Camunda: users and groups,
 * their authorizations and their Tasklist filters.
 */
@Configuration
@EnableConfigurationProperties(OrganisationProperties.class)
public class OrganisationConfiguration {

  @Bean
  public Organisation organisation(OrganisationProperties properties, ResourceLoader resources) throws IOException {
    Resource file = resources.getResource(properties.location());
    if (!file.exists()) {
      throw new OrganisationFileException("找不到组织机构文件：" + properties.location());
    }
    try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
      return OrganisationFile.parse(reader, properties.location());
    }
  }

  @Bean
  public ProcessEnginePlugin organisationLoader(Organisation organisation, OrganisationProperties properties) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void postProcessEngineBuild(ProcessEngine engine) {
        new OrganisationSync(engine.getIdentityService(), properties.demoPassword()).apply(organisation);
        new AccessPolicy(engine.getAuthorizationService()).apply(organisation);
        new TaskFilters(engine.getFilterService(), engine.getTaskService(), engine.getAuthorizationService())
            .apply(organisation);
      }
    };
  }
}
