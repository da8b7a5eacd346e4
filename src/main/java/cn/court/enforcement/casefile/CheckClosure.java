package cn.court.enforcement.casefile;

import static cn.court.enforcement.casefile.CaseVariables.CLOSURE_KIND;
import static cn.court.enforcement.casefile.CaseVariables.CLOSURE_REASON;
import static cn.court.enforcement.casefile.CaseVariables.NEXT_MEASURE;
import static cn.court.enforcement.casefile.CaseVariables.QUICK_OUTCOME;

import cn.court.enforcement.clues.UnverifiedClues;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Preconditions of a closure proposal (SPEC §2 step 11), checked when the quick team or the
 * handling team completes its task with "close": a refusal keeps the task open with the reason.
 * 终本 also needs every property clue verified ({@link UnverifiedClues}). Money still unpaid and
 * assets still being disposed of are other features' {@link ClosureCondition}s (case-funds'
 * ledger, asset-disposal's register), asked last.
 */
@Component("checkClosure")
public class CheckClosure extends TaskCompletionListener {

  public static final Map<String, String> KINDS = Map.of(
      "fully-performed", "执行完毕",
      "terminated", "终结执行",
      "procedure-terminated", "终结本次执行程序",
      "refused", "不予执行/驳回申请",
      "withdrawn", "销案",
      "settlement-performed", "和解履行完毕");
  static final Set<String> NEED_REASON = Set.of("terminated", "procedure-terminated", "refused", "withdrawn");
  static final String TEAM_HUB = "Task_ChooseNextMeasure";

  private final CaseRegistry registry;
  private final UnverifiedClues clues;
  private final List<ClosureCondition> conditions;

  public CheckClosure(CaseRegistry registry, UnverifiedClues clues, List<ClosureCondition> conditions) {
    this.registry = registry;
    this.clues = clues;
    this.conditions = conditions;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    String caseNumber = execution.getProcessBusinessKey();
    boolean team = TEAM_HUB.equals(execution.getCurrentActivityId());
    Object choice = execution.getVariable(team ? NEXT_MEASURE : QUICK_OUTCOME);
    if (!(team ? "propose-closure" : "close").equals(choice)) {
      return;
    }
    FormCheck check = new FormCheck(execution::getVariable);
    String kind = check.oneOf(CLOSURE_KIND, "结案方式", KINDS.keySet());
    if (kind != null && NEED_REASON.contains(kind)) {
      check.text(CLOSURE_REASON, "结案理由");
    }
    // 终本 needs at least three months of investigation: a quick case goes to a team first.
    check.require(team || !"procedure-terminated".equals(kind), "快执案件不能以终结本次执行程序结案，请转为普通案件");
    if (team) {
      check.require(registry.countMeasures(caseNumber, RecordMeasure.INTERVIEW_PREFIX + "applicant") > 0,
          "尚无对申请执行人的谈话笔录，普通案件不能结案");
      check.require(registry.countMeasures(caseNumber, RecordMeasure.INTERVIEW_PREFIX + "respondent") > 0,
          "尚无对被执行人的谈话笔录，普通案件不能结案");
    }
    // Other closures end the open verifications with the case (clues/CloseClueWithCase).
    if ("procedure-terminated".equals(kind)) {
      clues.againstTermination(caseNumber).ifPresent(problem -> check.require(false, problem));
    }
    conditions.forEach(condition -> condition.refusal(caseNumber, kind).ifPresent(problem -> check.require(false, problem)));
    check.throwIfInvalid("不能结案");
  }
}
