package cn.court.enforcement.disposal;

import cn.court.enforcement.casefile.ClosureCondition;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** A case does not close while one of its assets is still being disposed of (contract of issue 13 §2). */
@Component
public class OpenDisposals implements ClosureCondition {

  private final DisposalRegistry registry;

  public OpenDisposals(DisposalRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Optional<String> refusal(String caseNumber, String closureKind) {
    List<DisposalRegistry.OpenDisposal> open = registry.open(caseNumber);
    if (open.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("财产处置尚未完成，不能结案：" + open.stream().map(DisposalRegistry.OpenDisposal::assetDescription)
        .collect(Collectors.joining("、")) + "（共 " + open.size() + " 项）");
  }
}
