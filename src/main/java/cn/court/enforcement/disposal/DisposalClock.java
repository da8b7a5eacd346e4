package cn.court.enforcement.disposal;

import cn.court.enforcement.calendar.CaseClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Stops the case clock while an asset is valued by the entrusted institution ({@code VALUATION}, 评估:
 * 委托评估 is a valuation, item （八）; the brief's "appraisal" read so, 鉴定 being item （六）) and while it
 * is auctioned or sold off ({@code AUCTION}, item （十二）): 《最高人民法院关于严格执行案件审理期限制度的若干规定》
 * （法释〔2000〕29号）第九条 does not count those periods. Several disposals of one case may run at once and the clock records
 * one period of a kind at a time, so the period begins with the first disposal to enter it and ends
 * when the last one leaves; a disposal that never began a period (moved past its start by an
 * administrator) ends none. From BPMN: {@code ${disposalClock.pause(execution, 'AUCTION')}}.
 */
@Component("disposalClock")
public class DisposalClock {

  private final CaseClock caseClock;
  private final DisposalRegistry registry;

  public DisposalClock(CaseClock caseClock, DisposalRegistry registry) {
    this.caseClock = caseClock;
    this.registry = registry;
  }

  public void pause(DelegateExecution execution, String reason) {
    DisposalRegistry.PauseHolders holders = registry.holdPause(execution.getProcessInstanceId(),
        execution.getProcessBusinessKey(), reason, true);
    if (!holders.self() && !holders.others()) {
      caseClock.pause(execution, reason);
    }
  }

  public void resume(DelegateExecution execution, String reason) {
    DisposalRegistry.PauseHolders holders = registry.holdPause(execution.getProcessInstanceId(),
        execution.getProcessBusinessKey(), reason, false);
    if (holders.self() && !holders.others()) {
      caseClock.resume(execution, reason);
    }
  }
}
