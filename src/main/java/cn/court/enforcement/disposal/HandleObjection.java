package cn.court.enforcement.disposal;

import cn.court.enforcement.casefile.FormCheck;
import cn.court.enforcement.casefile.TaskCompletionListener;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * 处理参考价异议: an objection lodged within the period (《最高人民法院关于人民法院确定财产处置参考价若干问题的规定》
 * 第二十二条) is upheld — the reference price is determined again — or rejected with reasons.
 */
@Component("handleObjection")
public class HandleObjection extends TaskCompletionListener {

  @Override
  protected void completed(DelegateExecution execution) {
    FormCheck form = new FormCheck(execution::getVariable);
    form.text("objectionBy", "异议人", 255);
    form.date("objectionReceivedOn", "收到异议日期");
    String decision = form.oneOf("objectionDecision", "异议处理结果", List.of("upheld", "rejected"));
    form.text("objectionReason", "处理理由");
    form.throwIfInvalid(taskName(execution));
    boolean upheld = "upheld".equals(decision);
    execution.setVariable("objectionUpheld", upheld);
    if (upheld) {
      // The price is determined again: its form starts empty (the case's table keeps the old one until then).
      execution.removeVariable(DisposalVariables.REFERENCE_PRICE);
    }
  }
}
