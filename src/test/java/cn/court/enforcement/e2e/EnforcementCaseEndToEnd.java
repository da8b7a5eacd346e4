package cn.court.enforcement.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.allocation.AllocationProperties;
import cn.court.enforcement.demo.CaseRoute;
import cn.court.enforcement.demo.CaseRoute.Find;
import cn.court.enforcement.demo.CaseWalker;
import cn.court.enforcement.demo.DemoFilings;
import cn.court.enforcement.demo.Step;
import cn.court.enforcement.organisation.Organisation;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A case from filing to archive over the REST API, every step by a real member of the unit
 * that owns it (SPEC §2), run on each database by a subclass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class EnforcementCaseEndToEnd {

  private static final AtomicInteger SERIAL = new AtomicInteger(7000);
  private static final String SUPERVISOR = "wanghui"; // command-center: reads all cases and draws
  static final Find DEPOSIT = new Find("deposit", "中国建设银行郑州花园路支行", 36_800, true, false);
  static final Find VEHICLE = new Find("vehicle", "郑州市公安局交通管理支队车辆管理所", 98_000, false, true);

  @LocalServerPort int port;
  @Autowired Organisation organisation;
  @Autowired CaseWalker engineWalker;
  @Autowired AllocationProperties allocation;
  @Autowired JdbcTemplate jdbc;

  private RestCaseWalker staff;
  private String caseNumber;
  private CaseRoute route;

  @BeforeEach
  void fileCase() {
    staff = new RestCaseWalker(port, organisation, engineWalker);
    int serial = SERIAL.incrementAndGet();
    caseNumber = DemoFilings.caseNumber(serial);
    LocalDate filed = LocalDate.of(2026, 11, 2);
    route = new CaseRoute(caseNumber, filed, LocalDate.now());
    staff.file(DemoFilings.filing(serial, filed));
  }

  /** Intake, documents, network and offline control, triage, random allocation, team measures, closure, archive. */
  @Test
  void ordinaryCaseFromFilingToArchive() {
    staff.walk(caseNumber, route.verifyFiling().reception("被执行人名下有存款和一辆轿车").documents("direct").dossier()
        .inquiry(DEPOSIT, VEHICLE).offlineControl().triageFacts(false, false)
        .confirmOrdinaryExcluding(List.of("ordinary-team-1"), "承办人与被执行人系同学关系").allocate().take());
    assertThat(jdbc.queryForList("SELECT offline_measure FROM property_item WHERE case_number = ? ORDER BY id",
        String.class, caseNumber)).containsExactly(null, "seize");

    // The draw is recorded with the exclusion; the team is one of the others in the pool.
    JsonNode draws = RestCaseWalker.read(staff.as(SUPERVISOR).get("/api/allocation/draws?caseNumber="
        + URLEncoder.encode(caseNumber, StandardCharsets.UTF_8)));
    assertThat(draws).hasSize(1);
    staff.handlingTeam = draws.get(0).get("chosenTeam").asText();
    assertThat(staff.handlingTeam).isIn(allocation.pool()).isNotEqualTo("ordinary-team-1");
    assertThat(draws.get(0).get("excluded").get("ordinary-team-1").asText()).contains("同学关系");
    assertThat(staff.as(staff.memberOf(staff.handlingTeam).id()).get("/api/allocation/draws").statusCode())
        .as("teams do not audit their own draws").isEqualTo(403);
    staff.walk(caseNumber, route.nameTeamHandler().take());

    // Closure without interviews of both parties is refused with the reason; the task stays open.
    Step closeTooEarly = route.proposeClosure("fully-performed", null).take().get(0);
    HttpResponse<String> refused = staff.submit(caseNumber, closeTooEarly);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(RestCaseWalker.read(refused).get("message").asText())
        .contains("不能结案", "尚无对申请执行人的谈话笔录", "尚无对被执行人的谈话笔录");
    assertThat(staff.ownTasks(staff.memberOf(staff.handlingTeam).id(), caseNumber, CaseRoute.TEAM_HUB)).hasSize(1);

    staff.walk(caseNumber, route.interviewBothParties()
        .punishment("consumption-restriction", "被执行人未按执行通知履行义务", true)
        .offlineRequest("请扣押被执行人名下已查封的小型轿车", true)
        .assetDisposal("被执行人名下小型轿车一辆（豫A·8K2M6）", 61_000.0).caseMoney(61_000, 61_000)
        .teamCaseMoney(36_800, 36_800).proposeClosure("fully-performed", null).registerClosure()
        .archive("档-2026-执-7001").take());
    assertFinished();
  }

  @Test
  void quickCaseClosedWithinTheQuickTeam() {
    staff.walk(caseNumber, route.verifyFiling().reception("被执行人银行存款足以清偿").documents("electronic").dossier()
        .inquiry(DEPOSIT).offlineControl().triageFacts(true, false).confirmTrack("quick", null)
        .nameQuickHandler().quickCaseMoney().caseMoney(36_800, 36_800).quickClose("fully-performed").registerClosure()
        .archive("档-2026-执-7002").take());
    assertFinished();
  }

  /**
   * The quick team's leader names the handler, who holds the team's task: a colleague sees it and
   * claims it once the handler gives it back, an outsider never; the leader's change of handler
   * moves the task and is logged with its reason and time.
   */
  @Test
  void theHandlerHoldsTheTeamsTaskAColleagueStepsInAndTheLeaderChangesTheHandler() {
    staff.walk(caseNumber, route.verifyFiling().reception("被执行人银行存款足以清偿").documents("electronic").dossier()
        .inquiry(DEPOSIT).offlineControl().triageFacts(true, false).confirmTrack("quick", null).take());
    String leader = organisation.leaderOf("quick-team").orElseThrow();
    HttpResponse<String> notAMember = staff.submit(caseNumber,
        new Step("Task_NameQuickHandler", "quick-team", Map.of("caseHandler", "lilinxia")));
    assertThat(notAMember.statusCode()).isEqualTo(400);
    assertThat(RestCaseWalker.read(notAMember).get("message").asText()).contains("lilinxia 不是快执团队的成员");
    staff.walk(caseNumber, route.nameQuickHandler().take());

    String handler = staff.handlerOf("quick-team");
    String colleague = "dingyi";
    String outsider = staff.outsiderOf("quick-team").id();
    JsonNode task = staff.ownTasks(colleague, caseNumber, "Task_HandleQuickCase").get(0);
    assertThat(task.get("assignee").asText()).isEqualTo(handler);
    String claim = "/engine-rest/task/" + task.get("id").asText() + "/claim";
    String unclaim = "/engine-rest/task/" + task.get("id").asText() + "/unclaim";
    assertThat(staff.as(colleague).post(claim, "{\"userId\":\"dingyi\"}").statusCode())
        .as("held by the handler").isEqualTo(409);
    assertThat(staff.ownTasks(outsider, caseNumber, "Task_HandleQuickCase")).isEmpty();
    assertThat(staff.as(colleague).post(unclaim, "").statusCode()).as("only the assignee gives it back").isEqualTo(403);

    assertThat(staff.as(handler).post(unclaim, "").statusCode()).isEqualTo(204);
    assertThat(staff.as(outsider).post(claim, "{\"userId\":\"" + outsider + "\"}").statusCode()).isIn(403, 404);
    assertThat(staff.as(colleague).post(claim, "{\"userId\":\"dingyi\"}").statusCode()).isEqualTo(204);
    assertThat(staff.ownTasks(colleague, caseNumber, "Task_HandleQuickCase").get(0).get("assignee").asText())
        .isEqualTo(colleague);

    String change = "/engine-rest/process-definition/key/handler-change/submit-form";
    Map<String, Object> form = Map.of("caseNumber", caseNumber, "newHandler", "郑耀轩",
        "changeReason", "原承办人调岗，由郑耀轩接办");
    HttpResponse<String> byMember = staff.as(handler).post(change, RestCaseWalker.body(form));
    assertThat(byMember.statusCode()).isEqualTo(400);
    assertThat(RestCaseWalker.read(byMember).get("message").asText()).contains("只有承办团队（快执团队）的团队长");
    HttpResponse<String> byLeader = staff.as(leader).post(change, RestCaseWalker.body(form));
    assertThat(byLeader.statusCode()).as(byLeader.body()).isEqualTo(200);

    assertThat(staff.ownTasks("zhengyaoxuan", caseNumber, "Task_HandleQuickCase").get(0).get("assignee").asText())
        .isEqualTo("zhengyaoxuan");
    assertThat(jdbc.queryForObject("SELECT handler FROM case_file WHERE case_number = ?", String.class, caseNumber))
        .isEqualTo("zhengyaoxuan");
    assertThat(jdbc.queryForList("SELECT previous_handler, new_handler, reason, changed_by FROM case_handler_change "
        + "WHERE case_number = ? AND changed_at IS NOT NULL ORDER BY id", caseNumber))
        .extracting(row -> row.values().stream().map(String::valueOf).toList())
        .containsExactly(List.of("null", handler, "null", leader),
            List.of(handler, "zhengyaoxuan", "原承办人调岗，由郑耀轩接办", leader));
  }

  /** The case and its dossier have ended, as the supervisor sees it in history. */
  private void assertFinished() {
    JsonNode instances = RestCaseWalker.read(staff.as(SUPERVISOR).get("/engine-rest/history/process-instance"
        + "?processInstanceBusinessKey=" + URLEncoder.encode(caseNumber, StandardCharsets.UTF_8)));
    assertThat(instances.findValuesAsText("processDefinitionKey")).contains("enforcement-case", "dossier", "case-funds");
    assertThat(instances.findValuesAsText("startUserId")).contains("lianyuan");
    assertThat(instances.findValuesAsText("state")).containsOnly("COMPLETED");
  }
}
