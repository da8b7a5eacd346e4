package cn.court.enforcement.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.function.ToLongFunction;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The engine's work in figures, as Prometheus gauges: open and overdue tasks, running instances, jobs waiting to run,
 * jobs out of retries, open incidents. Six count queries, run at a scrape at most every {@link #FRESH} (the rest of
 * the scrapes read the last figures), and counted over the whole engine, whoever scrapes.
 */
@Component
public class EngineFigures implements MeterBinder {

  static final Duration FRESH = Duration.ofSeconds(30);

  record Figures(long taken, long openTasks, long overdueTasks, long instances, long jobsDue, long jobsFailed,
      long incidents) {}

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final IdentityService identity;
  private Figures last;

  public EngineFigures(TaskService tasks, RuntimeService runtime, ManagementService management, IdentityService identity) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.management = management;
    this.identity = identity;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    gauge(registry, "court.tasks.open", "Open user tasks", Figures::openTasks);
    gauge(registry, "court.tasks.overdue", "Open user tasks past their due date", Figures::overdueTasks);
    gauge(registry, "court.process.instances", "Running process instances", Figures::instances);
    gauge(registry, "court.jobs.due", "Jobs due now, waiting for or running in the job executor", Figures::jobsDue);
    gauge(registry, "court.jobs.failed", "Jobs with no retries left (each has an incident)", Figures::jobsFailed);
    gauge(registry, "court.incidents.open", "Open incidents", Figures::incidents);
  }

  private void gauge(MeterRegistry registry, String name, String description, ToLongFunction<Figures> figure) {
    Gauge.builder(name, this, f -> figure.applyAsLong(f.figures())).description(description).register(registry);
  }

  synchronized Figures figures() {
    long now = System.nanoTime();
    if (last == null || now - last.taken() > FRESH.toNanos()) {
      last = count(now);
    }
    return last;
  }

  /** Counted without the scraper's authorizations, which would narrow every query to what that user may see. */
  private Figures count(long now) {
    Authentication scraper = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return new Figures(now,
          tasks.createTaskQuery().count(),
          tasks.createTaskQuery().dueBefore(ClockUtil.getCurrentTime()).count(),
          runtime.createProcessInstanceQuery().count(),
          management.createJobQuery().executable().count(),
          management.createJobQuery().noRetriesLeft().count(),
          runtime.createIncidentQuery().count());
    } finally {
      if (scraper != null) {
        identity.setAuthentication(scraper);
      }
    }
  }
}
