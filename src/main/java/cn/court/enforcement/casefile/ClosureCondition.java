package cn.court.enforcement.casefile;

import java.util.Optional;

/**
 * A rule of another feature that can keep a case from closing (money still unpaid, an asset
 * still being sold): {@link CheckClosure} asks every such bean when closure is proposed, so
 * each rule stays in its own feature's package.
 */
public interface ClosureCondition {

  /** Why the case cannot close now with {@code closureKind}, in Chinese; empty when it may. */
  Optional<String> refusal(String caseNumber, String closureKind);
}
