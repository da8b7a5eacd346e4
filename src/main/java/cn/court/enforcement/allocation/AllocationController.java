package cn.court.enforcement.allocation;

import java.util.List;
import java.util.Set;
import cn.court.enforcement.security.CurrentStaff;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Audit of random allocation for supervisors: chain verification, the draw records, and the
 * fairness test. From a shell:
 * {@code curl -u wanghui:*** http://localhost:8080/api/allocation/verification}.
 */
@RestController
@RequestMapping("/api/allocation")
public class AllocationController {

  /** Supervisors of the bureau; teams must not audit (or learn to game) their own draws. */
  static final Set<String> AUDITORS = Set.of("bureau-leaders", "command-center", "camunda-admin");
  static final int MAX_DRAWS = 1000;

  private final CurrentStaff currentStaff;
  private final ChainVerifier verifier;
  private final AllocationDrawRepository draws;
  private final FairnessService fairness;

  public AllocationController(CurrentStaff currentStaff, ChainVerifier verifier,
      AllocationDrawRepository draws, FairnessService fairness) {
    this.currentStaff = currentStaff;
    this.verifier = verifier;
    this.draws = draws;
    this.fairness = fairness;
  }

  @GetMapping("/verification")
  public ChainVerification verification() {
    requireAuditor();
    return verifier.verify();
  }

  /** The draw of one case, or the newest draws when no case number is given. */
  @GetMapping("/draws")
  public List<DrawRecord> draws(@RequestParam(required = false) String caseNumber,
      @RequestParam(defaultValue = "100") int limit) {
    requireAuditor();
    if (caseNumber != null && !caseNumber.isBlank()) {
      return draws.findByCaseNumber(caseNumber.strip()).stream().toList();
    }
    return draws.findLatest(Math.max(1, Math.min(limit, MAX_DRAWS)));
  }

  @GetMapping("/fairness")
  public FairnessReport fairness() {
    requireAuditor();
    return fairness.report();
  }

  private void requireAuditor() {
    currentStaff.inAnyOf(AUDITORS, "仅执行局领导、执行指挥中心和系统管理员可查看分案审计");
  }
}
