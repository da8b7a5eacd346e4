package cn.court.enforcement.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The draw chain on a real database: one draw per case, appends serialized, and every kind of
 * tampering found by verification. Run against H2 and, when reachable, PostgreSQL.
 */
abstract class DrawChainContract {

  private final AllocationProperties properties =
      new AllocationProperties(null, Map.of("ordinary-team-5", "负责人病休"));
  private final SecureRandom random = new SecureRandom();
  private HikariDataSource dataSource;
  private JdbcTemplate jdbc;
  private AllocationDrawRepository draws;
  private ChainVerifier verifier;
  private AllocationService allocation;

  /** A fresh, empty database or schema for one test. */
  abstract HikariDataSource newDataSource();

  void dropDatabase(JdbcTemplate jdbc) {}

  @BeforeEach
  void createTables() {
    dataSource = newDataSource();
    new ResourceDatabasePopulator(new ClassPathResource("db/migration/V2__allocation_draws.sql"))
        .execute(dataSource);
    jdbc = new JdbcTemplate(dataSource);
    draws = new AllocationDrawRepository(jdbc);
    verifier = new ChainVerifier(draws);
    allocation = allocationWith(random::nextInt);
  }

  @AfterEach
  void dropTables() {
    if (dataSource == null) {
      return; // database not reachable, test skipped
    }
    dropDatabase(jdbc);
    dataSource.close();
  }

  private AllocationService allocationWith(DrawSource source) {
    return new AllocationService(properties, draws, source,
        new DataSourceTransactionManager(dataSource));
  }

  private void drawFiveCases() {
    for (int i = 1; i <= 5; i++) {
      allocation.allocate("（2026）豫0000执" + i + "号", "pi-" + i,
          i == 3 ? Set.of("ordinary-team-1") : Set.of(), "承办人系申请人近亲属");
    }
  }

