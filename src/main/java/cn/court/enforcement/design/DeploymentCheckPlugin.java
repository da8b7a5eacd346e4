package cn.court.enforcement.design;

import cn.court.enforcement.forms.FormSchema;
import cn.court.enforcement.organisation.Organisation;
import cn.court.enforcement.organisation.Organisation.Unit;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.ProcessApplicationDeployment;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link DeploymentCheck} before the engine parses anything of a new deployment, in
 * the deployment's own transaction, so a refused deployment leaves nothing behind. Checked:
 * every deployment a person makes (Modeler, REST, the webapps: the command has an
 * authenticated user) and the application's own at start-up. Deployments the application's
 * code makes without a user (test probes) are its own responsibility.
 */
@Component
public class DeploymentCheckPlugin extends AbstractProcessEnginePlugin {

  private final DeploymentCheck check;

  public DeploymentCheckPlugin(Organisation organisation) {
    this.check = new DeploymentCheck(organisation.units().stream().map(Unit::id).toList());
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreDeployers() == null) {
      configuration.setCustomPreDeployers(new ArrayList<>());
    }
    configuration.getCustomPreDeployers().add(new CheckingDeployer());
  }

  private final class CheckingDeployer implements Deployer {
    @Override
    public void deploy(DeploymentEntity deployment) {
      // Also called when the engine reloads a deployment into its cache: only new ones are checked.
      CommandContext context = Context.getCommandContext();
      if (!deployment.isNew() || context.getAuthenticatedUserId() == null
          && !ProcessApplicationDeployment.PROCESS_APPLICATION_DEPLOYMENT_SOURCE.equals(deployment.getSource())) {
        return;
      }
      Map<String, byte[]> resources = new LinkedHashMap<>();
      deployment.getResources().forEach((name, resource) -> resources.put(name, resource.getBytes()));
      List<String> problems = context.runWithoutAuthorization(() -> check.problems(resources, new Repository(context)));
      if (!problems.isEmpty()) {
        throw new DeploymentRefusedException(problems);
      }
    }
  }

  /** What the engine has deployed before. */
  private record Repository(CommandContext context) implements DeploymentCheck.Deployed {
    @Override
    public Optional<FormSchema> latestForm(String formId) {
      return Optional.ofNullable(context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(formId))
          .map(form -> context.getResourceManager()
              .findResourceByDeploymentIdAndResourceName(form.getDeploymentId(), form.getResourceName()))
          .map(ResourceEntity::getBytes)
          .map(bytes -> FormSchema.parse(new ByteArrayInputStream(bytes)));
    }

    @Override
    public boolean hasProcess(String key) {
      return context.getProcessDefinitionManager().findLatestProcessDefinitionByKey(key) != null;
    }

    @Override
    public boolean hasDecision(String key) {
      return context.getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(key) != null;
    }
  }
}
