package cn.court.enforcement.calendar;

import cn.court.enforcement.engine.ParseListenerPlugin;
import java.io.IOException;
import java.io.InputStream;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/** Loads the court's holiday file and time-limit table; hooks due dates into every diagram. */
@Configuration
@EnableConfigurationProperties(CalendarProperties.class)
public class CalendarConfiguration {

  @Bean
  public WorkingCalendar workingCalendar(CalendarProperties properties, ResourceLoader resources) throws IOException {
    try (InputStream in = open(resources, properties.holidays())) {
      return WorkingCalendar.read(in, properties.holidays());
    }
  }

  @Bean
  public TimeLimitTable timeLimitTable(CalendarProperties properties, ResourceLoader resources) throws IOException {
    try (InputStream in = open(resources, properties.timeLimits())) {
      return TimeLimitTable.read(in, properties.timeLimits());
    }
  }

  /** Due dates for user tasks that name their limits ({@code camunda:property timeLimit}). */
  @Bean
  public ProcessEnginePlugin timeLimitPlugin(Deadlines deadlines) {
    return new ParseListenerPlugin(new TimeLimitParseListener(deadlines));
  }

  /** Periods the case clock does not count, begun and ended by the fields of any task's form ({@link CasePauseSteps}). */
  @Bean
  public ProcessEnginePlugin casePausePlugin(CasePauseSteps steps) {
    return new ParseListenerPlugin(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, steps);
      }
    });
  }

  private static InputStream open(ResourceLoader resources, String location) throws IOException {
    Resource file = resources.getResource(location);
    if (!file.exists()) {
      throw new IllegalStateException("找不到文件：" + location);
    }
    return file.getInputStream();
  }
}
