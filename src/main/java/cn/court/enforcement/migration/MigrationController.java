package cn.court.enforcement.migration;

import cn.court.enforcement.migration.CaseMigration.Migration;
import cn.court.enforcement.migration.CaseMigration.Progress;
import cn.court.enforcement.organisation.Organisation;
import cn.court.enforcement.security.CurrentStaff;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Running-case migration for administrators (HTTP Basic, as on {@code /engine-rest}):
 * {@code POST /api/migrations/{processKey}/dry-run} reports what would move,
 * {@code POST /api/migrations/{processKey}} moves it as batches, {@code GET /api/migrations/batches/{id}}
 * shows a batch's progress. E.g. {@code curl -u admin:*** -X POST http://localhost:8080/api/migrations/enforcement-case/dry-run}.
 */
@RestController
@RequestMapping("/api/migrations")
public class MigrationController {

  static final String REFUSAL = "仅系统管理员（camunda-admin）可迁移运行中的案件。";

  private final CurrentStaff currentStaff;
  private final CaseMigration migration;

  public MigrationController(CurrentStaff currentStaff, CaseMigration migration) {
    this.currentStaff = currentStaff;
    this.migration = migration;
  }

  @PostMapping("/{processKey}/dry-run")
  public MigrationReport dryRun(@PathVariable String processKey) {
    requireAdministrator();
    return migration.dryRun(processKey);
  }

  @PostMapping("/{processKey}")
  public Migration migrate(@PathVariable String processKey) {
    requireAdministrator();
    return migration.migrate(processKey);
  }

  @GetMapping("/batches/{id}")
  public Progress progress(@PathVariable String id) {
    requireAdministrator();
    return migration.progress(id);
  }

  private void requireAdministrator() {
    currentStaff.inAnyOf(Set.of(Organisation.ADMIN_GROUP), REFUSAL);
  }
}
