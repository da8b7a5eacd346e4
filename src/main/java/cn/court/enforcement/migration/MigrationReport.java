package cn.court.enforcement.migration;

import java.util.ArrayList;
import java.util.List;

/**
 * What moving the running cases of a process to its newest version does: per older version
 * with running instances, the plan's problems, per activity how many instances move (and to
 * which activity) and how many stay, and each instance that stays with its reasons. The dry run
 * and the confirmed migration produce it the same way, so what the dry run says is what moves.
 */
public record MigrationReport(String processKey, int targetVersion, String targetDefinitionId, List<Version> versions) {

  /** One older version. {@code planProblems} non-empty: the plan is refused and nothing of it moves. */
  public record Version(int version, String definitionId, int running, int moving, List<String> planProblems,
      List<String> notes, List<Activity> activities, List<Staying> staying) {}

  /** The instances at one activity of the older version (an instance at several counts at each). */
  public record Activity(String activityId, String name, String targetActivityId, int moving, int staying) {}

  /** An instance that stays on its version, untouched, and why. */
  public record Staying(String processInstanceId, String caseNumber, List<String> reasons) {}

  public int moving() {
    return versions.stream().mapToInt(Version::moving).sum();
  }

  public int staying() {
    return versions.stream().mapToInt(v -> v.staying().size()).sum();
  }

  /** The report as the command prints it. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add("流程 " + processKey + "：迁移到最新版本 " + targetVersion + "（" + targetDefinitionId + "）；迁移 " + moving()
        + " 个实例，保留在原版本 " + staying() + " 个。");
    if (versions.isEmpty()) {
      lines.add("  较早版本没有运行中的实例。");
    }
    for (Version version : versions) {
      lines.add("版本 " + version.version() + "：运行中 " + version.running() + " 个，迁移 " + version.moving() + " 个。");
      version.planProblems().forEach(problem -> lines.add("  迁移方案未通过校验：" + problem));
      version.notes().forEach(note -> lines.add("  注意：" + note));
      for (Activity a : version.activities()) {
        lines.add("  " + a.name() + "（" + a.activityId() + "）"
            + (a.targetActivityId() == null ? "" : " → " + a.targetActivityId()) + "：迁移 " + a.moving() + "，保留 " + a.staying());
      }
      for (Staying s : version.staying()) {
        lines.add("  保留 " + (s.caseNumber() == null ? "" : s.caseNumber() + " ") + "（实例 " + s.processInstanceId() + "）："
            + String.join("；", s.reasons()));
      }
    }
    return lines;
  }
}
