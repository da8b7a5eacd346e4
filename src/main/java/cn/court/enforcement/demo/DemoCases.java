package cn.court.enforcement.demo;

import cn.court.enforcement.casefile.CaseVariables;
import cn.court.enforcement.demo.CaseRoute.Find;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The demo cases: one per line, each walked to a different stage so every unit has work. The
 * newest case is first; older cases have come further. Filed between February and November 2026.
 */
public final class DemoCases {

  /** One demo case: its number, filing date and the route walked so far. */
  public record DemoCase(int serial, LocalDate filed, UnaryOperator<CaseRoute> route) {

    public String caseNumber() {
      return DemoFilings.caseNumber(serial);
    }

    public Map<String, Object> filing() {
      return DemoFilings.filing(serial, filed);
    }

    public List<Step> steps(LocalDate today) {
      return route.apply(new CaseRoute(caseNumber(), filed, today, claimed())).take();
    }

    /** The amount the filing claims. */
    public BigDecimal claimed() {
      return BigDecimal.valueOf((Double) filing().get(CaseVariables.AMOUNT_CLAIMED));
    }
  }

  private static final LocalDate NEWEST_FILING = LocalDate.of(2026, 11, 20);
  private static final int DAYS_BETWEEN_FILINGS = 9;

  private DemoCases() {
  }

  public static final Find DEPOSIT = new Find("deposit", "中国工商银行郑州金水支行", 86_500, true, false);
  public static final Find ONLINE_FUNDS = new Find("online-funds", "支付宝（中国）网络技术有限公司", 3_260.45, true, false);
  public static final Find VEHICLE = new Find("vehicle", "郑州市公安局交通管理支队车辆管理所", 98_000, false, true);
  public static final Find HOUSE = new Find("real-estate", "郑州市不动产登记中心", 1_150_000, false, true);
  public static final Find HOUSING_FUND = new Find("housing-fund", "郑州住房公积金管理中心", 42_300, false, true);

  /** The plan, newest first. */
  static List<DemoCase> all(LocalDate today) {
    List<UnaryOperator<CaseRoute>> routes = List.of(
        r -> r, // 核对立案信息 (intake)
        r -> r,
        r -> r.filingErrors("被执行人统一社会信用代码与营业执照不符，请核对更正"), // 更正立案信息 (filing)
        r -> r.verifyFiling(), // 登记初次接待情况 (intake)
        DemoCases::intake, // 登记并送达 (documents)
        r -> intake(r.filingErrors("申请执行人联系电话有误").correctFiling(corrected(DemoFilings.FIRST_SERIAL + 5, today))), // documents
        r -> toNetworkControl(r), // 网络查询 (network-control)
        r -> intake(r).documents("post"), // 网络查询, dossier not yet built (archive)
        r -> toNetworkControl(r).startInquiry(true), // 登记查控财产 (network-control)
        r -> toNetworkControl(r).inquiry(DEPOSIT, VEHICLE), // 线下查控 (intensive-affairs)
        r -> toNetworkControl(r).inquiry(HOUSE, HOUSING_FUND),
        r -> toTriage(r, ONLINE_FUNDS), // 登记繁简分流要素 (triage)
        r -> toTriage(r, DEPOSIT).triageFacts(true, false), // 确认分流方式 (triage)
        DemoCases::toQuickTrack, // 指定承办人 (quick-team leader)
        DemoCases::toQuickTeam, // 办理快执案件 (quick-team)
        r -> toQuickTeam(r).quickAssetDisposal("vehicle", "被执行人名下小型轿车一辆（豫A·3C7Q1）"), // quick-team again, the disposal beside it
        r -> deducted(r), // 核对到账案款 (funds)
        r -> deducted(r).payOutDeduction(DEPOSIT, "network-control"), // 审核并支付执行款 (finance)
        DemoCases::toTeam, // team hub, handler just named
        DemoCases::toAllocatedTeam, // 指定承办人 (the allocated team's leader)
        r -> toTeam(r).interview("applicant", "申请执行人提供了被执行人名下车辆停放地点")
            .petition("申请执行人来访，反映车辆线索已提供多日，要求尽快扣押"), // 核查信访事项并答复 (petitions)
        r -> toTeam(r).interviewBothParties(),
        r -> toTeam(r).interviewBothParties().measure("investigate-property", "已核查申请人提供的全部财产线索"),
        r -> toTeam(r).measure("search-residence", "对被执行人住所进行了搜查，未发现可供执行的财产"),
        r -> toTeam(r).measure("settlement", "组织双方和解，被执行人同意分三期履行"),
        r -> toTeam(r).interviewBothParties().chooseMeasure("interview"), // 记录当事人谈话 (team)
        r -> toTeam(r).interviewBothParties()
            .punishment("consumption-restriction", "被执行人未按执行通知履行义务"), // 签发限制消费令 (court-presidents)
        // 80,000 yuan: within the limits for a person and for an organisation alike
        r -> toTeam(r).interviewBothParties().punishment("fine", "被执行人拒不报告财产", "fineAmount", 80_000)
            .presidentApproves(), // 签发惩戒决定书 (judges)
        r -> toTeam(r).interviewBothParties().assetDisposal("real-estate", "被执行人名下位于郑州市金水区的住宅一套"), // auction
        r -> toTeam(r).offlineRequest("请冻结被执行人在洛阳银行的账户", false), // 办理线下查控事项 (intensive-affairs)
        r -> toTeam(r).interviewBothParties().measure("investigate-property", "经网络和线下调查，未发现可供执行的财产")
            .verifyClue("not-found", "经查询中国工商银行郑州分行，被执行人账户余额为零；名下车辆已被其他法院首封")
            .punishment("dishonest-list", "被执行人拒不报告财产", "dishonestGround", "violates-property-report")
            .presidentSignsListing() // a listing of two years: dishonest-listing waits for its end
            .proposeClosure("procedure-terminated", "经穷尽调查未发现可供执行财产，申请执行人同意终本"), // termination
        r -> toTeam(r).interviewBothParties().proposeClosure("terminated", "申请执行人撤回执行申请")
            .signClosureRuling(), // 登记结案信息 (documents)
        r -> toTeam(r).interviewBothParties().proposeClosure("fully-performed", null), // 登记结案信息 (documents)
        r -> terminated(r, "1305737.00").handOverDossier() // 审核归档 (archives-office)
            .followUpFindsProperty(VEHICLE, "被执行人名下新登记小型轿车一辆（豫A·5N8T2）"), // 审查恢复执行 (termination)
        r -> toQuickTeam(r).quickClose("fully-performed").registerClosure(), // 裁判文书上网 (funds)
        r -> toTeam(r).interviewBothParties().proposeClosure("fully-performed", null)
            .registerClosure().archive("档-2026-执-0417")); // archived: finished
    List<DemoCase> cases = new ArrayList<>();
    for (int k = 0; k < routes.size(); k++) {
      cases.add(new DemoCase(DemoFilings.FIRST_SERIAL + k, filed(k, today), routes.get(k)));
    }
    return cases;
  }

