package cn.court.enforcement.dossier;

import static cn.court.enforcement.dossier.DossierVariables.BUREAU_LEADERS;

import cn.court.enforcement.organisation.Leaders;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A dispute over material the archive centre refused is decided by the bureau chief (局长, the
 * leader of {@code bureau-leaders}; 实施方案“承办人不同意卷宗管理中心修改意见的，由局长决定”): the
 * task goes to him. The deputy chief heads the archive centre, whose refusal is disputed.
 */
@Component("bureauChief")
public class BureauChief implements TaskListener {

  private final Leaders leaders;

  public BureauChief(Leaders leaders) {
    this.leaders = leaders;
  }

  @Override
  public void notify(DelegateTask task) {
    leaders.leaderOf(BUREAU_LEADERS).ifPresent(task::setAssignee);
  }
}
