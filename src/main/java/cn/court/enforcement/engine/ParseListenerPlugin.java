package cn.court.enforcement.engine;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Adds a BPMN parse listener that runs after the engine's own, so every diagram a deployment
 * brings — from Modeler too — gets the behaviour, and no diagram can leave it out.
 */
public class ParseListenerPlugin extends AbstractProcessEnginePlugin {

  private final BpmnParseListener listener;

  public ParseListenerPlugin(BpmnParseListener listener) {
    this.listener = listener;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(listener);
  }
}
