package cn.court.enforcement.disclosure;

import cn.court.enforcement.casefile.CaseFlow;
import cn.court.enforcement.casefile.CaseVariables;
import cn.court.enforcement.support.FormCases;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;

/** The disclosure tests' case: filed as the filing division files it (which issues its code), intake's first check done. */
final class FiledCase {

  private FiledCase() {}

  static String file(RuntimeService runtime, TaskService tasks) {
    String caseNumber = FormCases.newCaseNumber();
    String instance = runtime.startProcessInstanceByKey(CaseVariables.PROCESS_KEY, CaseFlow.filing(caseNumber)).getId();
    tasks.complete(tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_VerifyFilingData")
        .singleResult().getId(), Map.of("filingCheck", "correct"));
    return caseNumber;
  }
}
