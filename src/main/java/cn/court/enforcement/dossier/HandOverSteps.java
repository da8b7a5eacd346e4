package cn.court.enforcement.dossier;

import static cn.court.enforcement.dossier.DossierVariables.ACCEPTED;
import static cn.court.enforcement.dossier.DossierVariables.ACCEPT_AS_IS;
import static cn.court.enforcement.dossier.DossierVariables.CHANGE_REQUESTS;
import static cn.court.enforcement.dossier.DossierVariables.CHIEF_DECISION;
import static cn.court.enforcement.dossier.DossierVariables.CORRECT;
import static cn.court.enforcement.dossier.DossierVariables.CORRECTION;
import static cn.court.enforcement.dossier.DossierVariables.DISPUTED;
import static cn.court.enforcement.dossier.DossierVariables.DISPUTE_REASON;
import static cn.court.enforcement.dossier.DossierVariables.HANDOVER_ID;
import static cn.court.enforcement.dossier.DossierVariables.KEY_NODES;
import static cn.court.enforcement.dossier.DossierVariables.MATERIAL;
import static cn.court.enforcement.dossier.DossierVariables.MATERIAL_CHECK;
import static cn.court.enforcement.dossier.DossierVariables.MATERIAL_PAGES;
import static cn.court.enforcement.dossier.DossierVariables.REFUSED;

import cn.court.enforcement.casefile.FormCheck;
import cn.court.enforcement.casefile.InvalidCaseDataException;
import cn.court.enforcement.casefile.TaskCompletionListener;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * What each step of a hand-over (dossier-handover) writes to the register, as the end listener
 * of its task: the team's hand-over or its dispute of the change requests, the centre's check
 * (refused with change requests, or received with its key-node material), the chief's decision.
 * The seed's rule of disputes lives here: the handler may dispute only a refusal, and once the
 * bureau chief has decided that the material must be corrected, the handler corrects it and may
 * not dispute that refusal again (实施方案“由局长决定”).
 */
public final class HandOverSteps {

  private HandOverSteps() {
  }

  private static long handover(DelegateExecution execution) {
    return ((Number) execution.getVariable(HANDOVER_ID)).longValue();
  }

  private static String user(DelegateExecution execution) {
    Authentication current = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return current == null ? null : current.getUserId();
  }

  /** Received (签收): the key nodes ticked when the centre checked the material are registered. */
  static void receive(DossierRegister register, DelegateExecution execution) {
    List<KeyNode> nodes = new FormCheck(execution::getVariable).list(KEY_NODES, "关键节点材料").stream()
        .map(id -> KeyNode.of(id).orElseThrow(() -> new InvalidCaseDataException("未知的关键节点：" + id))).toList();
    register.recordReceipt(handover(execution), user(execution), nodes);
  }

  /**
   * 移交纸质材料 (the team; again after each refusal): the material handed over, or — when the
   * centre refused it — the handler's disagreement with the change requests, for the chief.
   */
  @Component("recordHandOver")
  public static class RecordHandOver extends TaskCompletionListener {

    private final DossierRegister register;

    public RecordHandOver(DossierRegister register) {
      this.register = register;
    }

    @Override
    protected void completed(DelegateExecution execution) {
      long handover = handover(execution);
      if (!DISPUTED.equals(execution.getVariable(CORRECTION))) {
        register.recordHandOver(handover, (String) execution.getVariable(MATERIAL),
            ((Number) execution.getVariable(MATERIAL_PAGES)).intValue(), DossierRegister.today());
      } else if (CORRECT.equals(execution.getVariable(CHIEF_DECISION))) {
        throw new InvalidCaseDataException(taskName(execution)
            + "：局长已决定须按修改意见修改材料，不能再提出异议，请修改后重新移交。");
      } else if (!REFUSED.equals(register.status(handover))) {
        throw new InvalidCaseDataException(taskName(execution) + "：卷宗管理中心尚未提出修改意见，没有可以提出异议的内容。");
      } else {
        register.recordDispute(handover, (String) execution.getVariable(DISPUTE_REASON));
      }
    }
  }

  /** 登记审核移交材料 (the archive centre); a new refusal is the handler's to dispute again. */
  @Component("recordMaterialCheck")
  public static class RecordMaterialCheck extends TaskCompletionListener {

    private final DossierRegister register;

    public RecordMaterialCheck(DossierRegister register) {
      this.register = register;
    }

    @Override
    protected void completed(DelegateExecution execution) {
      if (ACCEPTED.equals(execution.getVariable(MATERIAL_CHECK))) {
        receive(register, execution);
      } else {
        register.recordRefusal(handover(execution), (String) execution.getVariable(CHANGE_REQUESTS));
        execution.removeVariable(CHIEF_DECISION);
      }
    }
  }

  /** 局长决定材料争议: accepted as it is (received now), or to be corrected. */
  @Component("recordChiefDecision")
  public static class RecordChiefDecision extends TaskCompletionListener {

    private final DossierRegister register;

    public RecordChiefDecision(DossierRegister register) {
      this.register = register;
    }

    @Override
    protected void completed(DelegateExecution execution) {
      if (ACCEPT_AS_IS.equals(execution.getVariable(CHIEF_DECISION))) {
        receive(register, execution);
      } else {
        register.recordRefusal(handover(execution), (String) execution.getVariable(CHANGE_REQUESTS));
      }
    }
  }
}
