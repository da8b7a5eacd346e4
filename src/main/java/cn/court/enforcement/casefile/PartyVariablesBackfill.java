package cn.court.enforcement.casefile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Cases running since before V5 (one applicant and one respondent as form fields) get the party
 * variables once at start-up: without respondentOptions their respondent pickers would have no
 * option and the task could not be completed.
 */
@Component
public class PartyVariablesBackfill implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(PartyVariablesBackfill.class);

  private final RuntimeService runtime;
  private final CaseRegistry registry;

  public PartyVariablesBackfill(RuntimeService runtime, CaseRegistry registry) {
    this.runtime = runtime;
    this.registry = registry;
  }

  @Override
  public void run(ApplicationArguments args) {
    // Which running cases have the variable: one query of the variable rows (no values), not a command per case.
    Set<String> filledBefore = runtime.createVariableInstanceQuery().variableName(PartyVariables.RESPONDENT_OPTIONS)
        .disableBinaryFetching().disableCustomObjectDeserialization().list().stream()
        .map(VariableInstance::getProcessInstanceId).collect(Collectors.toSet());
    int filled = 0;
    for (ProcessInstance instance : runtime.createProcessInstanceQuery()
        .processDefinitionKey(CaseVariables.PROCESS_KEY).active().list()) {
      if (filledBefore.contains(instance.getId())) {
        continue;
      }
      List<CaseRegistry.CaseParty> parties = registry.parties(instance.getBusinessKey());
      try {
        if (!parties.isEmpty()) {
          Map<String, Object> variables = new HashMap<>(PartyVariables.formData(parties));
          variables.putAll(PartyVariables.of(parties));
          runtime.setVariables(instance.getId(), variables);
          filled++;
        }
      } catch (NullValueException ended) {
        // Closed meanwhile by another node (ClusterKillTest restarts one under load): nothing to fill.
      }
    }
    if (filled > 0) {
      LOG.info("当事人：为 {} 件在办案件补充了当事人变量", filled);
    }
  }
}
