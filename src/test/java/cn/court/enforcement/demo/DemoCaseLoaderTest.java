package cn.court.enforcement.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The demo cases in the default (H2) set-up: work for every unit, real people, idempotent. */
@SpringBootTest
@ActiveProfiles(DemoCaseLoader.PROFILE)
class DemoCaseLoaderTest {

  static final List<String> UNITS_WITH_WORK = List.of("filing", "intake", "documents", "archive",
      "network-control", "intensive-affairs", "triage", "quick-team", "funds", "finance", "judges", "court-presidents",
      "auction", "termination", "archives-office", "ordinary-team-1", "ordinary-team-2", "ordinary-team-3",
      "ordinary-team-4", "ordinary-team-5");

  @Autowired DemoCaseLoader loader;
  @Autowired JdbcTemplate jdbc;
  @Autowired HistoryService history;

  @Test
  void everyUnitHasDemoWorkAndASecondRunAddsNothing() {
    Map<String, Long> open = loader.openTasksByGroup();
    assertThat(open.keySet()).containsAll(UNITS_WITH_WORK);
    assertThat(open.get("intake")).isGreaterThanOrEqualTo(3);
    assertThat(open.get("triage")).isEqualTo(2);
    int filed = demoCases();
    int planned = DemoCases.all(LocalDate.now()).size();
    assertThat(planned).isBetween(30, 40);
    assertThat(filed).as("at most one extra case per ordinary team").isBetween(planned, planned + 5);

    assertThat(loader.load(LocalDate.now())).isZero();
    assertThat(demoCases()).isEqualTo(filed);
    assertThat(loader.openTasksByGroup()).isEqualTo(open);
  }

  @Test
  void historyShowsThePeopleWhoDidEachStep() {
    List<DemoCases.DemoCase> plan = DemoCases.all(LocalDate.now());
    HistoricProcessInstance archived = history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(plan.get(plan.size() - 1).caseNumber()).processDefinitionKey("enforcement-case").singleResult();
    assertThat(archived.getEndTime()).as("the oldest demo case is archived").isNotNull();
    assertThat(archived.getStartUserId()).isEqualTo("lianyuan");
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(archived.getId())
        .taskDefinitionKey("Task_VerifyFilingData").singleResult().getAssignee()).isEqualTo("lilinxia");
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyLike("（2026）豫0000执9%号")
        .processDefinitionKey("enforcement-case").finished().count()).isEqualTo(1);
  }

  private int demoCases() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM case_file WHERE case_number LIKE ?", Integer.class,
        DemoCaseLoader.DEMO_CASE_PATTERN);
  }
}
