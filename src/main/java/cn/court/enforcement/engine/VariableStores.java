package cn.court.enforcement.engine;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import org.camunda.bpm.engine.impl.core.variable.CoreVariableInstance;
import org.camunda.bpm.engine.impl.core.variable.scope.AbstractVariableScope;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableStore;

/**
 * The variables an execution or task holds, which Camunda keeps protected (NewTaskVariables,
 * BulkVariableDeletes). Looked up once; a Camunda version without them stops the start.
 */
final class VariableStores {

  private static final MethodHandle STORE;
  private static final MethodHandle REMOVED;

  static {
    try {
      STORE = MethodHandles.privateLookupIn(AbstractVariableScope.class, MethodHandles.lookup())
          .findVirtual(AbstractVariableScope.class, "getVariableStore", MethodType.methodType(VariableStore.class));
      REMOVED = MethodHandles.privateLookupIn(VariableStore.class, MethodHandles.lookup())
          .findGetter(VariableStore.class, "removedVariables", Map.class);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Camunda's variable scopes changed: review cn.court.enforcement.engine.VariableStores", e);
    }
  }

  private VariableStores() {
  }

  /** The scope's variables. */
  @SuppressWarnings("unchecked")
  static VariableStore<CoreVariableInstance> of(AbstractVariableScope scope) {
    try {
      return (VariableStore<CoreVariableInstance>) STORE.invoke(scope);
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  /** The variables removed from the scope in this command, by name. */
  @SuppressWarnings("unchecked")
  static Map<String, CoreVariableInstance> removed(AbstractVariableScope scope) {
    try {
      return (Map<String, CoreVariableInstance>) REMOVED.invoke(of(scope));
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }
}
