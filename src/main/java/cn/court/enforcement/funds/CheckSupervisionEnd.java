package cn.court.enforcement.funds;

import static cn.court.enforcement.funds.FundsVariables.PAYOUT_DONE;

import cn.court.enforcement.casefile.InvalidCaseDataException;
import cn.court.enforcement.casefile.TaskCompletionListener;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * 监督案款发放: the funds unit (案款管理) supervises every node of the run from the arrival to the
 * payment (seed: 案款管理 节点监督; 《最高人民法院关于执行款物管理工作的规定》（法发〔2017〕6号）第三条, the
 * enforcement body's own ledger of every case's money) and ends its supervision only once the
 * arrival is paid out; before that it is refused, naming the node the money waits at.
 */
@Component("checkSupervisionEnd")
public class CheckSupervisionEnd extends TaskCompletionListener {

  @Override
  protected void completed(DelegateExecution execution) {
    if (Boolean.TRUE.equals(execution.getVariable(PAYOUT_DONE))) {
      return;
    }
    // The supervisor may not see the other units' tasks of the run.
    String waiting = Context.getCommandContext().runWithoutAuthorization(() -> execution.getProcessEngineServices()
        .getTaskService().createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()).stream()
        .filter(task -> !execution.getCurrentActivityId().equals(task.getTaskDefinitionKey()))
        .map(Task::getName).collect(Collectors.joining("、"));
    throw new InvalidCaseDataException(taskName(execution) + "：本次到账案款尚未发放完毕（当前环节：" + waiting
        + "），发放完毕后方可结束监督");
  }
}
