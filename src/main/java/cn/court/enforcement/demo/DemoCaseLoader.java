package cn.court.enforcement.demo;

import cn.court.enforcement.allocation.AllocationProperties;
import cn.court.enforcement.casefile.CaseRegistry;
import cn.court.enforcement.demo.DemoCases.DemoCase;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Files the demo cases at start-up in profile {@code demo-cases} and walks each to its stage as
 * the right people would. Idempotent: a demo case number already filed is left alone, so a
 * second run adds nothing. Refuses the production profile unless explicitly allowed.
 */
@Component
@Profile(DemoCaseLoader.PROFILE)
@EnableConfigurationProperties(DemoCaseProperties.class)
public class DemoCaseLoader implements ApplicationRunner {

  public static final String PROFILE = "demo-cases";
  static final String PRODUCTION_PROFILE = "postgres";
  static final String DEMO_CASE_PATTERN = "（2026）" + DemoFilings.COURT_CODE + "执9%号";

  private static final Logger LOG = LoggerFactory.getLogger(DemoCaseLoader.class);

  private final CaseWalker walker;
  private final CaseRegistry registry;
  private final TaskService tasks;
  private final Environment environment;
  private final DemoCaseProperties properties;
  private final List<String> ordinaryTeams;

  public DemoCaseLoader(CaseWalker walker, CaseRegistry registry, TaskService tasks, Environment environment,
      DemoCaseProperties properties, AllocationProperties allocation) {
    this.walker = walker;
    this.registry = registry;
    this.tasks = tasks;
    this.environment = environment;
    this.properties = properties;
    this.ordinaryTeams = allocation.pool();
  }

  @Override
  public void run(ApplicationArguments args) {
    int added = load(LocalDate.now());
    LOG.info("演示案件：本次新增 {} 件；各组待办（演示案件）：{}", added, openTasksByGroup());
  }

  /** Files the missing demo cases; returns how many were filed. */
  public int load(LocalDate today) {
    refuseInProduction();
    int added = 0;
    for (DemoCase demoCase : DemoCases.all(today)) {
      added += fileAndWalk(demoCase, today);
    }
    // Allocation is random: each team still without work gets one more case, drawn among those teams.
    int serial = DemoFilings.FIRST_SERIAL + DemoCases.all(today).size();
    for (int extra = 0; added > 0 && extra < ordinaryTeams.size(); extra++) {
      List<String> withWork = teamsWithWork();
      if (withWork.size() == ordinaryTeams.size()) {
        break;
      }
      added += fileAndWalk(DemoCases.extraTeamCase(serial++, today, withWork), today);
    }
    return added;
  }

  private void refuseInProduction() {
    if (environment.acceptsProfiles(Profiles.of(PRODUCTION_PROFILE)) && !properties.allowInProduction()) {
      throw new DemoCasesRefusedException("拒绝生成演示案件：当前为生产配置（postgres），演示案件会混入真实案件。"
          + "如确需在该数据库中生成，请设置 court.demo.cases.allow-in-production=true。");
    }
  }

  private int fileAndWalk(DemoCase demoCase, LocalDate today) {
    String caseNumber = demoCase.caseNumber();
    if (registry.exists(caseNumber)) {
      return 0;
    }
    walker.file(demoCase.filing(), demoCase.serial());
    walker.walk(caseNumber, demoCase.steps(today), demoCase.serial());
    return 1;
  }

  private List<String> teamsWithWork() {
    return ordinaryTeams.stream().filter(team -> openDemoTasks(team) > 0).toList();
  }

  /** Open tasks of demo cases per candidate group, for the log and the tests. */
  public Map<String, Long> openTasksByGroup() {
    Map<String, Long> counts = new LinkedHashMap<>();
    tasks.createTaskQuery().processInstanceBusinessKeyLike(DEMO_CASE_PATTERN).list().forEach(task ->
        tasks.getIdentityLinksForTask(task.getId()).stream()
            .filter(link -> link.getGroupId() != null)
            .forEach(link -> counts.merge(link.getGroupId(), 1L, Long::sum)));
    return counts;
  }

  /** Assigned tasks count too: a team's tasks go straight to the case's handler. */
  private long openDemoTasks(String group) {
    return tasks.createTaskQuery().processInstanceBusinessKeyLike(DEMO_CASE_PATTERN).taskCandidateGroup(group)
        .includeAssignedTasks().count();
  }
}
