package cn.court.enforcement.casepage;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.calendar.CaseClock;
import cn.court.enforcement.casefile.CaseRegistry;
import cn.court.enforcement.demo.CaseWalker;
import cn.court.enforcement.dossier.CatalogueEntry;
import cn.court.enforcement.dossier.DossierRegister;
import cn.court.enforcement.organisation.Organisation;
import cn.court.enforcement.support.StaffClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The case page's data over REST for a real case at its team's measures: the handler, a unit that
 * had a task in it and a supervisor read the whole case (figures as the database holds them);
 * a member of another team is refused — by the case page, the dossier and the circulation register
 * alike, the one rule of {@link CaseAccess} — an unknown number is not found, no login is 401. Once
 * every instance of a case has ended (and the engine dropped their grants), its staff still see it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CasePageRestTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired CaseWalker walker;
  @Autowired CaseRegistry registry;
  @Autowired CaseClock clock;
  @Autowired Organisation organisation;
  @Autowired JdbcTemplate jdbc;
  @Autowired HistoryService history;
  @Autowired DossierRegister dossier;

  TeamCase teamCase;

  @BeforeAll
  void walkCase() {
    teamCase = TeamCase.walk(walker, registry, clock);
  }

  private String query(String path) {
    return path + "?caseNumber=" + URLEncoder.encode(teamCase.caseNumber(), StandardCharsets.UTF_8);
  }

  private HttpResponse<String> page(String user) {
    return StaffClient.rest(port, user, "demo").get(query("/api/case-page"));
  }

  private String name(String user) {
    return organisation.person(user).orElseThrow().name();
  }

  private String unitName(String unit) {
    return organisation.unit(unit).orElseThrow().name();
  }

  @Test
  void theHandlerReadsTheWholeCase() throws Exception {
    dossier.catalogue(new CatalogueEntry(teamCase.caseNumber(), null, "立案材料", "执行申请书", 3,
        LocalDateTime.of(2026, 3, 2, 10, 15), "liyangyang", null));
    HttpResponse<String> response = page(teamCase.handler());
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode page = JSON.readTree(response.body());

    assertThat(page.get("caseNumber").asText()).isEqualTo(teamCase.caseNumber());
    JsonNode filing = page.get("filing");
    assertThat(filing.get("caseKind").asText()).isEqualTo("金钱给付");
    assertThat(filing.get("handler").asText()).isEqualTo(name(teamCase.handler()));
    assertThat(filing.get("handlerTeam").asText()).isEqualTo(unitName(teamCase.team()));
    assertThat(filing.get("amountClaimed").decimalValue()).isEqualByComparingTo(jdbc.queryForObject(
        "SELECT amount_claimed FROM case_file WHERE case_number = ?", BigDecimal.class, teamCase.caseNumber()));

    assertThat(page.get("parties")).extracting(p -> p.get("role").asText() + " " + p.get("name").asText())
        .contains("申请执行人 " + teamCase.applicant(), "被执行人 " + teamCase.respondent());

    JsonNode main = page.get("processes").get(0);
    assertThat(main.get("processKey").asText()).isEqualTo("enforcement-case");
    assertThat(main.get("running").asBoolean()).isTrue();
    assertThat(main.get("cockpit").asText()).endsWith("/process-instance/" + main.get("processInstanceId").asText() + "/runtime");
    JsonNode hub = only(main.get("tasks"));
    assertThat(hub.get("assignee").asText()).isEqualTo(name(teamCase.handler()));
    assertThat(hub.get("groups")).extracting(JsonNode::asText).containsExactly(unitName(teamCase.team()));
    assertThat(hub.get("due").isNull()).isFalse();
    assertThat(page.get("processes")).extracting(p -> p.get("processKey").asText()).contains("dossier");

    JsonNode caseClock = page.get("clock");
    assertThat(caseClock.get("pausedDays").asLong()).isEqualTo(30);
    assertThat(caseClock.get("deadline").asText()).isEqualTo(clock.deadline(teamCase.caseNumber()).toString());
    assertThat(only(caseClock.get("pauses")).get("reason").asText()).isEqualTo("公告");

    JsonNode measures = page.get("measures");
    assertThat(measures.get(0).get("respondent").asText()).isEqualTo(teamCase.respondent());
    assertThat(only(measures.get(0).get("measures")).get("summary").asText()).isEqualTo(TeamCase.RESPONDENT_INTERVIEW);
    assertThat(only(measures.get(0).get("measures")).get("kind").asText()).isEqualTo("谈话（被执行人）");
    assertThat(measures.get(1).get("respondent").isNull()).isTrue();
    assertThat(only(measures.get(1).get("measures")).get("kind").asText()).isEqualTo("谈话（申请执行人）");

    assertThat(page.get("propertyItems")).extracting(p -> p.get("kind").asText() + " " + p.get("respondent").asText()
        + " " + p.get("holderInstitution").asText())
        .containsExactly("银行存款 " + teamCase.respondent() + " " + TeamCase.DEPOSIT.holder(),
            "车辆 " + teamCase.respondent() + " " + TeamCase.VEHICLE.holder());
    assertThat(page.get("propertyItems").get(1).get("offlineMeasure").asText()).as("intensive affairs seized the car")
        .isEqualTo("查封");

    JsonNode circulation = page.get("circulation");
    assertThat(circulation.get(0).get("kind").asText()).isEqualTo("登记");
    assertThat(circulation).extracting(e -> e.get("toUnit").asText()).contains("信息核对初次接待", unitName(teamCase.team()));
    assertThat(page.get("money").get("outstanding").decimalValue()).isZero();
    assertThat(page.get("dossier")).extracting(d -> d.get("documentType").asText() + " " + d.get("name").asText() + " "
        + d.get("pages").asInt() + " " + d.get("scannedAt").asText() + " " + d.get("scannedBy").asText())
        .containsExactly("立案材料 执行申请书 3 2026-03-02 10:15 李洋洋");
  }

  @Test
  void aUnitOfItsTasksAndSupervisorsReadItOthersAreRefused() throws Exception {
    assertThat(page("lilinxia").statusCode()).as("intake verified the filing").isEqualTo(200);
    assertThat(page("wanghui").statusCode()).as("command centre").isEqualTo(200);
    assertThat(page("juzhang").statusCode()).as("bureau chief").isEqualTo(200);

    HttpResponse<String> outsider = page(teamCase.outsider());
    assertThat(outsider.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(outsider.body()).get("message").asText())
        .isEqualTo("只有本案的办案人员和监督部门可以查看案件 " + teamCase.caseNumber() + "。");
    assertThat(outsider.body()).doesNotContain(teamCase.respondent());

    // The dossier and the circulation register follow the same rule.
    for (String view : List.of("/api/dossier/catalogue", "/api/circulation/cases")) {
      assertThat(StaffClient.rest(port, teamCase.handler(), "demo").get(query(view)).statusCode()).as(view).isEqualTo(200);
      assertThat(StaffClient.rest(port, teamCase.outsider(), "demo").get(query(view)).statusCode()).as(view).isEqualTo(403);
    }

    HttpResponse<String> unknown = StaffClient.rest(port, "wanghui", "demo")
        .get("/api/case-page?caseNumber=" + URLEncoder.encode("（2000）豫0000执1号", StandardCharsets.UTF_8));
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(unknown.body()).get("message").asText()).isEqualTo("案件 （2000）豫0000执1号 不存在。");

    assertThat(StaffClient.rest(port, null, null).get(query("/api/case-page")).statusCode()).isEqualTo(401);
  }

  @Test
  void afterTheCaseEndedItsStaffStillSeeIt() throws Exception {
    TeamCase archived = TeamCase.walk(walker, registry, clock, true);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(archived.caseNumber()).unfinished()
        .count()).as("every instance of the case ended, and with it its read grants").isZero();
    String path = "/api/case-page?caseNumber=" + URLEncoder.encode(archived.caseNumber(), StandardCharsets.UTF_8);

    HttpResponse<String> handler = StaffClient.rest(port, archived.handler(), "demo").get(path);
    assertThat(handler.statusCode()).isEqualTo(200);
    JsonNode page = JSON.readTree(handler.body());
    assertThat(page.get("processes")).isNotEmpty().allSatisfy(p -> {
      assertThat(p.get("running").asBoolean()).isFalse();
      assertThat(p.get("tasks")).isEmpty();
    });
    assertThat(StaffClient.rest(port, "lilinxia", "demo").get(path).statusCode()).isEqualTo(200);
    assertThat(StaffClient.rest(port, "wanghui", "demo").get(path).statusCode()).isEqualTo(200);
    assertThat(StaffClient.rest(port, archived.outsider(), "demo").get(path).statusCode()).isEqualTo(403);
  }

  private static JsonNode only(JsonNode array) {
    List<JsonNode> all = new ArrayList<>();
    array.forEach(all::add);
    assertThat(all).hasSize(1);
    return all.get(0);
  }
}
