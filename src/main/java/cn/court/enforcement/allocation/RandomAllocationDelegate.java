package cn.court.enforcement.allocation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Service task 随机分案: sets {@code handlingTeam} to a team drawn at random among the eligible
 * ordinary teams and {@code allocationDrawId} to the draw's record; the case is the business key. Use with
 * {@code camunda:asyncBefore="true"}; a retry reuses the case's earlier draw.
 */
@Component("randomAllocation")
public class RandomAllocationDelegate implements JavaDelegate {

  public static final String CONFLICT_TEAMS = "conflictTeams";
  public static final String CONFLICT_REASON = "conflictReason";
  public static final String HANDLING_TEAM = "handlingTeam";
  public static final String ALLOCATION_DRAW_ID = "allocationDrawId";

  private static final int MAX_CASE_NUMBER = 100;
  /** The allocation ledger records at most this many characters of the reason. */
  static final int MAX_CONFLICT_REASON = 200;

  private final AllocationService allocation;

  public RandomAllocationDelegate(AllocationService allocation) {
    this.allocation = allocation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DrawRecord draw = allocation.allocate(caseNumber(execution),
        execution.getProcessInstanceId(), conflictTeams(execution.getVariable(CONFLICT_TEAMS)),
        conflictReason(execution));
    execution.setVariable(HANDLING_TEAM, draw.chosenTeam());
    execution.setVariable(ALLOCATION_DRAW_ID, draw.id());
  }

  /** The case is its business key, never a variable a form could have set. */
  private static String caseNumber(DelegateExecution execution) {
    String caseNumber = execution.getProcessBusinessKey();
    caseNumber = caseNumber == null ? "" : caseNumber.strip();
    if (caseNumber.isEmpty()) {
      throw new BadUserRequestException("随机分案缺少案号（业务键）");
    }
    if (caseNumber.length() > MAX_CASE_NUMBER) {
      throw new BadUserRequestException("案号过长（最多" + MAX_CASE_NUMBER + "个字符）：" + caseNumber);
    }
    return caseNumber;
  }

  private static String conflictReason(DelegateExecution execution) {
    Object value = execution.getVariable(CONFLICT_REASON);
    String reason = value == null ? null : value.toString();
    if (reason != null && reason.length() > MAX_CONFLICT_REASON) {
      throw new BadUserRequestException("回避理由过长（最多" + MAX_CONFLICT_REASON + "个字符）");
    }
    return reason;
  }

  /** A form checklist gives a Json array, Java callers a collection, a text field a list with commas. */
  static Set<String> conflictTeams(Object value) {
    List<String> raw = new ArrayList<>();
    if (value instanceof SpinJsonNode json) {
      if (!json.isArray()) {
        throw new BadUserRequestException("回避团队（conflictTeams）应为团队列表");
      }
      json.elements().forEach(element ->
          raw.add(element.isString() ? element.stringValue() : element.toString()));
    } else if (value instanceof Collection<?> collection) {
      collection.forEach(element -> raw.add(String.valueOf(element)));
    } else if (value instanceof String text) {
      raw.addAll(Arrays.asList(text.split("[,，、;；\\s]+")));
    } else if (value != null) {
      throw new BadUserRequestException("无法识别回避团队（conflictTeams）：" + value);
    }
    return raw.stream().map(String::strip).filter(team -> !team.isEmpty())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }
}
