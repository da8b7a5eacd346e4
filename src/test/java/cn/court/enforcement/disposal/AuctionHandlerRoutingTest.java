package cn.court.enforcement.disposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.court.enforcement.casefile.InvalidCaseDataException;
import cn.court.enforcement.organisation.Organisation;
import cn.court.enforcement.organisation.OrganisationFileException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The disposal's handler by asset kind (SPEC §3): processes/auction-handler.dmn names a role, the
 * organisation file names its holder; the disposal's tasks are assigned to that person and offered to
 * the auction unit (the assistant 李方方 may help).
 */
@Deployment(resources = {"processes/asset-disposal.bpmn", "processes/auction-handler.dmn", "disposal-report-probe.bpmn"})
class AuctionHandlerRoutingTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder()
      .configurationResource("process-test.camunda.cfg.xml").build();

  private final DisposalBeans beans = new DisposalBeans();

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @ParameterizedTest(name = "{0}, complex {1} → {2}")
  @CsvSource({
      "real-estate, false, zhanghaitong, auction-real-estate",
      "vehicle,     false, male,         auction-movables",
      "securities,  false, male,         auction-movables",
      "other,       false, male,         auction-movables",
      "equity,      false, wanghui,      auction-complex",
      "real-estate, true,  wanghui,      auction-complex",
      "other,       true,  wanghui,      auction-complex"})
  void eachKindGoesToTheHolderOfItsRoleInTheOrganisationFile(String kind, boolean complex, String handler, String role,
      ProcessEngine engine) {
    beans.register(DisposalBeans.organisation());
    DisposalFlow flow = new DisposalFlow(engine, beans).start(kind, complex, false);
    Task task = flow.task("Task_ChooseReferenceMethod");
    assertThat(task.getAssignee()).isEqualTo(handler);
    assertThat(flow.candidateGroups(task)).containsExactly("auction");
    assertThat(flow.row()).containsEntry("HANDLER", handler).containsEntry("HANDLER_ROLE", role);
    assertThat(engine.getRuntimeService().getVariable(flow.instanceId, "auctionHandlerName"))
        .isEqualTo(DisposalBeans.organisation().person(handler).orElseThrow().name());
  }

  @Test
  void aRoleMovedInTheFileMovesTheHandler(ProcessEngine engine) {
    String file = DisposalBeans.text("config/organisation.yml")
        .replace("groups: [auction], roles: [auction-real-estate]}", "groups: [auction]}")
        .replace("roles: [auction-assistant]}", "roles: [auction-assistant, auction-real-estate]}");
    Organisation changed = DisposalBeans.organisation(file);
    assertThat(changed.holderOf("auction-real-estate")).map(Organisation.Staff::id).hasValue("lifangfang");
    beans.register(changed);
    assertThat(new DisposalFlow(engine, beans).start("real-estate", false, false).task("Task_ChooseReferenceMethod")
        .getAssignee()).isEqualTo("lifangfang");
  }

  @Test
  void aRoleNobodyHoldsStopsTheStartWithTheReason(ProcessEngine engine) {
    beans.register(DisposalBeans.organisation(DisposalBeans.text("config/organisation.yml")
        .replace(", roles: [auction-movables]}", "}")));
    DisposalFlow flow = new DisposalFlow(engine, beans);
    assertThatThrownBy(() -> flow.start("vehicle", false, false)).isInstanceOf(InvalidCaseDataException.class)
        .hasMessageContaining("没有担任职责 'auction-movables' 的人员");
  }

  @Test
  void theFileRefusesARoleHeldTwiceOrMisspelt() {
    String file = DisposalBeans.text("config/organisation.yml");
    assertThatThrownBy(() -> DisposalBeans.organisation(file.replace("roles: [auction-assistant]}", "roles: [auction-movables]}")))
        .isInstanceOf(OrganisationFileException.class).hasMessageContaining("职责 'auction-movables' 已由用户 'male' 担任");
    assertThatThrownBy(() -> DisposalBeans.organisation(file.replace("roles: [auction-assistant]}", "roles: [Auction Assistant]}")))
        .isInstanceOf(OrganisationFileException.class).hasMessageContaining("职责 'Auction Assistant' 格式不对");
  }
}
