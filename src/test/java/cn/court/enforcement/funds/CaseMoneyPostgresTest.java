package cn.court.enforcement.funds;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.support.PostgresDatabase;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Case money on PostgreSQL is exact to the fen: amounts a binary fraction cannot hold (0.10,
 * 0.20, 0.70) arrive, are costed and paid through the engine, and add up exactly in NUMERIC(18, 2)
 * columns; no run keeps a floating-point variable. In a database created for this run; fails,
 * never skips, without the server.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=" + CaseMoneyPostgresTest.URL,
    "spring.datasource.username=postgres",
    "camunda.bpm.job-execution.enabled=false"})
class CaseMoneyPostgresTest {

  static final String DATABASE = "enforcement_funds";
  static final String URL = PostgresDatabase.SERVER + DATABASE;
  private static final String CASE = "（2026）豫0000执6801号";

  static {
    PostgresDatabase.recreate(DATABASE);
  }

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired HistoryService history;
  @Autowired CaseMoneyLedger ledger;
  @Autowired UnpaidCaseMoney unpaid;
  @Autowired JdbcTemplate jdbc;

  @Test
  void amountsAreExactToTheFenThroughTheWholeRun() {
    FundsFlow flow = new FundsFlow(runtime, tasks, identity);
    String first = flow.paidOut(CASE, "0.10", "0.00", "张三", "0.10");
    String second = flow.paidOut(CASE, "0.20", "0.00", "张三", "0.10", "李四", "0.10");
    String third = flow.paidOut(CASE, "1000000.70", "0.30", "张三", "600000.24", "李四", "400000.16");

    assertThat(ledger.balance(CASE)).isEqualTo(new CaseMoneyBalance(new BigDecimal("1000001.00"), new BigDecimal("0.30"),
        new BigDecimal("1000000.70"), new BigDecimal("0.00")));
    assertThat(unpaid.refusal(CASE, "fully-performed")).isEmpty();
    assertThat(jdbc.queryForObject("select sum(amount) from case_money_arrival where case_number = ?", BigDecimal.class, CASE))
        .isEqualTo(new BigDecimal("1000001.00"));
    assertThat(jdbc.queryForList("select payee, sum(share) as total from case_money_payout where case_number = ? "
        + "and status = 'paid' group by payee order by payee", CASE))
        .extracting(row -> row.get("payee") + " " + row.get("total"))
        .containsExactlyInAnyOrder("张三 600000.44", "李四 400000.26");
    assertThat(jdbc.queryForList("select table_name || '.' || column_name || ' ' || data_type || '(' || numeric_precision "
        + "|| ',' || numeric_scale || ')' from information_schema.columns where table_name like 'case_money_%' "
        + "and column_name in ('amount', 'execution_fee', 'disposal_costs', 'share') order by 1", String.class))
        .containsExactly("case_money_arrival.amount numeric(18,2)", "case_money_arrival.disposal_costs numeric(18,2)",
            "case_money_arrival.execution_fee numeric(18,2)", "case_money_payout.share numeric(18,2)");

    List<HistoricVariableInstance> variables = history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(first, second, third).list();
    assertThat(variables).isNotEmpty().extracting(HistoricVariableInstance::getTypeName).doesNotContain("double");
    assertThat(variables.stream().filter(v -> v.getProcessInstanceId().equals(third)).collect(
        Collectors.toMap(HistoricVariableInstance::getName, v -> String.valueOf(v.getValue()))))
        .containsAllEntriesOf(Map.of(FundsVariables.MONEY_AMOUNT, "1000000.70", FundsVariables.PAYOUT_TOTAL, "1000000.40",
            FundsVariables.PAYOUT_SUMMARY, "张三 600000.24 元；李四 400000.16 元"));
  }
}
