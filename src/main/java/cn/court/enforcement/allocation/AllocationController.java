package cn.court.enforcement.allocation;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

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

  private final IdentityService identityService;
  private final ChainVerifier verifier;
  private final AllocationDrawRepository draws;
  private final FairnessService fairness;

  public AllocationController(IdentityService identityService, ChainVerifier verifier,
      AllocationDrawRepository draws, FairnessService fairness) {
    this.identityService = identityService;
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

  @ExceptionHandler(AccessRefused.class)
  ResponseEntity<Map<String, Object>> refused(AccessRefused refused) {
    return ResponseEntity.status(refused.status)
        .body(Map.of("status", refused.status.value(), "message", refused.getMessage()));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, Object>> badParameter(MethodArgumentTypeMismatchException e) {
    return ResponseEntity.badRequest().body(Map.of("status", 400,
        "message", "参数 " + e.getName() + " 的值无效：" + e.getValue()));
  }

  private void requireAuditor() {
    Authentication user = identityService.getCurrentAuthentication();
    if (user == null || user.getUserId() == null) {
      throw new AccessRefused(HttpStatus.UNAUTHORIZED, "请先登录");
    }
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    if (groups.stream().noneMatch(AUDITORS::contains)) {
      throw new AccessRefused(HttpStatus.FORBIDDEN, "仅执行局领导、执行指挥中心和系统管理员可查看分案审计");
    }
  }

  static final class AccessRefused extends RuntimeException {
    private final HttpStatus status;

    AccessRefused(HttpStatus status, String message) {
      super(message);
      this.status = status;
    }
  }
}
