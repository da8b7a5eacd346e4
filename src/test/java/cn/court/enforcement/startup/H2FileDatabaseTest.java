package cn.court.enforcement.startup;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.EnforcementApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/** The default (demo) profile keeps its cases in an H2 file: they survive a restart. */
class H2FileDatabaseTest {

  private static ConfigurableApplicationContext start(Path dir) {
    return new SpringApplicationBuilder(EnforcementApplication.class).run(
        "--server.port=0",
        "--spring.datasource.url=jdbc:h2:file:" + dir.toAbsolutePath().resolve("enforcement"));
  }

  @Test
  void casesAndOrganisationSurviveARestart() throws IOException {
    Path dir = Path.of("target", "h2-restart");
    FileSystemUtils.deleteRecursively(dir);
    Files.createDirectories(dir);

    String instanceId;
    try (ConfigurableApplicationContext app = start(dir)) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      engine.getRepositoryService().createDeployment().addClasspathResource("authorization-probe.bpmn").deploy();
      instanceId = engine.getRuntimeService()
          .startProcessInstanceByKey("authorization-probe", "（2026）豫0000执1号").getId();
    }
    try (ConfigurableApplicationContext app = start(dir)) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      assertThat(engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceBusinessKey("（2026）豫0000执1号").singleResult().getId()).isEqualTo(instanceId);
      assertThat(engine.getIdentityService().createUserQuery().memberOfGroup("intake").singleResult().getId())
          .isEqualTo("lilinxia");
      assertThat(engine.getIdentityService().checkPassword("lilinxia", "demo")).isTrue();
    }
  }
}
