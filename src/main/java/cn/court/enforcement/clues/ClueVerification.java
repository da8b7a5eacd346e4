package cn.court.enforcement.clues;

import static cn.court.enforcement.clues.ClueVariables.CLUE_CHANNEL;
import static cn.court.enforcement.clues.ClueVariables.CLUE_DESCRIPTION;
import static cn.court.enforcement.clues.ClueVariables.CLUE_HANDLER;
import static cn.court.enforcement.clues.ClueVariables.CLUE_SOURCE;
import static cn.court.enforcement.clues.ClueVariables.CLUE_TEAM;

import cn.court.enforcement.casefile.CaseFiling;
import cn.court.enforcement.casefile.CaseTeam;
import cn.court.enforcement.casefile.CaseVariables;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The case's side of its clues (hooked to its forms by {@link CaseClueSources}): each clue the
 * filing form or an interview with a respondent brings, one per line, starts its own
 * verification beside the case; once the case's handler is named, the open verifications go to
 * the handler.
 */
@Component
public class ClueVerification {

  /** Field of the interview form (team-interview): property the respondent reports, one item per line. */
  static final String REPORTED_PROPERTY = "reportedProperty";

  private final ClueRegistry registry;

  public ClueVerification(ClueRegistry registry) {
    this.registry = registry;
  }

  /**
   * The filing form's clues (filing, and each correction): a line not given at filing before
   * becomes a clue. A line the correction removes stays a clue: once given, it is verified (an
   * item filed by mistake is recorded as 无法核查 with the reason).
   */
  void fromFiling(DelegateExecution caseExecution) {
    give(caseExecution, Clue.APPLICANT, Clue.FILING, caseExecution.getVariable(CaseVariables.PROPERTY_CLUES));
  }

  /** An interview with a respondent: each item of property reported; the field is emptied for the next interview. */
  void fromInterview(DelegateExecution caseExecution) {
    if (CaseFiling.RESPONDENT.equals(caseExecution.getVariable("interviewParty"))) {
      give(caseExecution, Clue.RESPONDENT_REPORT, Clue.INTERVIEW, caseExecution.getVariable(REPORTED_PROPERTY));
    }
    caseExecution.removeVariable(REPORTED_PROPERTY);
  }

  /** The handler was named: every open verification not yet the team's, or not yet taken, becomes the handler's. */
  void handOver(DelegateExecution caseExecution) {
    CaseTeam team = CaseTeam.of(caseExecution::getVariable);
    if (team.team() == null) {
      return;
    }
    TaskService tasks = caseExecution.getProcessEngineServices().getTaskService();
    // The leader naming the handler may not reassign tasks: the engine does it for them.
    Context.getCommandContext().runWithoutAuthorization(() -> {
      for (Task task : tasks.createTaskQuery().processDefinitionKey(ClueVariables.PROCESS_KEY)
          .processInstanceBusinessKey(caseExecution.getProcessBusinessKey()).list()) {
        List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
            .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
            .map(IdentityLink::getGroupId).toList();
        if (groups.equals(List.of(team.team())) && task.getAssignee() != null) {
          continue;
        }
        groups.stream().filter(group -> !group.equals(team.team())).forEach(group -> tasks.deleteCandidateGroup(task.getId(), group));
        if (!groups.contains(team.team())) {
          tasks.addCandidateGroup(task.getId(), team.team());
        }
        tasks.setAssignee(task.getId(), team.handler());
      }
      return null;
    });
  }

  /** Starts a verification for each line of {@code text} that this channel has not given before. */
  private void give(DelegateExecution caseExecution, String source, String channel, Object text) {
    String caseNumber = caseExecution.getProcessBusinessKey();
    Set<String> given = registry.ofCase(caseNumber).stream().filter(clue -> clue.channel().equals(channel))
        .map(Clue::description).collect(Collectors.toSet());
    CaseTeam team = CaseTeam.of(caseExecution::getVariable);
    for (String line : lines(text)) {
      if (!given.add(line)) {
        continue;
      }
      Map<String, Object> variables = new HashMap<>();
      variables.put(CaseVariables.CASE_NUMBER, caseNumber);
      variables.put(CLUE_SOURCE, source);
      variables.put(CLUE_CHANNEL, channel);
      variables.put(CLUE_DESCRIPTION, line);
      variables.put(CLUE_TEAM, team.verifiers());
      variables.put(CLUE_HANDLER, team.handler());
      // The clerk filing the case may not start verifications in Tasklist: the case starts them.
      Context.getCommandContext().runWithoutAuthorization(() -> caseExecution.getProcessEngineServices().getRuntimeService()
          .createProcessInstanceByKey(ClueVariables.PROCESS_KEY).businessKey(caseNumber).setVariables(variables).execute());
    }
  }

  /** One clue per non-empty line, trimmed. */
  static List<String> lines(Object text) {
    return text == null ? List.of()
        : Arrays.stream(text.toString().split("\\R")).map(String::trim).filter(line -> !line.isEmpty()).toList();
  }
}