  /**
   * An extra ordinary case, just allocated (serials after the plan's). Teams that already have
   * demo work are excluded from its draw, so it lands on a team that has none.
   */
  static DemoCase extraTeamCase(int serial, LocalDate today, List<String> teamsWithWork) {
    return new DemoCase(serial, filed(serial % 11, today), r -> toTriage(r, VEHICLE).triageFacts(false, false)
        .confirmOrdinaryExcluding(teamsWithWork, "演示数据：该团队已有演示案件，本案分给尚无案件的团队").allocate());
  }

  /** The filing data of case {@code serial} with the applicant's phone number corrected. */
  private static Map<String, Object> corrected(int serial, LocalDate today) {
    return DemoFilings.filing(serial, filed(serial - DemoFilings.FIRST_SERIAL, today),
        "13937100" + "%03d".formatted(serial % 1000));
  }

  private static LocalDate filed(int k, LocalDate today) {
    LocalDate date = NEWEST_FILING.minusDays((long) k * DAYS_BETWEEN_FILINGS);
    return date.isAfter(today) ? today : date;
  }

  private static CaseRoute intake(CaseRoute r) {
    return r.verifyFiling().reception("被执行人经营困难，名下可能有车辆和银行存款");
  }

  private static CaseRoute toNetworkControl(CaseRoute r) {
    return intake(r).documents("direct").dossier();
  }

  private static CaseRoute toTriage(CaseRoute r, Find... finds) {
    return toNetworkControl(r).inquiry(finds).offlineControl();
  }

  private static CaseRoute toQuickTrack(CaseRoute r) {
    return toTriage(r, DEPOSIT).triageFacts(true, false).confirmTrack("quick", null);
  }

  public static CaseRoute toQuickTeam(CaseRoute r) {
    return toQuickTrack(r).nameQuickHandler();
  }

  /** Network control deducted the deposit online (money arrives in case-funds); the quick team has the case. */
  public static CaseRoute deducted(CaseRoute r) {
    return toNetworkControl(r).startInquiry(true).deductedDeposit(DEPOSIT).offlineControl().triageFacts(true, false)
        .confirmTrack("quick", null).nameQuickHandler();
  }

  private static CaseRoute toAllocatedTeam(CaseRoute r) {
    return toTriage(r, VEHICLE).triageFacts(false, false).confirmTrack("ordinary", null).allocate();
  }

  public static CaseRoute toTeam(CaseRoute r) {
    return toAllocatedTeam(r).nameTeamHandler();
  }

  /**
   * 终本: the team investigates and finds nothing, the president signs the consumption-restriction
   * order, the applicant is heard; termination-review approves and the judge rules with {@code unpaidAmount}
   * unpaid; documents registers the closure (the follow-up starts).
   */
  public static CaseRoute terminated(CaseRoute r, String unpaidAmount) {
    return toTeam(r).interviewBothParties().measure("investigate-property", "网络及线下调查均未发现可供执行的财产")
        .punishment("consumption-restriction", "被执行人未按执行通知履行义务").presidentSignsRestriction()
        .measure("applicant-heard", "已告知申请执行人执行情况及终本后果，申请执行人同意终本")
        .proposeClosure("procedure-terminated", "被执行人暂无可供执行的财产，申请执行人同意终本")
        .approveTermination(unpaidAmount).registerClosure();
  }
}
