package cn.court.enforcement.casepage;

import cn.court.enforcement.casefile.CaseVariables;
import cn.court.enforcement.casefile.FilingValidator;
import cn.court.enforcement.circulation.CirculationRegister;
import cn.court.enforcement.security.ApiRefusal;
import cn.court.enforcement.security.CurrentStaff;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The one rule for who sees a case outside Tasklist (the case page, its dossier, its circulation
 * register): the people who see its tasks. A case is every process instance whose business key is
 * its number — the case itself and everything beside it (dossier, disposal, money, clues,
 * termination, extensions …). The caller sees the case when they read one of these instances: the
 * candidates and assignees of its tasks ({@code tasklist/CaseReadAccess}'s grants) and supervisors
 * (READ on every instance). The engine deletes an instance's grants when it ends and the history
 * keeps no candidate links (history level {@code court}), so for an instance that has ended the
 * circulation register answers the same question: a unit that received one of its tasks, or the
 * person who took it. An unknown case is 404, a case not the caller's 403.
 */
@Component
public class CaseAccess {

  /** A case the caller may see, with all its instances (the main process first, then by start). */
  public record ReadableCase(String caseNumber, List<HistoricProcessInstance> instances) {}

  private final CurrentStaff currentStaff;
  private final ProcessEngine engine;
  private final CirculationRegister circulation;

  public CaseAccess(CurrentStaff currentStaff, ProcessEngine engine, CirculationRegister circulation) {
    this.currentStaff = currentStaff;
    this.engine = engine;
    this.circulation = circulation;
  }

  /** The case for the current user, or 404 / 403 with {@code refusal} (the view's own Chinese words). */
  public ReadableCase readable(String caseNumber, String refusal) {
    Authentication staff = currentStaff.required();
    String number = FilingValidator.requestedCaseNumber(caseNumber);
    List<HistoricProcessInstance> instances = withoutAuthorization(() -> engine.getHistoryService()
        .createHistoricProcessInstanceQuery().processInstanceBusinessKey(number).list()).stream()
        .sorted(Comparator.comparing((HistoricProcessInstance i) -> !CaseVariables.PROCESS_KEY.equals(i.getProcessDefinitionKey()))
            .thenComparing(HistoricProcessInstance::getStartTime).thenComparing(HistoricProcessInstance::getId))
        .toList();
    if (instances.isEmpty()) {
      throw new ApiRefusal(HttpStatus.NOT_FOUND, "案件 " + number + " 不存在。");
    }
    if (!readsAnInstance(staff, instances) && !receivedATask(staff, number)) {
      throw new ApiRefusal(HttpStatus.FORBIDDEN, refusal);
    }
    return new ReadableCase(number, instances);
  }

  private boolean readsAnInstance(Authentication staff, List<HistoricProcessInstance> instances) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    return instances.stream().anyMatch(instance -> authorizations.isUserAuthorized(staff.getUserId(),
        staff.getGroupIds(), Permissions.READ, Resources.PROCESS_INSTANCE, instance.getId()));
  }

  /** Decides only for ended instances: while an instance runs, whoever received its tasks holds a grant on it. */
  private boolean receivedATask(Authentication staff, String caseNumber) {
    List<String> groups = staff.getGroupIds() == null ? List.of() : staff.getGroupIds();
    return circulation.ofCase(caseNumber).stream()
        .anyMatch(entry -> groups.contains(entry.toUnit()) || staff.getUserId().equals(entry.toPerson()));
  }

  /**
   * A look-up without the engine's authorization checks: for the check itself, and for the views of
   * a case this rule let the caller see (its history, its other units' tasks).
   */
  public <T> T withoutAuthorization(Supplier<T> lookup) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> context.runWithoutAuthorization(lookup::get));
  }
}
