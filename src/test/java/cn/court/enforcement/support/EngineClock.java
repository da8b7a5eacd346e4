package cn.court.enforcement.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/** The engine clock in the court's time zone, moved by the test, and the timers it fires. */
public final class EngineClock {

  public static final ZoneId COURT = ZoneId.of("Asia/Shanghai");

  private EngineClock() {
  }

  public static void at(LocalDateTime time) {
    ClockUtil.setCurrentTime(date(time));
  }

  public static Date date(LocalDateTime time) {
    return Date.from(time.atZone(COURT).toInstant());
  }

  /** The one timer of the process instance is due at {@code due}; the clock moves there and it fires. */
  public static void timerFiresAt(ProcessEngine engine, String processInstanceId, LocalDateTime due) {
    ManagementService management = engine.getManagementService();
    Job timer = management.createJobQuery().processInstanceId(processInstanceId).timers().singleResult();
    assertThat(timer).as("a timer; active: %s", engine.getRuntimeService().getActiveActivityIds(processInstanceId))
        .isNotNull();
    assertThat(timer.getDuedate()).isEqualTo(date(due));
    at(due);
    management.executeJob(timer.getId());
  }
}
