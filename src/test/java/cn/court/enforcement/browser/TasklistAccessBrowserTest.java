package cn.court.enforcement.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** In a real browser: the team's filter lists its task; another team's member sees nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TasklistAccessBrowserTest {

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;

  @BeforeEach
  void startProbe() {
    if (repository.createProcessDefinitionQuery().processDefinitionKey("authorization-probe").count() == 0) {
      repository.createDeployment().addClasspathResource("authorization-probe.bpmn").deploy();
    }
    runtime.startProcessInstanceByKey("authorization-probe", "（2026）豫0000执1号");
  }

  @Test
  void teamMemberSeesTheTaskInTheGroupFilterAndAnOutsiderDoesNot() {
    try (Browser browser = new Browser("tasklist-access")) {
      Tasklist member = new Tasklist(browser, port).login("chenlei", "demo");
      member.openFilter("本组待办");
      browser.awaitText("普执二团队任务");
      browser.screenshot("member-group-filter");
      assertThat(browser.text()).contains("陈磊", "本组待办", "普执二团队任务");
    }
    try (Browser browser = new Browser("tasklist-access-outsider")) {
      Tasklist outsider = new Tasklist(browser, port).login("zhouyuan", "demo");
      outsider.openFilter("本组待办");
      browser.await(By.cssSelector(".tasks-list, [cam-tasks]"));
      browser.screenshot("outsider-group-filter");
      assertThat(browser.text()).contains("周源", "本组待办").doesNotContain("普执二团队任务");
    }
  }
}