  @Test
  void anUntouchedChainVerifies() {
    drawFiveCases();

    ChainVerification result = verifier.verify();

    assertThat(result.ok()).isTrue();
    assertThat(result.checked()).isEqualTo(5);
    assertThat(result.headId()).isEqualTo(5);
    assertThat(result.message()).contains("全部5条分案记录完整");
    DrawRecord third = draws.findByCaseNumber("（2026）豫0000执3号").orElseThrow();
    assertThat(third.excluded()).contains("回避：承办人系申请人近亲属", "暂停分案：负责人病休");
    assertThat(third.chosenTeam()).isIn("ordinary-team-2", "ordinary-team-3", "ordinary-team-4");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "case_number = '（2026）豫0000执999号'",
      "process_instance_id = 'forged'",
      "candidates = '[\"ordinary-team-1\"]'",
      "excluded = excluded || ' '",
      "draw_value = draw_value + 1",
      "chosen_team = CASE WHEN chosen_team = 'ordinary-team-2' THEN 'ordinary-team-3' ELSE 'ordinary-team-2' END",
      "drawn_at = drawn_at + INTERVAL '1' SECOND",
      "previous_hash = REPEAT('0', 64)",
      "hash = REPEAT('a', 64)"})
  void changingAnyColumnOfOneRecordIsDetected(String assignment) {
    drawFiveCases();

    assertThat(jdbc.update("UPDATE allocation_draw SET " + assignment + " WHERE id = 3")).isOne();

    ChainVerification result = verifier.verify();
    assertThat(result.ok()).isFalse();
    assertThat(result.brokenId()).isEqualTo(3);
  }

  @Test
  void aRewrittenRecordWithARecomputedHashBreaksTheNextLink() {
    drawFiveCases();
    DrawRecord original = draws.findByCaseNumber("（2026）豫0000执3号").orElseThrow();
    String favoured = original.chosenTeam().equals("ordinary-team-2") ? "ordinary-team-3" : "ordinary-team-2";
    DrawRecord forged = DrawRecord.link(original.id(), original.caseNumber(),
        original.processInstanceId(), original.candidates(), original.excluded(),
        Candidates.parseEligible(original.candidates()).indexOf(favoured), favoured,
        original.drawnAt(), original.previousHash());

    jdbc.update("UPDATE allocation_draw SET draw_value = ?, chosen_team = ?, hash = ? WHERE id = 3",
        forged.drawValue(), forged.chosenTeam(), forged.hash());

    ChainVerification result = verifier.verify();
    assertThat(result.ok()).isFalse();
    assertThat(result.brokenId()).isEqualTo(4);
    assertThat(result.message()).contains("前序哈希不符");
  }

  @Test
  void deletingARecordIsDetected() {
    drawFiveCases();

    jdbc.update("DELETE FROM allocation_draw WHERE id = 3");

    ChainVerification result = verifier.verify();
    assertThat(result.ok()).isFalse();
    assertThat(result.brokenId()).isEqualTo(4);
    assertThat(result.message()).contains("缺少第3号记录");
  }

  @Test
  void deletingTheNewestRecordIsDetectedAgainstTheHead() {
    drawFiveCases();

    jdbc.update("DELETE FROM allocation_draw WHERE id = 5");

    ChainVerification result = verifier.verify();
    assertThat(result.ok()).isFalse();
    assertThat(result.brokenId()).isEqualTo(5);
    assertThat(result.message()).contains("链头记录到第5号", "已被删除");
  }

  @Test
  void aRecordAppendedBehindTheSystemsBackIsDetected() {
    drawFiveCases();
    DrawRecord last = draws.findLatest(1).get(0);
    DrawRecord forged = DrawRecord.link(6, "（2026）豫0000执66号", null, last.candidates(), "{}", 0,
        Candidates.parseEligible(last.candidates()).get(0), last.drawnAt(), last.hash());

    jdbc.update("INSERT INTO allocation_draw (id, case_number, candidates, excluded, draw_value, "
        + "chosen_team, drawn_at, previous_hash, hash) SELECT 6, ?, candidates, '{}', 0, ?, drawn_at, "
        + "?, ? FROM allocation_draw WHERE id = 5", forged.caseNumber(), forged.chosenTeam(),
        forged.previousHash(), forged.hash());

    ChainVerification result = verifier.verify();
    assertThat(result.ok()).isFalse();
    assertThat(result.brokenId()).isEqualTo(6);
    assertThat(result.message()).contains("未经系统写入");
  }

  @Test
  void swappingTwoRecordsIsDetected() {
    drawFiveCases();

    jdbc.update("UPDATE allocation_draw SET id = 99 WHERE id = 2");
    jdbc.update("UPDATE allocation_draw SET id = 2 WHERE id = 3");
    jdbc.update("UPDATE allocation_draw SET id = 3 WHERE id = 99");

    ChainVerification result = verifier.verify();
    assertThat(result.ok()).isFalse();
    assertThat(result.brokenId()).isEqualTo(2);
  }

  @Test
  void aCaseIsDrawnOnceOnly() {
    AtomicInteger calls = new AtomicInteger();
    AllocationService counting = allocationWith(bound -> calls.getAndIncrement() % bound);

    DrawRecord first = counting.allocate("（2026）豫0000执7号", "pi-7", Set.of(), null);
    String other = first.chosenTeam().equals("ordinary-team-1") ? "ordinary-team-2" : "ordinary-team-1";
    DrawRecord again = counting.allocate("（2026）豫0000执7号", "pi-7", Set.of(other), "后报回避");

    assertThat(again).isEqualTo(first);
    assertThat(calls).hasValue(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM allocation_draw", Long.class)).isOne();
  }

  @Test
  void aLaterConflictWithTheDrawnTeamGoesToTheLeadersWithoutRedraw() {
    DrawRecord first = allocation.allocate("（2026）豫0000执6号", "pi-6", Set.of(), null);

    assertThatThrownBy(() -> allocation.allocate("（2026）豫0000执6号", "pi-6",
        Set.of(first.chosenTeam()), "后报回避"))
        .isInstanceOfSatisfying(BpmnError.class, error -> {
          assertThat(error.getErrorCode()).isEqualTo("NO_ELIGIBLE_TEAM");
          assertThat(error.getMessage()).contains("不重新抽签");
        });
    assertThat(draws.findByCaseNumber("（2026）豫0000执6号")).contains(first);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM allocation_draw", Long.class)).isOne();
  }

  @Test
  void nothingEligibleWritesNothing() {
    assertThatThrownBy(() -> allocation.allocate("（2026）豫0000执8号", "pi-8",
        List.of("ordinary-team-1", "ordinary-team-2", "ordinary-team-3", "ordinary-team-4"), "利害关系"))
        .isInstanceOf(BpmnError.class);

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM allocation_draw", Long.class)).isZero();
    assertThat(draws.head()).isEqualTo(new ChainHead(0, DrawRecord.GENESIS_HASH));
  }

  @Test
  void concurrentAppendsKeepOneChain() throws Exception {
    List<Callable<DrawRecord>> jobs = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      String caseNumber = "（2026）豫0000执" + (100 + i) + "号";
      jobs.add(() -> allocation.allocate(caseNumber, null, Set.of(), null));
    }

    runConcurrently(jobs);

    ChainVerification result = verifier.verify();
    assertThat(result.ok()).as(result.message()).isTrue();
    assertThat(result.checked()).isEqualTo(80);
  }

  @Test
  void concurrentJobsForOneCaseShareOneDraw() throws Exception {
    List<Callable<DrawRecord>> jobs = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      jobs.add(() -> allocation.allocate("（2026）豫0000执9号", "pi-9", Set.of(), null));
    }

    List<DrawRecord> results = runConcurrently(jobs);

    assertThat(results).allSatisfy(record -> assertThat(record).isEqualTo(results.get(0)));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM allocation_draw", Long.class)).isOne();
  }

  @Test
  void fairnessCountsOnlyFullPoolDrawsInTheTest() {
    for (int i = 0; i < 60; i++) {
      allocation.allocate("（2026）豫0000执" + (200 + i) + "号", null,
          i % 3 == 0 ? Set.of("ordinary-team-1") : Set.of(), null);
    }

    FairnessReport report = new FairnessService(draws, properties).report();

    // The configured pool has team 5 unavailable, so no draw had the whole pool.
    assertThat(report.totalDraws()).isEqualTo(60);
    assertThat(report.countsPerTeam().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(60);
    assertThat(report.countsPerTeam()).containsEntry("ordinary-team-5", 0L);
    assertThat(report.fullPoolDraws()).isZero();
    assertThat(report.pValue()).isNull();
    assertThat(report.message()).contains("样本不足");

    FairnessReport fourTeams = new FairnessService(draws, new AllocationProperties(
        List.of("ordinary-team-1", "ordinary-team-2", "ordinary-team-3", "ordinary-team-4"), null)).report();
    assertThat(fourTeams.fullPoolDraws()).isEqualTo(40);
    assertThat(fourTeams.degreesOfFreedom()).isEqualTo(3);
    assertThat(fourTeams.pValue()).isBetween(0.0, 1.0);
  }

  private static <T> List<T> runConcurrently(List<Callable<T>> jobs) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<T> results = new ArrayList<>();
      for (Future<T> future : pool.invokeAll(jobs)) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdown();
    }
  }
}
