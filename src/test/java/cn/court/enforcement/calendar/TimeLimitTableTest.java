package cn.court.enforcement.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

class TimeLimitTableTest {

  static TimeLimitTable courtTable() {
    try (InputStream in = TimeLimitTableTest.class.getResourceAsStream("/config/time-limits.yml")) {
      return TimeLimitTable.read(in, "config/time-limits.yml");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void courtTableHoldsTheSpecDefaults() {
    TimeLimitTable table = courtTable();
    assertThat(table.get("execution-notice")).isEqualTo(new TimeLimit("execution-notice", "发出执行通知书", 3,
        TimeLimit.Unit.CALENDAR_DAYS, TimeLimit.Start.TASK_CREATED, table.get("execution-notice").source()));
    assertThat(table.get("quick-team-case").start()).isEqualTo(TimeLimit.Start.CASE_FILED);
    assertThat(table.get("case").amount()).isEqualTo(6);
    assertThat(table.get("case-non-litigation").amount()).isEqualTo(3);
    assertThat(table.get("money-payout").start()).isEqualTo(TimeLimit.Start.MONEY_ARRIVED);
    assertThat(table.get("paper-to-archive").unit()).isEqualTo(TimeLimit.Unit.WORKING_DAYS);
    assertThat(table.get("archiving").start()).isEqualTo(TimeLimit.Start.CASE_CLOSED);
    assertThat(table.all()).allSatisfy(l -> assertThat(l.source()).isNotBlank());
  }

  @Test
  void unknownNameIsAClearError() {
    assertThatThrownBy(() -> courtTable().get("execution-notise"))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("execution-notise").hasMessageContaining("execution-notice");
  }

  @Test
  void badEntryNamesTheEntryAndTheChoices() {
    String yaml = "limits:\n  - {name: x, label: 甲, amount: 3, unit: weeks, start: task-created, source: test}\n";
    assertThatThrownBy(() -> TimeLimitTable.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "t.yml"))
        .hasMessageContaining("'x'").hasMessageContaining("weeks").hasMessageContaining("working-days");
  }
}
