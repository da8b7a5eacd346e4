package cn.court.enforcement.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
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

  /** Every figure cites its rule and article, or says it is the court's own (issue 11). */
  @Test
  void everySourceNamesTheRuleAndArticleOrSaysTheCourtSetsIt() {
    TimeLimitTable table = courtTable();
    assertThat(table.all()).allSatisfy(l -> assertThat(l.source()).as(l.name())
        .matches(Pattern.compile("^(本院规定（可配置）.*|.*《[^》]+》[^；]*第[一二三四五六七八九十百零]+条.*)$", Pattern.DOTALL)));
    assertThat(table.get("handler-assigned").source()).contains("若干期限的规定", "第二条");
    assertThat(table.get("money-payout").source()).contains("执行款物管理工作的规定", "2017", "第十一条", "到账通知");
    assertThat(table.get("entrusted-matter").source()).contains("第五条第二款", "三十日");
    assertThat(table.get("entrusted-matter-status-letter")).satisfies(l -> {
      assertThat(l.amount()).isEqualTo(15);
      assertThat(l.source()).contains("第五条第二款", "十五日内");
    });
    assertThat(table.get("execution-notice-from-filing")).satisfies(l -> {
      assertThat(l.amount()).isEqualTo(10);
      assertThat(l.unit()).isEqualTo(TimeLimit.Unit.CALENDAR_DAYS);
      assertThat(l.start()).isEqualTo(TimeLimit.Start.CASE_FILED);
      assertThat(l.source()).contains("民事诉讼法", "第四百八十条");
    });
    assertThat(table.get("triage").source()).startsWith("本院规定（可配置）");
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
