package cn.court.enforcement.benchmark;

import cn.court.enforcement.demo.CaseRoute;
import cn.court.enforcement.demo.CaseWalker;
import cn.court.enforcement.demo.DemoCases;
import cn.court.enforcement.demo.DemoCases.DemoCase;
import cn.court.enforcement.demo.Step;
import cn.court.enforcement.support.StatementCounter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * The project's whole cases, filed and walked through the Java API as the demo staff would
 * ({@link CaseWalker}: each step's task query, candidate-group look-up, claim and form submission
 * as a member of the group, under authorizations), over a mix of the routes a court's cases take.
 * Moved here from {@code demo/CaseThroughputBenchmark}, which walked the ordinary route alone.
 */
final class WholeCases {

  /** One route of the mix: its name, the processes it passes, and its steps after filing. */
  record Route(String name, String passes, UnaryOperator<CaseRoute> steps) {
  }

  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
  private static final LocalDate FILED = LocalDate.of(2026, 5, 6);

  /** The routes; a case takes the next one in turn, so each run walks them in these shares. */
  static final List<Route> MIX = mix();

  private final CaseWalker walker;
  private final AtomicInteger serials;

  /** {@code firstSerial}: case numbers of this run from there, none in use. */
  WholeCases(CaseWalker walker, int firstSerial) {
    this.walker = walker;
    this.serials = new AtomicInteger(firstSerial);
  }

  private static List<Route> mix() {
    Route quick = new Route("quick, fully performed", "enforcement-case, triage, dossier, handover",
        r -> DemoCases.toQuickTeam(r).quickClose("fully-performed").registerClosure().archive("档-2026-执-Q"));
    Route money = new Route("quick, deposit deducted and paid out", "… and case-funds",
        r -> DemoCases.deducted(r).payOutDeduction(DemoCases.DEPOSIT, "network-control").payCaseMoney()
            .quickClose("fully-performed").registerClosure().archive("档-2026-执-M"));
    Route ordinary = new Route("ordinary, interviews, fully performed", "… allocation, team hub",
        r -> DemoCases.toTeam(r).interviewBothParties().proposeClosure("fully-performed", null)
            .registerClosure().archive("档-2026-执-O"));
    Route entrusted = new Route("ordinary, offline request to intensive affairs", "… and entrusted-matter",
        r -> DemoCases.toTeam(r).offlineRequest("请冻结被执行人在洛阳银行的账户", true).interviewBothParties()
            .proposeClosure("fully-performed", null).registerClosure().archive("档-2026-执-E"));
    Route terminated = new Route("终本 after a restriction order, one follow-up query",
        "… termination-review, termination-follow-up (timer)",
        r -> DemoCases.toTeam(r).interviewBothParties()
            .measure("investigate-property", "网络及线下调查均未发现可供执行的财产")
            .punishment("consumption-restriction", "被执行人未按执行通知履行义务").presidentSignsRestriction()
            .measure("applicant-heard", "已告知申请执行人执行情况及终本后果，申请执行人同意终本")
            .proposeClosure("procedure-terminated", "被执行人暂无可供执行的财产，申请执行人同意终本")
            .approveTermination("86500.00").registerClosure().archive("档-2026-执-T")
            .followUpFindsNothing());
    // Of ten cases: three quick, one with money, three ordinary, one entrusted, two 终本. A case's
    // place is its serial's last digit; the 终本 ones are even, whose filing names no property clue
    // (DemoFilings: odd serials do, and 终本 needs every clue verified first).
    return List.of(quick, ordinary, terminated, quick, money, ordinary, entrusted, quick, terminated, ordinary);
  }

  /** Files and walks the next case of the mix; returns its steps (the filing counted as one). */
  int next() {
    int serial = serials.getAndIncrement();
    return walk(MIX.get(Math.floorMod(serial, MIX.size())), serial);
  }

  /** Files and walks case {@code serial} along {@code route}. */
  int walk(Route route, int serial) {
    DemoCase c = new DemoCase(serial, FILED, route.steps());
    walker.file(c.filing(), serial);
    List<Step> steps = c.steps(TODAY);
    walker.walk(c.caseNumber(), steps, serial);
    return steps.size() + 1;
  }

  /** Walks one case of each route with every JDBC statement traced; writes the trace of the ordinary one. */
  static String trace(WholeCases cases, StatementCounter sql, String database) {
    StringBuilder perRoute = new StringBuilder();
    for (Route route : MIX.stream().distinct().toList()) {
      sql.reset();
      sql.trace();
      int steps = cases.walk(route, cases.serials.getAndIncrement());
      perRoute.append("| ").append(route.name()).append(" | ").append(steps).append(" | ").append(sql.statements())
          .append(" | ").append(sql.roundTrips()).append(" | ").append(sql.commits()).append(" |\n");
      if (route == MIX.get(1)) {
        write(database, sql.traced());
      }
    }
    sql.reset();
    return perRoute.toString();
  }

  /** The statements of one ordinary case, one per line, under target/ (to see where the work goes). */
  private static void write(String database, List<String> trace) {
    try {
      Files.write(Path.of("target", "benchmark-sql-" + database + ".txt"), trace);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
