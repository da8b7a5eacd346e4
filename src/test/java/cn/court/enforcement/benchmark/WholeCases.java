package cn.court.enforcement.benchmark;

import cn.court.enforcement.demo.CaseRoute;
import cn.court.enforcement.demo.CaseWalker;
import cn.court.enforcement.demo.DemoCases;
import cn.court.enforcement.demo.DemoCases.DemoCase;
import cn.court.enforcement.demo.Step;
import cn.court.enforcement.support.StatementCounter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
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

  /**
   * One route of the mix: its name, the processes it passes, its steps after filing, and the steps of
   * the case resumed (执恢) from it, if it is resumed ({@code null} if not).
   */
  record Route(String name, String passes, UnaryOperator<CaseRoute> steps, UnaryOperator<CaseRoute> resumed) {

    Route(String name, String passes, UnaryOperator<CaseRoute> steps) {
      this(name, passes, steps, null);
    }
  }

  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
  private static final LocalDate FILED = LocalDate.of(2026, 5, 6);
  /** The amount the 终本 ruling leaves unpaid; the resumed case claims it, and the deposit the follow-up finds pays it. */
  private static final String UNPAID = "86500.00";

  /** The routes; a case takes the next one in turn, so each run walks them in these shares. */
  static final List<Route> MIX = mix();

  private final CaseWalker walker;
  private final AtomicInteger serials;
  private final AtomicInteger cases = new AtomicInteger();

  /** {@code firstSerial}: case numbers of this run from there, none in use. */
  WholeCases(CaseWalker walker, int firstSerial) {
    this.walker = walker;
    this.serials = new AtomicInteger(firstSerial);
  }

  private static List<Route> mix() {
    Route quick = new Route("quick, fully performed", "enforcement-case, triage, dossier, handover",
        r -> DemoCases.toQuickTeam(r).quickClose("fully-performed").registerClosure().archive("档-2026-执-Q"));
    Route money = new Route("quick, deposit deducted and paid out", "… and case-funds", WholeCases::depositPaidOut);
    Route ordinary = new Route("ordinary, interviews, fully performed", "… allocation, team hub",
        r -> DemoCases.toTeam(r).interviewBothParties().proposeClosure("fully-performed", null)
            .registerClosure().archive("档-2026-执-O"));
    Route entrusted = new Route("ordinary, offline request to intensive affairs", "… and entrusted-matter",
        r -> DemoCases.toTeam(r).offlineRequest("请冻结被执行人在洛阳银行的账户", true).interviewBothParties()
            .proposeClosure("fully-performed", null).registerClosure().archive("档-2026-执-E"));
    Route auction = new Route("ordinary, real estate sold at the first auction, paid out",
        "… asset-disposal (notice and bidding timers), case-funds",
        r -> DemoCases.toTeam(r).interviewBothParties()
            .measure("investigate-property", "线下调查发现被执行人名下住宅一套，已办理查封")
            .assetDisposal("real-estate", "被执行人名下位于郑州市金水区的住宅一套")
            .auctionSold(1_150_000, 1_236_000, "河南某置业有限公司")
            .payOut(new BigDecimal("1236000"), Step.HANDLING_TEAM).payCaseMoney()
            .proposeClosure("fully-performed", null).registerClosure().archive("档-2026-执-A"));
    Route petition = new Route("ordinary, a petition answered and closed off", "… and petition",
        r -> DemoCases.toTeam(r).interview("applicant", "申请执行人陈述了被执行人的经营和财产线索，同意执行法院调查")
            .petition("申请执行人来访，反映案件执行进度缓慢，要求尽快查控被执行人的财产")
            .answerAndCloseOffPetition("经核查，承办团队已完成网络查控并约谈申请执行人，正在约谈被执行人、督促其履行",
                "已当面向申请执行人说明执行进展、已采取的措施和下一步安排")
            .interview("respondent", "被执行人承认欠款，称资金周转困难，已告知如实申报财产的义务")
            .proposeClosure("fully-performed", null).registerClosure().archive("档-2026-执-P"));
    Route terminated = new Route("终本 after a restriction order, one follow-up query",
        "… termination-review, termination-follow-up (timer)",
        r -> DemoCases.terminated(r, UNPAID).archive("档-2026-执-T").followUpFindsNothing());
    Route resumed = new Route("终本, the follow-up finds a deposit, resumed (执恢) and paid out",
        "… case-resumption, then the 执恢 case as the deposit one",
        r -> DemoCases.terminated(r, UNPAID).archive("档-2026-执-R")
            .followUpFindsProperty(DemoCases.DEPOSIT, "被执行人在中国工商银行郑州金水支行有存款 86500 元，可供执行")
            .approveResumption(),
        r -> depositPaidOut(r.carriedOver(DemoCases.VEHICLE))); // the vehicle the 终本 case found (toTeam)
    // Of twenty cases: five quick, two quick with a deposit paid out, three ordinary, one with an
    // offline request, two whose real estate is auctioned, two with a petition, four 终本 and one 终本
    // resumed (its 执恢 case is a twenty-first). A case's place is its serial modulo twenty; the 终本
    // ones are even, whose filing names no property clue (DemoFilings: odd serials do, and 终本 needs
    // every clue verified first); the deposit ones stay even as they were.
    return List.of(quick, ordinary, terminated, quick, money, auction, terminated, petition, entrusted, ordinary,
        resumed, quick, terminated, quick, money, auction, terminated, petition, quick, ordinary);
  }

  private static CaseRoute depositPaidOut(CaseRoute r) {
    return DemoCases.deducted(r).payOutDeduction(DemoCases.DEPOSIT, "network-control").payCaseMoney()
        .quickClose("fully-performed").registerClosure().archive("档-2026-执-M");
  }

  /** Files and walks the next case of the mix; returns its steps (the filing counted as one). */
  int next() {
    int serial = serials.getAndIncrement();
    return walk(MIX.get(Math.floorMod(serial, MIX.size())), serial);
  }

  /** The cases walked to their end so far, resumed ones included. */
  int cases() {
    return cases.get();
  }

  /** Files and walks case {@code serial} along {@code route}, and the case resumed from it. */
  int walk(Route route, int serial) {
    DemoCase c = new DemoCase(serial, FILED, route.steps());
    walker.file(c.filing(), serial);
    List<Step> steps = c.steps(TODAY);
    walker.walk(c.caseNumber(), steps, serial);
    cases.incrementAndGet();
    if (route.resumed() == null) {
      return steps.size() + 1;
    }
    // The resumption filed the new case; it is walked from intake, its dates from its filing (today).
    String resumed = walker.resumedAs(c.caseNumber());
    LocalDate filed = walker.filedOn(resumed);
    List<Step> more = route.resumed().apply(new CaseRoute(resumed, filed, filed, new BigDecimal(UNPAID))).take();
    walker.walk(resumed, more, serial);
    cases.incrementAndGet();
    return steps.size() + 1 + more.size();
  }

  /** Walks one case of each route with every JDBC statement traced; writes the trace of the ordinary one. */
  static String trace(WholeCases cases, StatementCounter sql, String database) {
    StringBuilder perRoute = new StringBuilder();
    for (Route route : MIX.stream().distinct().toList()) {
      sql.reset();
      sql.trace();
      int steps = cases.walk(route, cases.serialAt(MIX.indexOf(route)));
      perRoute.append("| ").append(route.name()).append(" | ").append(steps).append(" | ").append(sql.statements())
          .append(" | ").append(sql.roundTrips()).append(" | ").append(sql.commits()).append(" |\n");
      if (route == MIX.get(1)) {
        write(database, sql.traced());
      }
    }
    sql.reset();
    return perRoute.toString();
  }

  /** The next unused serial at {@code place} of the mix (those skipped stay unused). */
  private int serialAt(int place) {
    int serial = serials.getAndIncrement();
    while (Math.floorMod(serial, MIX.size()) != place) {
      serial = serials.getAndIncrement();
    }
    return serial;
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
