package cn.court.enforcement.casepage;

import cn.court.enforcement.calendar.CaseClock;
import cn.court.enforcement.calendar.CaseTerm.PauseReason;
import cn.court.enforcement.casefile.CaseRegistry;
import cn.court.enforcement.casefile.CaseRegistry.CaseParty;
import cn.court.enforcement.demo.CaseRoute;
import cn.court.enforcement.demo.CaseRoute.Find;
import cn.court.enforcement.demo.CaseWalker;
import cn.court.enforcement.demo.DemoFilings;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real case for the case page's tests: filed by the filing clerk and walked by each unit through
 * intake, documents, network control (a deposit and a vehicle of the first respondent), offline
 * control, triage and random allocation until its team's handler has interviewed both parties; a
 * public notice stood the clock still for 30 days. The team is whichever the draw chose.
 */
record TeamCase(String caseNumber, String team, String handler, String outsider, List<CaseParty> parties) {

  private static final AtomicInteger SERIAL = new AtomicInteger(7850);
  static final Find DEPOSIT = new Find("deposit", "中国建设银行郑州花园路支行", 36_800, true, false);
  static final Find VEHICLE = new Find("vehicle", "郑州市公安局交通管理支队车辆管理所", 98_000, false, true);
  static final String RESPONDENT_INTERVIEW = "被执行人承认欠款，称资金周转困难，已告知如实申报财产的义务";

  static TeamCase walk(CaseWalker walker, CaseRegistry registry, CaseClock clock) {
    return walk(walker, registry, clock, false);
  }

  /** {@code toTheArchive}: then closed as fully performed, its ruling published and its dossier archived. */
  static TeamCase walk(CaseWalker walker, CaseRegistry registry, CaseClock clock, boolean toTheArchive) {
    int serial = SERIAL.incrementAndGet();
    String caseNumber = DemoFilings.caseNumber(serial);
    LocalDate today = LocalDate.now();
    LocalDate filed = today.minusDays(40);
    walker.file(DemoFilings.filing(serial, filed), 0);
    CaseRoute route = new CaseRoute(caseNumber, filed, today);
    walker.walk(caseNumber, route.verifyFiling().reception("被执行人名下有存款和一辆轿车").documents("direct").dossier()
        .inquiry(DEPOSIT, VEHICLE).offlineControl().triageFacts(false, false).confirmTrack("ordinary", null)
        .allocate().nameTeamHandler().interview("applicant", "申请执行人陈述了被执行人的经营和财产线索")
        .interview("respondent", RESPONDENT_INTERVIEW).take(), 0);
    String team = registry.handler(caseNumber).orElseThrow().team();
    String handler = registry.handler(caseNumber).orElseThrow().handler();
    clock.pause(caseNumber, PauseReason.PUBLIC_NOTICE, filed.plusDays(5), filed.plusDays(35), "公告送达");
    if (toTheArchive) {
      walker.walk(caseNumber, route.proposeClosure("fully-performed", null).registerClosure()
          .archive("档-2026-执-" + serial).take(), 0);
    }
    String otherTeam = Stream.of("ordinary-team-1", "ordinary-team-2", "ordinary-team-3")
        .filter(t -> !t.equals(team)).findFirst().orElseThrow();
    return new TeamCase(caseNumber, team, handler, walker.member(otherTeam, 2).id(), registry.parties(caseNumber));
  }

  String applicant() {
    return parties.get(0).party().name();
  }

  String respondent() {
    return parties.stream().filter(p -> "respondent".equals(p.party().role())).findFirst().orElseThrow().party().name();
  }
}
