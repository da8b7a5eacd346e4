package cn.court.enforcement.termination;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.casefile.CaseRegistry;
import cn.court.enforcement.support.StaffClient;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The link between a terminated case and its resumed 执恢 case, as a supervisor reads it over the
 * REST API with his own login: the new case's variable names the old case, the old case's names
 * the new one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResumptionRestViewTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired ManagementService management;
  @Autowired CaseRegistry cases;

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  @Test
  void bothCasesNameEachOtherInTheRestView() {
    ResumptionFlow flow = new ResumptionFlow(runtime, tasks, identity, management, cases);
    String original = "（2024）豫0000执7401号";
    ProcessInstance old = flow.terminatedCase(original, LocalDate.of(2024, 1, 8), LocalDate.of(2024, 6, 3));
    ClockUtil.reset();
    flow.approve(flow.apply(original));
    ProcessInstance resumed = runtime.createProcessInstanceQuery().processDefinitionKey("enforcement-case")
        .variableValueEquals(ResumptionVariables.RESUMED_FROM, original).singleResult();

    StaffClient supervisor = StaffClient.rest(port, "wanghui", "demo");
    HttpResponse<String> from = supervisor.get("/engine-rest/process-instance/" + resumed.getId()
        + "/variables/" + ResumptionVariables.RESUMED_FROM);
    HttpResponse<String> as = supervisor.get("/engine-rest/history/variable-instance?variableName="
        + ResumptionVariables.RESUMED_AS + "&processInstanceId=" + old.getId());
    HttpResponse<String> byNumber = supervisor.get("/engine-rest/process-instance?businessKey="
        + URLEncoder.encode(resumed.getBusinessKey(), StandardCharsets.UTF_8));

    assertThat(resumed.getBusinessKey()).contains("执恢");
    assertThat(from.statusCode()).isEqualTo(200);
    assertThat(from.body()).contains(original);
    assertThat(as.statusCode()).isEqualTo(200);
    assertThat(as.body()).contains(resumed.getBusinessKey());
    assertThat(byNumber.body()).contains(resumed.getId());
  }
}
