package cn.court.enforcement.engine;

import static cn.court.enforcement.engine.MapperPatches.appended;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManagerFactory;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbBulkOperation;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbEntityOperation;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbOperationType;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * When a process instance ends, its variables go in one statement instead of one per variable.
 * Camunda deletes each variable row by id and revision as its scope ends: 62 statements when a case
 * ends, 64 per ordinary case with the processes beside it. In a flush that deletes a process
 * instance, all of its variables are deleted with it (the rows reference the instance), so those
 * single deletes are replaced by {@code delete … where PROC_INST_ID_ = ?} in the same place of the
 * flush (before the byte arrays and executions they reference). The instance's own row is still
 * deleted by id and revision: a concurrent change of the instance still fails one of the two
 * transactions; a variable changed concurrently without touching the instance is gone with it.
 */
public class BulkVariableDeletes extends AbstractProcessEnginePlugin {

  static final String VARIABLE_MAPPING = TaskQueryAuthorization.VARIABLE_MAPPING;
  private static final String STATEMENT = "courtDeleteVariablesOfProcessInstance";
  private static final String FRAGMENT = "\n  <!-- Added by cn.court.enforcement.engine.BulkVariableDeletes. -->\n"
      + "  <delete id=\"" + STATEMENT + "\" parameterType=\"string\">\n"
      + "    delete from ${prefix}ACT_RU_VARIABLE where PROC_INST_ID_ = #{processInstanceId, jdbcType=VARCHAR}\n"
      + "  </delete>\n";

  /** The statement added to Camunda's variable mapping, for {@link MapperPatches}. */
  static Map<String, UnaryOperator<String>> patches() {
    return Map.of(VARIABLE_MAPPING, xml -> appended(xml, FRAGMENT));
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new Factory());
    configuration.setCustomSessionFactories(factories);
  }

  /** Replaces the engine's entity-manager factory (same session type); its id generator is the engine's, read when opened. */
  static class Factory extends DbEntityManagerFactory {
    Factory() {
      super(null);
    }

    @Override
    public DbEntityManager openSession() {
      return new Manager(Context.getProcessEngineConfiguration().getIdGenerator(),
          Context.getCommandContext().getSession(PersistenceSession.class));
    }
  }

  static class Manager extends DbEntityManager {
    Manager(IdGenerator idGenerator, PersistenceSession persistenceSession) {
      super(idGenerator, persistenceSession);
    }

    @Override
    protected void flushDbOperationManager() {
      SortedSet<DbEntityOperation> variables = dbOperationManager.deletes.get(VariableInstanceEntity.class);
      SortedSet<DbEntityOperation> executions = dbOperationManager.deletes.get(ExecutionEntity.class);
      if (variables != null && variables.size() > 1 && executions != null) {
        // A deleted variable has forgotten its instance; the executions of an ending instance still list what they removed.
        Map<String, Set<Object>> ending = new HashMap<>();
        for (DbEntityOperation delete : executions) {
          ExecutionEntity execution = (ExecutionEntity) delete.getEntity();
          if (execution.isProcessInstanceExecution()) {
            ending.put(execution.getId(), Collections.newSetFromMap(new IdentityHashMap<>()));
          }
        }
        for (DbEntityOperation delete : executions) {
          ExecutionEntity execution = (ExecutionEntity) delete.getEntity();
          Set<Object> removed = ending.get(execution.getProcessInstanceId());
          if (removed != null) {
            removed.addAll(VariableStores.removed(execution).values());
          }
        }
        ending.forEach((instance, removed) -> {
          List<DbEntityOperation> deletes = variables.stream().filter(delete -> removed.contains(delete.getEntity())).toList();
          if (deletes.size() > 1) {
            variables.removeAll(deletes);
            dbOperationManager.addOperation(new DbBulkOperation(DbOperationType.DELETE_BULK, VariableInstanceEntity.class,
                STATEMENT, instance));
          }
        });
      }
      super.flushDbOperationManager();
    }
  }
}
