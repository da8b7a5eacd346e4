package cn.court.enforcement.escalation;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Instances started before the escalation sweep carry a daily timer of their own (the former
 * "节点时限监控" event sub-process, whose delegate is gone). Their timers are deleted once the
 * engine is up; the instances themselves run on, watched by the sweep. Idempotent, so every node
 * of a cluster may do it at start.
 */
@Component
public class RetireInstanceMonitors {

  /** The timer start event of the removed event sub-process. */
  static final String MONITOR_TIMER = "StartEvent_NodeTimeLimitCheck";
  private static final int PAGE = 500;
  private static final Logger log = LoggerFactory.getLogger(RetireInstanceMonitors.class);

  private final ManagementService management;

  public RetireInstanceMonitors(ManagementService management) {
    this.management = management;
  }

  @EventListener(PostDeployEvent.class)
  public void onEngineStarted() {
    int retired = retire();
    if (retired > 0) {
      log.info("Deleted {} per-instance node time-limit timers; the escalation sweep checks those instances", retired);
    }
  }

  /** Deletes the monitor timers; returns how many. */
  public int retire() {
    int retired = 0;
    int skipped = 0;
    while (true) {
      List<Job> page = management.createJobQuery().activityId(MONITOR_TIMER).listPage(skipped, PAGE);
      if (page.isEmpty()) {
        return retired;
      }
      for (Job job : page) {
        try {
          management.deleteJob(job.getId());
          retired++;
        } catch (ProcessEngineException runningOrGone) {
          // being executed, or deleted by another node; the next start retries what is left
          skipped++;
        }
      }
    }
  }
}
