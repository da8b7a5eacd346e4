package cn.court.enforcement.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Counts the engine's transactions: the outermost commands (a command called inside another runs
 * in its transaction and is not counted), the Java API's and the job executor's alike. A plugin,
 * so the same counter goes into a standalone engine and, as a bean, into the application's.
 */
public class CommandCounter extends AbstractProcessEnginePlugin {

  private final LongAdder transactions = new LongAdder();

  public long transactions() {
    return transactions.sum();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(0, new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        if (Context.getCommandContext() == null) {
          transactions.increment();
        }
        return next.execute(command);
      }
    });
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }
}
