package cn.court.enforcement.disposal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.support.EngineClock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;

/** One asset's disposal driven as staff would, with the engine clock moved by the test. */
final class DisposalFlow {

  static final ZoneId COURT = EngineClock.COURT;
  private static final AtomicInteger CASES = new AtomicInteger(9100);

  final ProcessEngine engine;
  final String caseNumber;
  final String caseInstanceId;
  String instanceId;
  ProcessInstance instance;

  /** A case (filed on 2026-05-06, clock registered) standing in as the report probe. */
  DisposalFlow(ProcessEngine engine, DisposalBeans beans) {
    this(engine, beans, "（2026）豫0105执" + CASES.incrementAndGet() + "号");
  }

  DisposalFlow(ProcessEngine engine, DisposalBeans beans, String caseNumber) {
    this.engine = engine;
    this.caseNumber = caseNumber;
    beans.caseClock.register(caseNumber, LocalDate.of(2026, 5, 6), false);
    this.caseInstanceId = engine.getRuntimeService().startProcessInstanceByKey("disposal-report-probe", caseNumber).getId();
  }

  static void at(LocalDateTime time) {
    EngineClock.at(time);
  }

  static Date date(LocalDateTime time) {
    return EngineClock.date(time);
  }

  /** Starts one disposal as the case does (contract of issue 13 §1). */
  DisposalFlow start(String propertyKind, boolean complex, boolean occupied) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseNumber", caseNumber);
    variables.put("caseInstanceId", caseInstanceId);
    variables.put("handlingTeam", "ordinary-team-1");
    variables.put("caseHandler", "zhouyuan");
    variables.put("propertyItemId", 7L);
    variables.put("propertyKind", propertyKind);
    variables.put("assetDescription", "real-estate".equals(propertyKind) ? "某小区3号楼2单元501室" : "豫A12345 小型轿车");
    variables.put("assetComplex", complex);
    variables.put("assetOccupied", occupied);
    instance = engine.getRuntimeService().createProcessInstanceByKey(DisposalVariables.PROCESS_KEY).businessKey(caseNumber)
        .setVariables(variables).execute();
    instanceId = instance.getId();
    return this;
  }

  Task task(String key) {
    List<Task> found = engine.getTaskService().createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(key).list();
    assertThat(found).as("open task %s; active: %s", key, active()).hasSize(1);
    return found.get(0);
  }

  List<String> active() {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId).count() == 0 ? List.of()
        : engine.getRuntimeService().getActiveActivityIds(instanceId);
  }

  List<String> candidateGroups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null).map(IdentityLink::getGroupId).toList();
  }

  /** Completes the task with the form's values as pairs: key, value, key, value … */
  DisposalFlow complete(String key, Object... pairs) {
    engine.getTaskService().complete(task(key).getId(), values(pairs));
    // The report to the case runs in its own transaction (asyncBefore): as the job executor would.
    engine.getManagementService().createJobQuery().processInstanceId(instanceId).executable().messages().list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
    return this;
  }

  static Map<String, Object> values(Object... pairs) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      values.put((String) pairs[i], pairs[i + 1]);
    }
    return values;
  }

  /** The one timer of the disposal is due at {@code due}; the clock moves there and it fires. */
  DisposalFlow timerFiresAt(LocalDateTime due) {
    EngineClock.timerFiresAt(engine, instanceId, due);
    return this;
  }

  /** 当事人议价: the quickest way to a reference price. */
  DisposalFlow negotiatedPrice(double price) {
    return complete("Task_ChooseReferenceMethod", "referenceMethod", "negotiation")
        .complete("Task_RecordReferencePrice", "referencePrice", price, "referenceDate", today());
  }

  /** An auction notice with bidding from 10:00 on {@code starts} for 24 hours. */
  DisposalFlow notice(double startPrice, LocalDate published, LocalDate starts) {
    return complete("Task_PublishAuctionNotice", notice(startPrice, published, starts, starts.plusDays(1), "人民法院诉讼资产网"));
  }

  static Object[] notice(double startPrice, LocalDate published, LocalDate starts, LocalDate ends, String platform) {
    return new Object[] {"startPrice", startPrice, "noticePublishedOn", published.toString(),
        "auctionStartDate", starts.toString(), "auctionStartTime", "10:00", "auctionEndDate", ends.toString(),
        "auctionEndTime", "10:00", "auctionPlatform", platform};
  }

  /** Notice period and bidding pass: both timers fire on the notice's dates. */
  DisposalFlow biddingOver(LocalDate starts) {
    return timerFiresAt(starts.atTime(10, 0)).timerFiresAt(starts.plusDays(1).atTime(10, 0));
  }

  DisposalFlow unsold() {
    return complete("Task_RecordAuctionResult", "auctionResult", "unsold");
  }

  /** What the case received from this disposal (its report task's scope), the case going on beside it. */
  Map<String, Object> report() {
    List<Task> reports = engine.getTaskService().createTaskQuery().processInstanceId(caseInstanceId)
        .taskDefinitionKey("Task_ReadReport").list().stream()
        .filter(task -> instanceId.equals(engine.getTaskService().getVariable(task.getId(), "disposalInstanceId"))).toList();
    assertThat(reports).as("the case received one report of %s", instanceId).hasSize(1);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(caseInstanceId).taskDefinitionKey("Task_CaseWork")
        .count()).as("the team's work goes on").isOne();
    return engine.getTaskService().getVariables(reports.get(0).getId());
  }

  Map<String, Object> row() {
    return DisposalBeans.JDBC.queryForMap("select * from asset_disposal where process_instance_id = ?", instanceId);
  }

  static String today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), COURT).toString();
  }
}
