package cn.court.enforcement.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.casefile.CaseRegistry;
import cn.court.enforcement.casefile.FilingValidator;
import cn.court.enforcement.escalation.SweepTestSupport;
import cn.court.enforcement.escalation.TimeLimitsSpringTest;
import cn.court.enforcement.support.FormExample;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dossier's limits with the real beans and table: the image dossier is due 15 days after
 * closure and goes to the archives office, which returns it once; a borrowed paper dossier is due
 * back 1 working day after the purpose ends, and a late return reaches the archive centre's leader
 * through the escalation sweep. March 2026 has no holiday.
 */
@TimeLimitsSpringTest
class DossierTimeLimitsTest {

  private static final ZoneId COURT = ZoneId.of("Asia/Shanghai");

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired CaseRegistry registry;
  @Autowired FilingValidator filingValidator;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static Date at(LocalDate day, LocalTime time) {
    return Date.from(LocalDateTime.of(day, time).atZone(COURT).toInstant());
  }

  private static Date endOf(LocalDate day) {
    return at(day, LocalTime.of(23, 59, 59));
  }

  private Task task(ProcessInstance instance, String activityId) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activityId).singleResult();
  }

  private void complete(ProcessInstance instance, String activityId, String group, Map<String, Object> form) {
    Task task = task(instance, activityId);
    assertThat(tasks.getIdentityLinksForTask(task.getId())).anyMatch(link -> group.equals(link.getGroupId()));
    tasks.complete(task.getId(), form);
  }

  @Test
  void theImageDossierIsDueFifteenDaysAfterClosureAndTheArchivesOfficeReturnsItOnce() {
    String caseNumber = "（2026）豫0000执7301号";
    ClockUtil.setCurrentTime(at(LocalDate.of(2026, 1, 5), LocalTime.of(9, 0)));
    ProcessInstance dossier = runtime.startProcessInstanceByKey(DossierVariables.DOSSIER_PROCESS, caseNumber,
        Map.of("caseNumber", caseNumber));
    complete(dossier, "Task_BuildElectronicDossier", "archive", Map.of("dossierCreatedOn", "2026-01-05"));

    ClockUtil.setCurrentTime(at(LocalDate.of(2026, 3, 2), LocalTime.of(16, 0)));
    runtime.createMessageCorrelation("CaseClosed").processInstanceBusinessKey(caseNumber)
        .setVariable("closedDate", "2026-03-02").correlateAll();
    Task image = task(dossier, "Task_MakeImageDossier");
    assertThat(image.getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 17)));

    ClockUtil.setCurrentTime(at(LocalDate.of(2026, 3, 16), LocalTime.of(10, 0)));
    complete(dossier, "Task_MakeImageDossier", "archive", Map.of("imageDossierMadeOn", "2026-03-16",
        "paperVolumes", 2, "imagePages", 186));
    assertThat(task(dossier, "Task_ArchiveDossier").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 23)));
    complete(dossier, "Task_ArchiveDossier", "archives-office", Map.of("archiveDecision", "returned",
        "returnReasons", "副卷缺少卷内目录"));

    Task rework = task(dossier, "Task_ReworkImageDossier");
    assertThat(rework.getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 23)));
    assertThat(tasks.getVariable(rework.getId(), "returnReasons")).isEqualTo("副卷缺少卷内目录");
    complete(dossier, "Task_ReworkImageDossier", "archive", Map.of("imageDossierMadeOn", "2026-03-16",
        "paperVolumes", 2, "imagePages", 188, "handoverRemarks", "已补卷内目录"));
    complete(dossier, "Task_ArchiveDossier", "archives-office", Map.of("archiveDecision", "accepted",
        "archiveNumber", "档-2026-执-7301", "archivedOn", "2026-03-16"));

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(dossier.getId()).count()).isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(dossier.getId())
        .activityId("Task_ArchiveDossier").count()).isEqualTo(2);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(dossier.getId())
        .activityId("EndEvent_DossierArchived").count()).isOne();
  }

  /** The archive centre registers a lending of the paper dossier on Mon 2 Mar, purpose ending Wed 4 Mar. */
  private ProcessInstance lent(String caseNumber) {
    if (!registry.exists(caseNumber)) {
      Map<String, Object> filing = FormExample.of("case-filing").valid(caseNumber);
      registry.register(filingValidator.validate(filing::get), "none");
    }
    ClockUtil.setCurrentTime(at(LocalDate.of(2026, 3, 2), LocalTime.of(10, 0)));
    ProcessInstance lending = runtime.startProcessInstanceByKey(DossierVariables.LENDING_PROCESS, Map.of(
        "caseNumber", caseNumber, "borrower", "周源（普执一团队）", "useKind", "lend", "lendingPurpose", "制作执行裁定书",
        "lentOn", "2026-03-02", "purposeEndsOn", "2026-03-04"));
    assertThat(lending.getBusinessKey()).isEqualTo(caseNumber);
    assertThat(tasks.createTaskQuery().processInstanceId(lending.getId()).count()).isZero();
    // The purpose ends with Wed 4 Mar: the return task appears then, due the next working day.
    ClockUtil.setCurrentTime(endOf(LocalDate.of(2026, 3, 4)));
    String timer = management.createJobQuery().processInstanceId(lending.getId()).timers().singleResult().getId();
    assertThat(management.createJobQuery().jobId(timer).singleResult().getDuedate()).isEqualTo(endOf(LocalDate.of(2026, 3, 4)));
    management.executeJob(timer);
    assertThat(task(lending, "Task_ReturnBorrowedFile").getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 5)));
    return lending;
  }

  private String returnedOn(ProcessInstance lending) {
    return jdbc.queryForObject("select returned_on from dossier_lending where process_instance_id = ?", String.class,
        lending.getId());
  }

  @Test
  void aBorrowedDossierReturnedInTimeIsRegistered() {
    ProcessInstance lending = lent("（2026）豫0000执7302号");
    ClockUtil.setCurrentTime(at(LocalDate.of(2026, 3, 5), LocalTime.of(11, 0)));
    complete(lending, "Task_ReturnBorrowedFile", "archive", Map.of("returnedOn", "2026-03-05"));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(lending.getId()).count()).isZero();
    assertThat(returnedOn(lending)).startsWith("2026-03-05");
  }

  @Test
  void aLateReturnIsReportedToTheArchiveCentresLeader() {
    ProcessInstance lending = lent("（2026）豫0000执7303号");
    Task ret = task(lending, "Task_ReturnBorrowedFile");
    tasks.claim(ret.getId(), "liyangyang");
    SweepTestSupport.sweepAt(management, at(LocalDate.of(2026, 3, 5), LocalTime.of(0, 5)));
    SweepTestSupport.sweepAt(management, at(LocalDate.of(2026, 3, 6), LocalTime.of(0, 5)));
    assertThat(told(ret)).containsExactly("REMINDER [liyangyang]", "OVERDUE [chenyanling]");

    ClockUtil.setCurrentTime(at(LocalDate.of(2026, 3, 6), LocalTime.of(9, 0)));
    tasks.complete(ret.getId(), Map.of("returnedOn", "2026-03-06", "returnRemarks", "逾期一日归还"));
    assertThat(returnedOn(lending)).startsWith("2026-03-06");
  }

  private List<String> told(Task task) {
    return jdbc.queryForList("select kind, recipient from court_notification where task_id = ? order by id", task.getId())
        .stream().map(row -> row.get("KIND") + " [" + row.get("RECIPIENT") + "]").toList();
  }
}
