package cn.court.enforcement.clues;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/**
 * The rule on unverified clues, for closure and the termination review: 终本 needs every clue
 * and every reported item verified (《最高人民法院关于严格规范终结本次执行程序的规定（试行）》第二条第二项、
 * 第三条第一项; docs/decisions.md).
 */
@Component
public class UnverifiedClues {

  static final String NONE = "无";

  private final ClueRegistry registry;

  public UnverifiedClues(ClueRegistry registry) {
    this.registry = registry;
  }

  /** Why the case cannot be closed by 终本 yet, naming each unverified clue; empty when none is left. */
  public Optional<String> againstTermination(String caseNumber) {
    List<Clue> open = registry.unverified(caseNumber);
    if (open.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("尚有 " + open.size() + " 条财产线索未核查："
        + open.stream().map(Clue::label).collect(Collectors.joining("、"))
        + "，终结本次执行程序前须逐条核查并登记核查结果");
  }

  /** The unverified clues in full, one per line, as a form shows them; 无 when every clue is verified. */
  public String listing(String caseNumber) {
    List<Clue> open = registry.unverified(caseNumber);
    if (open.isEmpty()) {
      return NONE;
    }
    return IntStream.range(0, open.size())
        .mapToObj(i -> {
          Clue clue = open.get(i);
          return (i + 1) + ". " + clue.description() + "（" + clue.origin() + "，" + clue.recordedAt().toLocalDate() + " 登记）";
        })
        .collect(Collectors.joining("\n"));
  }
}
