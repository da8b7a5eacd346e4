package cn.court.enforcement.disposal;

import static cn.court.enforcement.disposal.DisposalProperties.APPRAISERS_CHOSEN;

import cn.court.enforcement.casefile.FormCheck;
import cn.court.enforcement.casefile.TaskCompletionListener;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * 遴选评估机构: 《最高人民法院关于人民法院确定财产处置参考价若干问题的规定》第十六条 — the parties agree on three
 * institutions and their order, or, when they do not agree in time (or one cannot be found), three are
 * drawn at random, in order, from the court's list ({@code court.disposal.appraisers}). Every choice is
 * kept in {@code asset_disposal_appraiser_draw}: the candidates, the seed (a draw can be replayed from it)
 * and the order; the first institution is entrusted.
 */
@Component("selectAppraisers")
public class SelectAppraisers extends TaskCompletionListener {

  static final String AGREEMENT = "agreement";
  static final String RANDOM = "random";

  private final DisposalProperties properties;
  private final DisposalRegistry registry;
  private final Random seeds = new SecureRandom();

  public SelectAppraisers(DisposalProperties properties, DisposalRegistry registry) {
    this.properties = properties;
    this.registry = registry;
  }

  /** The institutions in the order a draw of {@code seed} gives them. */
  static List<String> draw(List<String> candidates, long seed) {
    List<String> order = new ArrayList<>(candidates);
    Collections.shuffle(order, new Random(seed));
    return List.copyOf(order.subList(0, APPRAISERS_CHOSEN));
  }

  @Override
  protected void completed(DelegateExecution execution) {
    FormCheck form = new FormCheck(execution::getVariable);
    String mode = form.oneOf("appraiserSelection", "遴选方式", List.of(AGREEMENT, RANDOM));
    List<String> chosen = List.of();
    Long seed = null;
    List<String> candidates = properties.appraisers();
    if (AGREEMENT.equals(mode)) {
      String agreed = form.text("agreedAppraisers", "当事人协商确定的评估机构");
      chosen = agreed == null ? List.of()
          : Arrays.stream(agreed.split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).toList();
      form.require(agreed == null || chosen.size() == APPRAISERS_CHOSEN, "当事人应协商确定三家评估机构及其顺序（每行一家），"
          + CheckReferenceMethod.RULE + "第十六条");
      candidates = chosen;
    }
    form.throwIfInvalid(taskName(execution));
    if (RANDOM.equals(mode)) {
      seed = seeds.nextLong();
      chosen = draw(candidates, seed);
    }
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    registry.recordDraw(execution.getProcessInstanceId(), execution.getProcessBusinessKey(), mode, candidates, seed,
        chosen, user == null ? null : user.getUserId());
    execution.setVariable("appraisers", String.join("；", chosen));
    execution.setVariable("appraiser", chosen.get(0));
  }
}
