package cn.court.enforcement.calendar;

import cn.court.enforcement.casefile.CaseVariables;
import cn.court.enforcement.casefile.InvalidCaseDataException;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code time-limit-extension}: the case comes from the business key or
 * the start form's {@code caseNumber}; only a member of the case's handling team may ask, and a
 * request too late or too long is refused before anything is stored. Leaves
 * {@code currentDeadline} for the approvers' forms.
 */
@Component("checkExtensionRequest")
public class CheckExtensionRequest implements ExecutionListener {

  /** Candidate group of Task_HandleQuickCase: quick cases have no {@code handlingTeam} variable. */
  static final String QUICK_TEAM = "quick-team";

  private final CaseClock clock;

  public CheckExtensionRequest(CaseClock clock) {
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String caseNumber = execution.getProcessBusinessKey();
    if (caseNumber == null || caseNumber.isBlank()) {
      Object fromForm = execution.getVariable("caseNumber");
      if (fromForm == null || fromForm.toString().isBlank()) {
        throw new InvalidCaseDataException("请填写要延长执行期限的案号。");
      }
      caseNumber = fromForm.toString().trim();
      execution.setProcessBusinessKey(caseNumber);
    }
    execution.setVariable("caseNumber", caseNumber);
    String number = caseNumber;
    // A team member may not read the case's instance (only supervisors read all instances):
    // the check reads it, and the requester's groups, as the engine itself.
    Context.getCommandContext().runWithoutAuthorization(() -> {
      requireHandlingTeam(execution.getProcessEngineServices(), number, (String) execution.getVariable("requester"));
      return null;
    });
    if (!(execution.getVariable("requestedMonths") instanceof Number months)) {
      throw new InvalidCaseDataException("请填写申请延长的月数（1 至 " + CaseClock.MAX_EXTENSION_MONTHS + "）。");
    }
    execution.setVariable("currentDeadline", clock.checkExtensionRequest(caseNumber, months.intValue()).toString());
  }

  /** The requester (the process initiator) must belong to the team handling the running case. */
  private static void requireHandlingTeam(ProcessEngineServices engine, String caseNumber, String requester) {
    ProcessInstance enforcementCase = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(CaseVariables.PROCESS_KEY).processInstanceBusinessKey(caseNumber).singleResult();
    if (enforcementCase == null) {
      throw new InvalidCaseDataException("案件 " + caseNumber + " 不在办理中，不能申请延长执行期限。");
    }
    String team = handlingTeam(engine, enforcementCase.getId())
        .orElseThrow(() -> new InvalidCaseDataException("案件 " + caseNumber
            + " 尚未确定承办团队，只有承办团队可以申请延长执行期限。"));
    IdentityService identity = engine.getIdentityService();
    if (requester == null || identity.createUserQuery().userId(requester).memberOfGroup(team).count() == 0) {
      String teamName = Optional.ofNullable(identity.createGroupQuery().groupId(team).singleResult())
          .map(Group::getName).orElse(team);
      throw new InvalidCaseDataException("只有案件 " + caseNumber + " 的承办团队（" + teamName + "）可以申请延长执行期限。");
    }
  }

  /** The allocated (or assigned) ordinary team, else the quick team once triage chose the quick track. */
  private static Optional<String> handlingTeam(ProcessEngineServices engine, String instanceId) {
    Object team = engine.getRuntimeService().getVariable(instanceId, CaseVariables.HANDLING_TEAM);
    if (team != null) {
      return Optional.of(team.toString());
    }
    Object track = engine.getRuntimeService().getVariable(instanceId, CaseVariables.CASE_TRACK);
    return CaseVariables.TRACK_QUICK.equals(track) ? Optional.of(QUICK_TEAM) : Optional.empty();
  }
}
