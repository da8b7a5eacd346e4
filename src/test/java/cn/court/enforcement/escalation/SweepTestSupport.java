package cn.court.enforcement.escalation;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/** For tests in the shared {@link TimeLimitsSpringTest} context: the sweep sees every open task there. */
public final class SweepTestSupport {

  private SweepTestSupport() {
  }

  /** Ends what earlier tests left running and forgets what was escalated and told. */
  static void startClean(RuntimeService runtime, JdbcTemplate jdbc) {
    runtime.deleteProcessInstancesIfExists(runtime.createProcessInstanceQuery().rootProcessInstances().list().stream()
        .map(ProcessInstance::getId).toList(), "test reset", true, true, false);
    jdbc.update("delete from court_notification");
    jdbc.update("delete from court_node_deadline");
  }

  /** Money arrives on a case: a case-funds run starts with 登记/核对到账案款 for the funds unit. */
  public static String moneyArrived(RuntimeService runtime, String caseNumber) {
    return runtime.createMessageCorrelation("CaseMoneyArrived").processInstanceBusinessKey(caseNumber)
        .setVariables(Map.of("caseNumber", caseNumber, "handlingTeam", "ordinary-team-1", "moneySource", "deduction",
            "moneyAmount", "1000.00", "moneyArrivedOn", "2026-03-02", "moneyPayer", "某某建材有限公司"))
        .correlateStartMessage().getId();
  }

  /** Runs the escalation-sweep process's timer at {@code at}, as the job executor would. */
  public static void sweepAt(ManagementService management, Date at) {
    ClockUtil.setCurrentTime(at);
    Job sweep = management.createJobQuery().processDefinitionKey("escalation-sweep").timers().singleResult();
    management.executeJob(sweep.getId());
  }
}
