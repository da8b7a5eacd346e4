package cn.court.enforcement.calendar;

import cn.court.enforcement.casefile.CaseTeam;
import cn.court.enforcement.casefile.CaseVariables;
import cn.court.enforcement.casefile.InvalidCaseDataException;
import cn.court.enforcement.organisation.Organisation;
import cn.court.enforcement.organisation.Organisation.Unit;
import java.time.LocalDate;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code time-limit-extension}: the case comes from the business key or the
 * start form's {@code caseNumber}; only a member of the case's handling team, or of a
 * supervising unit, may ask, only while the case is open, and a request too late or too long is
 * refused before anything is stored. Leaves {@code currentDeadline}, {@code extendedMonths} and
 * {@code furtherExtension} for the president's form: the president extends a case once
 * (《最高人民法院关于严格执行案件审理期限制度的若干规定》第五条), so a case already extended asks for a
 * further extension, which is reported to the higher court.
 */
@Component("checkExtensionRequest")
public class CheckExtensionRequest implements ExecutionListener {

  public static final String FURTHER_EXTENSION = "furtherExtension";

  private final CaseClock clock;
  private final Deadlines deadlines;
  private final Organisation organisation;

  public CheckExtensionRequest(CaseClock clock, Deadlines deadlines, Organisation organisation) {
    this.clock = clock;
    this.deadlines = deadlines;
    this.organisation = organisation;
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
      requireMayAsk(execution.getProcessEngineServices(), number, (String) execution.getVariable("requester"));
      return null;
    });
    if (!(execution.getVariable("requestedMonths") instanceof Number months)
        || months.doubleValue() < 1 || months.doubleValue() > CaseClock.MAX_EXTENSION_MONTHS) {
      throw new InvalidCaseDataException("请填写申请延长的月数（1 至 " + CaseClock.MAX_EXTENSION_MONTHS + "）。");
    }
    CaseTerm term = clock.term(caseNumber);
    LocalDate deadline = term.deadline(deadlines.calendar(), deadlines.today());
    LocalDate lastRequestDay = deadline.minusDays(CaseClock.EXTENSION_NOTICE_DAYS);
    if (deadlines.today().isAfter(lastRequestDay)) {
      throw new InvalidCaseDataException("案件 " + caseNumber + " 的执行期限于 " + deadline + " 届满，延长期限申请应在届满 "
          + CaseClock.EXTENSION_NOTICE_DAYS + " 日前（最迟 " + lastRequestDay + "）提出，现已逾期，不能申请。");
    }
    execution.setVariable("currentDeadline", deadline.toString());
    execution.setVariable("extendedMonths", term.extensionMonths());
    execution.setVariable(FURTHER_EXTENSION, term.extended());
  }

  /**
   * The requester (the process initiator) must belong to the team handling the case, or to a
   * supervising unit; the case must be running and not yet closed.
   */
  private void requireMayAsk(ProcessEngineServices engine, String caseNumber, String requester) {
    ProcessInstance enforcementCase = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(CaseVariables.PROCESS_KEY).processInstanceBusinessKey(caseNumber).singleResult();
    if (enforcementCase == null) {
      throw new InvalidCaseDataException("案件 " + caseNumber + " 不在办理中，不能申请延长执行期限。");
    }
    if (Boolean.TRUE.equals(engine.getRuntimeService().getVariable(enforcementCase.getId(), CaseVariables.CASE_CLOSED))) {
      throw new InvalidCaseDataException("案件 " + caseNumber + " 已结案，不能申请延长执行期限。");
    }
    IdentityService identity = engine.getIdentityService();
    boolean supervisor = requester != null && organisation.units().stream().filter(Unit::supervisor)
        .anyMatch(unit -> isMember(identity, requester, unit.id()));
    if (supervisor) {
      return;
    }
    RuntimeService runtime = engine.getRuntimeService();
    String team = Optional.ofNullable(CaseTeam.of(name -> runtime.getVariable(enforcementCase.getId(), name)).team())
        .orElseThrow(() -> new InvalidCaseDataException("案件 " + caseNumber
            + " 尚未确定承办团队，只有承办团队可以申请延长执行期限。"));
    if (requester == null || !isMember(identity, requester, team)) {
      String teamName = Optional.ofNullable(identity.createGroupQuery().groupId(team).singleResult())
          .map(Group::getName).orElse(team);
      throw new InvalidCaseDataException("只有案件 " + caseNumber + " 的承办团队（" + teamName + "）可以申请延长执行期限。");
    }
  }

  private static boolean isMember(IdentityService identity, String user, String group) {
    return identity.createUserQuery().userId(user).memberOfGroup(group).count() > 0;
  }
}
