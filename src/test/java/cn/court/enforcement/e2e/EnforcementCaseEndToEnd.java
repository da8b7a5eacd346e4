package cn.court.enforcement.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.allocation.AllocationProperties;
import cn.court.enforcement.casefile.FilingValidator;
import cn.court.enforcement.casefile.PartyVariables;
import cn.court.enforcement.demo.CaseRoute;
import cn.court.enforcement.demo.CaseRoute.Find;
import cn.court.enforcement.demo.CaseWalker;
import cn.court.enforcement.demo.DemoFilings;
import cn.court.enforcement.demo.Step;
import cn.court.enforcement.organisation.Organisation;
import cn.court.enforcement.support.FormSubmissions;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
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
  private static final Map<String, String> APPLICANT_COMPANY = Map.of("name", "河南某建材有限公司",
      "legalRepresentative", "王建国", "idNumber", "91410105MA45ABCD1A", "phone", "13800138000", "address", "郑州市金水区花园路1号");
  private static final Map<String, String> APPLICANT_PERSON = Map.of("name", "李四", "idNumber", "41010219750315202X",
      "phone", "13700137000", "address", "郑州市中原区建设路8号");
  private static final Map<String, String> RESPONDENT_ZHANG = Map.of("name", "张三", "idNumber", "410105198001011239",
      "address", "郑州市二七区大学路2号");
  private static final Map<String, String> RESPONDENT_COMPANY = Map.of("name", "郑州某贸易有限公司",
      "legalRepresentative", "赵六", "idNumber", "91410100MA9XYB1236", "address", "郑州市管城区商城路6号");
  private static final Map<String, String> RESPONDENT_WANG = Map.of("name", "王五", "idNumber", "410104198511110046",
      "address", "郑州市惠济区天河路9号");
  private static final Map<String, String> RESPONDENT_SUN = Map.of("name", "孙七", "idNumber", "41018219900620351X",
      "phone", "0371-65551234", "address", "郑州市上街区济源路3号");

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
        .punishment("consumption-restriction", "被执行人未按执行通知履行义务").presidentSignsRestriction()
        .offlineRequest("请扣押被执行人名下已查封的小型轿车", true)
        .proposeClosure("fully-performed", null).registerClosure()
        .archive("档-2026-执-7001").take());
    assertFinished();
  }

  @Test
  void quickCaseClosedWithinTheQuickTeam() {
    staff.walk(caseNumber, route.verifyFiling().reception("被执行人银行存款足以清偿").documents("electronic").dossier()
        .inquiry(DEPOSIT).offlineControl().triageFacts(true, false).confirmTrack("quick", null)
        .nameQuickHandler().quickClose("fully-performed").registerClosure()
        .archive("档-2026-执-7002").take());
    assertFinished();
  }

  /**
   * Two applicants and three respondents filed over REST; intake sends the case back and the
   * correction drops a respondent and adds another; a property item names the respondent picked.
   */
  @Test
  void severalPartiesFiledCorrectedAndNamedByTheirRecords() {
    int serial = SERIAL.incrementAndGet();
    String number = DemoFilings.caseNumber(serial);
    LocalDate filed = LocalDate.of(2026, 11, 3);
    Map<String, Object> filing = new HashMap<>(DemoFilings.filing(serial, filed));
    parties(filing, "applicant", APPLICANT_COMPANY, APPLICANT_PERSON);
    parties(filing, "respondent", RESPONDENT_ZHANG, RESPONDENT_COMPANY, RESPONDENT_WANG);
    staff.file(filing);
    assertThat(parties(number)).containsExactly("applicant:河南某建材有限公司:organisation", "applicant:李四:person",
        "respondent:张三:person", "respondent:郑州某贸易有限公司:organisation", "respondent:王五:person");
    assertThat(variable(number, "applicantName")).isEqualTo("河南某建材有限公司等2人");
    assertThat(variable(number, "respondentName")).isEqualTo("张三等3人");

    Map<String, Object> corrected = new HashMap<>(filing);
    parties(corrected, "respondent", RESPONDENT_ZHANG, RESPONDENT_WANG, RESPONDENT_SUN);
    CaseRoute correction = new CaseRoute(number, filed, LocalDate.now());
    staff.walk(number, correction.filingErrors("被执行人郑州某贸易有限公司不是本案当事人；遗漏被执行人孙七")
        .correctFiling(corrected).verifyFiling().reception("被执行人孙七名下有存款").documents("direct")
        .inquiry(new Find("deposit", "中国银行郑州文化路支行", 12_000, true, false, 3)).take());
    assertThat(parties(number)).containsExactly("applicant:河南某建材有限公司:organisation", "applicant:李四:person",
        "respondent:张三:person", "respondent:王五:person", "respondent:孙七:person");
    assertThat(variable(number, "respondentName")).isEqualTo("张三等3人");
    assertThat(jdbc.queryForList("""
        SELECT p.name FROM property_item i JOIN case_party p ON p.id = i.respondent_id WHERE i.case_number = ?""",
        String.class, number)).containsExactly("孙七");
  }

  /** The parties of a role as the filing form sends them: their number, then one group each. */
  @SafeVarargs
  private static void parties(Map<String, Object> filing, String role, Map<String, String>... parties) {
    filing.put(FilingValidator.countKey(role), parties.length);
    for (int i = 0; i < parties.length; i++) {
      filing.put(FilingValidator.slotKey(role, i + 1), PartyVariables.json(parties[i]));
    }
  }

  private List<String> parties(String number) {
    return jdbc.queryForList("SELECT role || ':' || name || ':' || kind FROM case_party WHERE case_number = ? ORDER BY position",
        String.class, number);
  }

  /** A variable of the case, as the supervisor reads it over REST. */
  private String variable(String number, String name) {
    JsonNode instance = RestCaseWalker.read(staff.as(SUPERVISOR).get("/engine-rest/process-instance?businessKey="
        + URLEncoder.encode(number, StandardCharsets.UTF_8))).get(0);
    return RestCaseWalker.read(staff.as(SUPERVISOR).get("/engine-rest/process-instance/" + instance.get("id").asText()
        + "/variables/" + name)).get("value").asText();
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
    HttpResponse<String> byMember = staff.as(handler).post(change, FormSubmissions.variables(form));
    assertThat(byMember.statusCode()).isEqualTo(400);
    assertThat(RestCaseWalker.read(byMember).get("message").asText()).contains("只有承办团队（快执团队）的团队长");
    HttpResponse<String> byLeader = staff.as(leader).post(change, FormSubmissions.variables(form));
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
    assertThat(instances.findValuesAsText("processDefinitionKey")).contains("enforcement-case", "dossier");
    assertThat(instances.findValuesAsText("startUserId")).contains("lianyuan");
    assertThat(instances.findValuesAsText("state")).containsOnly("COMPLETED");
  }
}
