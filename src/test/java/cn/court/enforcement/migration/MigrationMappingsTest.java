package cn.court.enforcement.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.court.enforcement.migration.MigrationMappings.Mapping;
import cn.court.enforcement.security.ApiRefusal;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;

/** The mapping file: renames followed across versions, broken files refused naming the file. */
class MigrationMappingsTest {

  @Test
  void aRenameOfARenameLeadsToTheNewestId() {
    MigrationMappings mappings = read("""
        mappings:
          - from: A
            to: B
          - from: B
            to: C
            timeLimit: intake, execution-notice-from-filing
        removed:
          D: 改为独立流程
        """);

    assertThat(mappings.resolve("A", Set.of("C")::contains))
        .contains(new Mapping("A", "C", List.of("intake", "execution-notice-from-filing")));
    assertThat(mappings.resolve("A", Set.of("B")::contains)).contains(new Mapping("A", "B", null));
    assertThat(mappings.resolve("X", id -> true)).isEmpty();
    assertThat(mappings.removed()).containsEntry("D", "改为独立流程");
  }

  @Test
  void aCycleOfRenamesEnds() {
    MigrationMappings mappings = read("mappings:\n  - from: A\n    to: B\n  - from: B\n    to: A\n");

    assertThat(mappings.resolve("A", id -> false)).isPresent();
  }

  @Test
  void aBrokenFileIsRefusedNamingItAndTheEntry() {
    assertThatThrownBy(() -> read("mappings:\n  - from: A\n"))
        .isInstanceOf(ApiRefusal.class).hasMessageContaining("映射文件有误：test.yml：mappings 的每一项须写明 from 和 to");
    assertThatThrownBy(() -> read("mappings:\n  - from: A\n    to: B\n  - from: A\n    to: C\n"))
        .hasMessageContaining("活动 A 映射了两次");
  }

  @Test
  void theProjectsOwnFileReadsAndAProcessWithoutOneHasNoMappings() {
    FileSystemResource directory = new FileSystemResource("processes/migrations/");

    assertThat(MigrationMappings.of(directory, "enforcement-case").removed()).containsKey("Task_HandleOfflineRequest");
    assertThat(MigrationMappings.of(directory, "no-such-process")).isSameAs(MigrationMappings.NONE);
  }

  private static MigrationMappings read(String yaml) {
    return MigrationMappings.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yml");
  }
}
