package cn.court.enforcement.dossier;

import cn.court.enforcement.casefile.CaseVariables;
import cn.court.enforcement.security.ApiRefusal;
import cn.court.enforcement.security.CurrentStaff;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case's dossier as the archive centre keeps it: the electronic catalogue and the key nodes
 * (material expected because the case reached the node, and material registered). Readable by
 * whoever reads the case — the staff of its tasks (case, dossier and hand-overs: the grants of
 * {@code tasklist/CaseReadAccess}) and supervisors (who read every instance); anyone else 403.
 * {@code curl -u liyangyang:*** 'http://localhost:8080/api/dossier/catalogue?caseNumber=…'}.
 */
@RestController
@RequestMapping("/api/dossier")
public class DossierController {

  /** The instances whose readers read the dossier. */
  static final List<String> CASE_PROCESSES = List.of(CaseVariables.PROCESS_KEY, DossierVariables.DOSSIER_PROCESS,
      DossierVariables.HANDOVER_PROCESS, DossierVariables.LENDING_PROCESS);

  private final CurrentStaff currentStaff;
  private final ProcessEngine engine;
  private final DossierRegister register;
  private final KeyNodes keyNodes;

  public DossierController(CurrentStaff currentStaff, ProcessEngine engine, DossierRegister register, KeyNodes keyNodes) {
    this.currentStaff = currentStaff;
    this.engine = engine;
    this.register = register;
    this.keyNodes = keyNodes;
  }

  @GetMapping("/catalogue")
  public List<CatalogueEntry> catalogue(@RequestParam String caseNumber) {
    return register.catalogueOf(readable(caseNumber));
  }

  /** Every key node: reached or not, how many hand-overs registered its material, missing when reached without. */
  @GetMapping("/key-nodes")
  public List<KeyNodes.KeyNodeView> keyNodes(@RequestParam String caseNumber) {
    String number = readable(caseNumber);
    return withoutAuthorization(() -> keyNodes.of(number));
  }

  private String readable(String caseNumber) {
    Authentication staff = currentStaff.required();
    String number = caseNumber.strip();
    List<HistoricProcessInstance> instances = withoutAuthorization(() -> engine.getHistoryService()
        .createHistoricProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKeyIn(CASE_PROCESSES.toArray(String[]::new)).list());
    if (instances.isEmpty()) {
      throw new ApiRefusal(HttpStatus.NOT_FOUND, "案件 " + number + " 不存在。");
    }
    AuthorizationService authorizations = engine.getAuthorizationService();
    boolean reads = instances.stream().anyMatch(instance -> authorizations.isUserAuthorized(staff.getUserId(),
        staff.getGroupIds(), Permissions.READ, Resources.PROCESS_INSTANCE, instance.getId()));
    if (!reads) {
      throw new ApiRefusal(HttpStatus.FORBIDDEN, "只有本案的办案人员、卷宗管理中心和监督部门可以查看案件 " + number + " 的卷宗。");
    }
    return number;
  }

  /** The case's instances and history are looked up for the check itself, whatever the caller reads. */
  private <T> T withoutAuthorization(Supplier<T> lookup) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> context.runWithoutAuthorization(lookup::get));
  }
}
