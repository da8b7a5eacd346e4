package cn.court.enforcement.design;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.organisation.Organisation.Unit;
import cn.court.enforcement.organisation.OrganisationTestData;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The deployment check over processes/ and forms/ (CI), and each of its rules on a broken copy. */
class DeploymentCheckTest {

  @Test
  void theProjectsProcessesAndFormsPass() throws IOException {
    DeploymentCheck check = new DeploymentCheck(OrganisationTestData.demo().units().stream().map(Unit::id).toList());
    List<String> problems = check.problems(ProjectFiles.all(), DeploymentCheck.Deployed.NOTHING);
    assertThat(problems).isEmpty();
  }
}
