package cn.court.enforcement.disclosure;

import cn.court.enforcement.casefile.CaseFiling;
import cn.court.enforcement.casefile.CaseRegistry;
import cn.court.enforcement.casefile.CaseRegistry.CaseParty;
import cn.court.enforcement.organisation.Organisation;
import cn.court.enforcement.organisation.Organisation.Staff;
import cn.court.enforcement.organisation.Organisation.Unit;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * What an applicant with the right query code learns of their case (执行公开, SPEC §7): the node
 * timeline, the current stage, the handling team with its office phone and the handler's name;
 * of the parties, names only. Nothing else of the case leaves this class: no variables, no
 * form fields, no comments.
 *
 * <p>No user is authenticated on {@code /public} (no authentication filter maps it), so the
 * engine's queries here run without authorization checks: this class decides what is shown.
 */
@Service
public class CaseDisclosure {

  /** Events and automatic steps an applicant cares about, shown beside the user tasks. */
  static final Set<String> KEY_EVENTS = Set.of("StartEvent_CaseFiled", "Task_AllocateTeamAtRandom",
      "EndEvent_CaseClosed", "EndEvent_CaseArchived");
  /** Activities that count as the case's stage while they wait. */
  private static final Set<String> STAGE_TYPES = Set.of("userTask", "callActivity");
  /** The dossier runs beside the case from filing to archiving: it is no stage of it. */
  private static final String ALONGSIDE = "CallActivity_KeepDossier";

  private final QueryCodes codes;
  private final JdbcTemplate jdbc;
  private final CaseRegistry registry;
  private final HistoryService history;
  private final TaskService tasks;
  private final Organisation organisation;

  public CaseDisclosure(QueryCodes codes, JdbcTemplate jdbc, CaseRegistry registry, HistoryService history,
      TaskService tasks, Organisation organisation) {
    this.codes = codes;
    this.jdbc = jdbc;
    this.registry = registry;
    this.history = history;
    this.tasks = tasks;
    this.organisation = organisation;
  }

  /** The case as disclosed; a wrong code and an unknown case number alike give nothing. */
  public Optional<DisclosedCase> disclose(String caseNumber, String queryCode) {
    if (!codes.matches(caseNumber, queryCode)) {
      return Optional.empty();
    }
    return jdbc.query("SELECT process_instance_id, filing_date, handler, handler_team FROM case_file WHERE case_number = ?",
        (rs, row) -> view(caseNumber, rs.getString("process_instance_id"), rs.getDate("filing_date").toLocalDate(),
            rs.getString("handler"), rs.getString("handler_team")), caseNumber).stream().findFirst();
  }

  private DisclosedCase view(String caseNumber, String instanceId, LocalDate filingDate, String handler, String team) {
    List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery()
        .processInstanceId(instanceId).orderByHistoricActivityInstanceStartTime().asc()
        .orderPartiallyByOccurrence().asc().list();
    List<DisclosedCase.Node> timeline = activities.stream()
        .filter(a -> "userTask".equals(a.getActivityType()) || KEY_EVENTS.contains(a.getActivityId()))
        .map(a -> new DisclosedCase.Node(a.getActivityName(), day(a.getStartTime()), day(a.getEndTime())))
        .toList();
    List<CaseParty> parties = registry.parties(caseNumber);
    String teamId = team != null ? team : currentGroup(instanceId);
    Optional<Unit> unit = Optional.ofNullable(teamId).flatMap(organisation::unit);
    return new DisclosedCase(caseNumber, filingDate, names(parties, CaseFiling.APPLICANT),
        names(parties, CaseFiling.RESPONDENT), stage(instanceId, activities),
        unit.map(Unit::name).orElse(null), unit.map(Unit::phone).orElse(null),
        Optional.ofNullable(handler).flatMap(organisation::person).map(Staff::name).orElse(null), timeline);
  }

  /** Names only: an ID number, phone or address of a party never leaves the court. */
  static List<String> names(List<CaseParty> parties, String role) {
    return parties.stream().map(CaseParty::party).filter(p -> role.equals(p.role())).map(CaseFiling.Party::name).toList();
  }

  /** The waiting steps, each with the stage (sub-process) it belongs to; when none wait, how the case ended. */
  private String stage(String instanceId, List<HistoricActivityInstance> activities) {
    Map<String, HistoricActivityInstance> byId = activities.stream()
        .collect(Collectors.toMap(HistoricActivityInstance::getId, Function.identity()));
    String waiting = activities.stream()
        .filter(a -> a.getEndTime() == null && STAGE_TYPES.contains(a.getActivityType()) && !ALONGSIDE.equals(a.getActivityId()))
        .map(a -> {
          HistoricActivityInstance parent = byId.get(a.getParentActivityInstanceId());
          return parent == null ? a.getActivityName() : parent.getActivityName() + "：" + a.getActivityName();
        })
        .distinct().collect(Collectors.joining("；"));
    if (!waiting.isEmpty()) {
      return waiting;
    }
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult();
    if (instance != null && instance.getEndTime() != null) {
      return activities.stream().filter(a -> KEY_EVENTS.contains(a.getActivityId()) && "endEvent".equals(a.getActivityType()))
          .reduce((first, last) -> last).map(HistoricActivityInstance::getActivityName).orElse("已办结");
    }
    return "办理中";
  }

  /** Before a team is allocated, the unit whose task the case waits at is the one to call. */
  private String currentGroup(String instanceId) {
    return tasks.createTaskQuery().processInstanceId(instanceId).orderByTaskCreateTime().asc().list().stream()
        .flatMap(task -> tasks.getIdentityLinksForTask(task.getId()).stream())
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).findFirst().orElse(null);
  }

  private static LocalDate day(Date time) {
    return time == null ? null : LocalDate.ofInstant(time.toInstant(), ZoneId.systemDefault());
  }
}
