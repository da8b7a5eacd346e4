package cn.court.enforcement.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.casefile.CaseVariables;
import cn.court.enforcement.demo.CaseRoute;
import cn.court.enforcement.demo.CaseRoute.Find;
import cn.court.enforcement.demo.CaseWalker;
import cn.court.enforcement.demo.DemoFilings;
import cn.court.enforcement.organisation.Organisation;
import cn.court.enforcement.support.StaffClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Only the handling team of a case (or a supervisor) may ask to extend its term, only while the
 * case is open: over REST, as Tasklist does it, with authorizations on (a team member cannot
 * read the case's instance, the check must).
 * Cases are walked through the engine by the people who would do each step.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExtensionRequesterTest {

  private static final AtomicInteger SERIAL = new AtomicInteger(8100);
  private static final LocalDate FILED = LocalDate.of(2026, 11, 2);
  private static final Find DEPOSIT = new Find("deposit", "中国建设银行郑州花园路支行", 36_800, true, false);
  private static final String REQUEST = "/engine-rest/process-definition/key/time-limit-extension/submit-form";

  @LocalServerPort int port;
  @Autowired CaseWalker walker;
  @Autowired Organisation organisation;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  @BeforeEach
  void inTheCaseTerm() {
    // Well inside the 6-month term of a case filed on FILED, whatever today's date.
    ClockUtil.setCurrentTime(Date.from(FILED.plusDays(20).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theAllocatedTeamMayAskAnotherTeamMayNot() {
    String caseNumber = fileAndWalk(route -> route.triageFacts(false, false).confirmTrack("ordinary", null)
        .allocate());
    String team = (String) runtime.getVariable(instanceOf(caseNumber), CaseVariables.HANDLING_TEAM);
    String otherTeam = team.equals("ordinary-team-1") ? "ordinary-team-2" : "ordinary-team-1";

    HttpResponse<String> refused = request(leader(otherTeam), caseNumber);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("只有案件 " + caseNumber + " 的承办团队（" + groupName(team) + "）可以申请延长执行期限。");
    assertThat(extensions(caseNumber)).isZero();

    HttpResponse<String> accepted = request(leader(team), caseNumber);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey("Task_ApproveExtension").count()).isOne();
  }

  @Test
  void aQuickCaseIsTheQuickTeams() {
    String caseNumber = fileAndWalk(route -> route.triageFacts(true, false).confirmTrack("quick", null));

    HttpResponse<String> refused = request(leader("ordinary-team-1"), caseNumber);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("只有案件 " + caseNumber + " 的承办团队（快执团队）可以申请延长执行期限。");

    assertThat(request(walker.member("quick-team", 1).id(), caseNumber).statusCode()).isEqualTo(200);
    assertThat(extensions(caseNumber)).isOne();
  }

  @Test
  void aCaseWithoutHandlingTeamIsRefused() {
    String atIntake = fileCase();
    String awaitingAllocation = fileAndWalk(route -> route.triageFacts(false, false).confirmTrack("ordinary", null));

    for (String caseNumber : new String[] {atIntake, awaitingAllocation}) {
      HttpResponse<String> refused = request(leader("ordinary-team-1"), caseNumber);
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.body()).contains("案件 " + caseNumber + " 尚未确定承办团队，只有承办团队可以申请延长执行期限。");
      assertThat(extensions(caseNumber)).isZero();
    }
  }

  @Test
  void aSupervisorMayAskForAnyRunningCase() {
    String caseNumber = fileAndWalk(route -> route.triageFacts(false, false).confirmTrack("ordinary", null).allocate());
    // Both supervising units: the command centre and the bureau leaders (organisation.yml `starts`).
    for (String unit : new String[] {"command-center", "bureau-leaders"}) {
      HttpResponse<String> accepted = request(leader(unit), caseNumber);
      assertThat(accepted.statusCode()).as(unit + ": " + accepted.body()).isEqualTo(200);
    }
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey("Task_ApproveExtension")
        .taskCandidateGroup("court-presidents").count()).isEqualTo(2);
  }

  @Test
  void aClosedCaseIsRefused() {
    // Closed (结案登记) while its dossier is still being kept: the case's instance runs on.
    String caseNumber = fileAndWalk(route -> route.triageFacts(true, false).confirmTrack("quick", null)
        .nameQuickHandler().quickClose("fully-performed").registerClosure());
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKey(CaseVariables.PROCESS_KEY).count()).isOne();

    HttpResponse<String> refused = request(walker.member("quick-team", 1).id(), caseNumber);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("案件 " + caseNumber + " 已结案，不能申请延长执行期限。");
    assertThat(extensions(caseNumber)).isZero();
  }

  @Test
  void aCaseNotBeingHandledIsRefused() {
    HttpResponse<String> refused = request(leader("ordinary-team-1"), "（2026）豫0000执8999号");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("案件 （2026）豫0000执8999号 不在办理中，不能申请延长执行期限。");
  }

  /** A case filed by the filing clerk: it stands at intake. */
  private String fileCase() {
    int serial = SERIAL.incrementAndGet();
    walker.file(DemoFilings.filing(serial, FILED), serial);
    return DemoFilings.caseNumber(serial);
  }

  /** Files a case and walks it through intake, documents and network control to triage, then on. */
  private String fileAndWalk(UnaryOperator<CaseRoute> fromTriage) {
    String caseNumber = fileCase();
    CaseRoute toTriage = new CaseRoute(caseNumber, FILED, FILED.plusDays(10)).verifyFiling()
        .reception("被执行人名下有存款").documents("direct").inquiry(DEPOSIT).offlineControl();
    walker.walk(caseNumber, fromTriage.apply(toTriage).take(), 0);
    return caseNumber;
  }

  private HttpResponse<String> request(String user, String caseNumber) {
    return StaffClient.rest(port, user, "demo").post(REQUEST, "{\"variables\":{"
        + "\"caseNumber\":{\"value\":\"" + caseNumber + "\"},\"requestedMonths\":{\"value\":2},"
        + "\"reason\":{\"value\":\"被执行人财产正在拍卖，需延长期限\"}}}");
  }

  private String instanceOf(String caseNumber) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(CaseVariables.PROCESS_KEY)
        .processInstanceBusinessKey(caseNumber).singleResult().getId();
  }

  private long extensions(String caseNumber) {
    return runtime.createProcessInstanceQuery().processDefinitionKey("time-limit-extension")
        .processInstanceBusinessKey(caseNumber).count();
  }

  private String leader(String group) {
    return organisation.leaderOf(group).orElseThrow();
  }

  private String groupName(String group) {
    return organisation.units().stream().filter(u -> u.id().equals(group)).findFirst().orElseThrow().name();
  }
}
