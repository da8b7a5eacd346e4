package cn.court.enforcement.disposal;

import static cn.court.enforcement.disposal.DisposalVariables.REFERENCE_METHOD;

import cn.court.enforcement.casefile.FormCheck;
import cn.court.enforcement.casefile.TaskCompletionListener;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * 选择确定参考价方式: 《最高人民法院关于人民法院确定财产处置参考价若干问题的规定》（法释〔2018〕15号）第二条
 * lists 当事人议价、定向询价、网络询价、委托评估, and each later way needs its ground: 定向询价 when 议价
 * 不能或者不成 or both parties ask for it, and only for property with a 计税基准价、政府定价或者政府指导价
 * (第五条); 网络询价 when 定向询价不能或者不成 or the parties ask or agree, and only for property needing no
 * inspection on site (第七条); 委托评估 when the law requires it, the parties ask for it, or 网络询价
 * 不能或不成 (第十四条).
 */
@Component("checkReferenceMethod")
public class CheckReferenceMethod extends TaskCompletionListener {

  static final String NEGOTIATION = "negotiation";
  static final String DIRECTED = "directed-inquiry";
  static final String ONLINE = "online-inquiry";
  static final String APPRAISAL = "appraisal";
  static final String RULE = "《最高人民法院关于人民法院确定财产处置参考价若干问题的规定》";

  /** Each later way: the form field of its ground and the grounds its article allows. */
  private static final Map<String, Ground> GROUNDS = Map.of(
      DIRECTED, new Ground("groundDirected", List.of("negotiation-failed", "parties-request"), "第五条"),
      ONLINE, new Ground("groundOnline", List.of("directed-failed", "parties-request"), "第七条"),
      APPRAISAL, new Ground("groundAppraisal", List.of("required-by-law", "parties-request", "online-failed"), "第十四条"));

  private record Ground(String field, List<String> allowed, String article) {}

  @Override
  protected void completed(DelegateExecution execution) {
    FormCheck form = new FormCheck(execution::getVariable);
    String method = form.oneOf(REFERENCE_METHOD, "确定参考价方式", List.of(NEGOTIATION, DIRECTED, ONLINE, APPRAISAL));
    Ground ground = method == null ? null : GROUNDS.get(method);
    if (ground != null) {
      String given = form.optionalText(ground.field());
      form.require(ground.allowed().contains(given), "选择该方式应说明依据（" + RULE + ground.article() + "：前一方式不能或者不成，"
          + "或者当事人一致要求等）");
    }
    if (DIRECTED.equals(method)) {
      form.require(form.flag("hasOfficialPrice"), "定向询价仅适用于有计税基准价、政府定价或者政府指导价的财产（" + RULE + "第五条）");
    }
    if (ONLINE.equals(method)) {
      form.require(form.flag("onlineInquiryPossible"), "网络询价仅适用于无需由专业人员现场勘验或者鉴定、且具备网络询价条件的财产（" + RULE + "第七条）");
    }
    form.throwIfInvalid(taskName(execution));
  }
}
