package cn.court.enforcement.demo;

import cn.court.enforcement.casefile.CaseFiling;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.Spin;

/**
 * The route of one case through {@code enforcement-case} as a list of {@link Step}s, each with
 * the form data its unit would enter in Tasklist. Written once, walked by the demo loader
 * (Java API) and by the end-to-end test (REST). Dates count from the filing date, one step a
 * few days after the other, never later than today (the forms refuse future dates).
 */
public final class CaseRoute {

  /** A property item the network inquiry reports, of the case's {@code respondent}-th respondent (from 1). */
  public record Find(String kind, String holder, double value, boolean controlled, boolean needsOffline,
      int respondent) {

    /** A property item of the first respondent. */
    public Find(String kind, String holder, double value, boolean controlled, boolean needsOffline) {
      this(kind, holder, value, controlled, needsOffline, 1);
    }
  }

  public static final String TEAM_HUB = "Task_ChooseNextMeasure";
  public static final String ALLOCATION = "Task_AllocateTeamAtRandom";

  private final String caseNumber;
  private final LocalDate filed;
  private final LocalDate today;
  /** The amount the filing claims, when known: a payout gives the applicant that much and the respondent the rest. */
  private final BigDecimal claimed;
  private final List<Step> steps = new ArrayList<>();
  private final List<Find> offlineItems = new ArrayList<>();
  private int days;

  public CaseRoute(String caseNumber, LocalDate filed, LocalDate today) {
    this(caseNumber, filed, today, null);
  }

  public CaseRoute(String caseNumber, LocalDate filed, LocalDate today, BigDecimal claimed) {
    this.caseNumber = caseNumber;
    this.filed = filed;
    this.today = today;
    this.claimed = claimed;
  }

  /** The steps added so far, removed from the route (walk them, then go on building). */
  public List<Step> take() {
    List<Step> taken = List.copyOf(steps);
    steps.clear();
    return taken;
  }

  /** Intake finds errors in the filing data and sends the case back to filing. */
  public CaseRoute filingErrors(String errors) {
    return add("Task_VerifyFilingData", "intake", "filingCheck", "needs-correction", "filingErrors", errors);
  }

  /** Filing corrects the case (the start form again, with the corrected data). */
  public CaseRoute correctFiling(Map<String, Object> correctedFiling) {
    return add("Task_CorrectFilingData", "filing", correctedFiling);
  }

  public CaseRoute verifyFiling() {
    return add("Task_VerifyFilingData", "intake", "filingCheck", "correct");
  }

  public CaseRoute reception(String respondentSituation) {
    return add("Task_RecordReception", "intake", "receptionDate", date(1),
        "applicantSituation", "申请执行人已到场，提交了执行依据和身份证明",
        "respondentSituation", respondentSituation, "riskNoticeGiven", true);
  }

  public CaseRoute documents(String serviceMethod) {
    String day = date(2);
    return add("Task_RegisterAndServeDocuments", "documents", "registerEntryNumber",
        "登记-" + caseNumber.replaceAll("\\D", ""),
        "executionNoticeServedOn", day, "propertyReportOrderServedOn", day, "clueNoticeSentOn", day,
        "serviceMethod", serviceMethod);
  }

  /** The archive centre opens the electronic dossier (the dossier process runs beside the case). */
  public CaseRoute dossier() {
    return add("Task_BuildElectronicDossier", "archive", "dossierCreatedOn", date(0),
        "dossierRemarks", "电子卷宗随案同步生成");
  }

  /** National and local inquiry, then one task per property item found. */
  public CaseRoute inquiry(Find... finds) {
    return startInquiry(finds.length > 0).propertyItems(finds);
  }

  public CaseRoute startInquiry(boolean found) {
    String day = date(1);
    return add("Task_StartNetworkInquiry", "network-control", "nationalInquiryOn", day, "localInquiryOn", day,
        "inquiryResult", found ? "found" : "none");
  }

  public CaseRoute propertyItems(Find... finds) {
    for (int i = 0; i < finds.length; i++) {
      Find find = finds[i];
      add("Task_RecordPropertyItem", "network-control", "respondentPartyId", Step.respondent(find.respondent()),
          "propertyKind", find.kind(),
          "holderInstitution", find.holder(), "propertyValue", find.value(),
          "propertyControlled", find.controlled(), "needsOfflineAction", find.needsOffline(),
          "propertyRemarks", find.controlled() ? "已网上冻结" : "需线下办理", "moreItems", i < finds.length - 1);
      if (find.needsOffline()) {
        offlineItems.add(find);
      }
    }
    return this;
  }

  /**
   * The property items a resumed case took over from the case it resumes (termination/ResumptionFiling
   * copies them, without their old measures): those that need offline action are controlled again.
   */
  public CaseRoute carriedOver(Find... finds) {
    for (Find find : finds) {
      if (find.needsOffline()) {
        offlineItems.add(find);
      }
    }
    return this;
  }

  /** Intensive affairs handles each item found that needs offline action. */
  public CaseRoute offlineControl() {
    for (Find find : offlineItems) {
      String measure = switch (find.kind()) {
        case "real-estate", "vehicle", "equity" -> "seize";
        case "housing-fund", "deposit", "online-funds" -> "deduct";
        default -> "freeze";
      };
      add("Task_ControlPropertyOffline", "intensive-affairs", "offlineMeasure", measure,
          "measureDate", date(3), "measureSummary", "已到" + find.holder() + "办理" + label(measure) + "手续");
    }
    offlineItems.clear();
    return this;
  }

  /** Triage records the six criteria (all checkboxes, as the form sends them). */
  public CaseRoute triageFacts(boolean depositsCoverDebt, boolean settlementLikely) {
    return add("Task_RecordTriageFacts", "triage", "depositsCoverDebt", depositsCoverDebt,
        "assistanceNoticeSuffices", false, "realEstateOrVehicleTransfer", false,
        "performanceOrSettlementLikely", settlementLikely, "refusalOrRejectionLikely", false,
        "otherSimpleCase", false);
  }

  /** Triage confirms the suggested track, or overrides it with a reason. */
  public CaseRoute confirmTrack(String track, String overrideReason) {
    Map<String, Object> confirm = vars("caseTrack", track);
    if (overrideReason != null) {
      confirm.put("overrideReason", overrideReason);
    }
    return add("Task_ConfirmTrack", "triage", confirm);
  }

  /**
   * Triage sends the case to an ordinary team, excluding teams for a conflict of interest
   * (回避): the form's checklist, a Json array as Tasklist sends it.
   */
  public CaseRoute confirmOrdinaryExcluding(List<String> conflictTeams, String conflictReason) {
    return add("Task_ConfirmTrack", "triage", "caseTrack", "ordinary", "conflictTeams", Spin.JSON(conflictTeams),
        "conflictReason", conflictReason);
  }

  /** Random allocation: an asynchronous service task. */
  public CaseRoute allocate() {
    steps.add(Step.job(ALLOCATION));
    return this;
  }

  /** The quick team's leader names a member of the team as the case's handler. */
  public CaseRoute nameQuickHandler() {
    return add("Task_NameQuickHandler", "quick-team", "caseHandler", Step.TEAM_MEMBER);
  }

  /** The allocated team's leader names a member of the team as the case's handler. */
  public CaseRoute nameTeamHandler() {
    return add("Task_NameTeamHandler", Step.HANDLING_TEAM, "caseHandler", Step.TEAM_MEMBER);
  }

  public CaseRoute quickClose(String closureKind) {
    return add("Task_HandleQuickCase", "quick-team", "quickOutcome", "close", "closureKind", closureKind,
        "closureReason", "被执行人已全部履行");
  }

  /** The team chooses a measure at its hub task; {@code extra} are the fields that measure shows. */
  public CaseRoute chooseMeasure(String measure, Object... extra) {
    Map<String, Object> form = vars(extra);
    form.put("nextMeasure", measure);
    return add(TEAM_HUB, Step.HANDLING_TEAM, form);
  }

  public CaseRoute interview(String party, String summary) {
    chooseMeasure("interview");
    Map<String, Object> form = vars("interviewParty", party, "measureDate", date(5), "measureSummary", summary);
    if (CaseFiling.RESPONDENT.equals(party)) {
      form.put("respondentPartyId", Step.respondent(1));
    }
    return add("Task_RecordInterview", Step.HANDLING_TEAM, form);
  }

  public CaseRoute interviewBothParties() {
    return interview("applicant", "申请执行人陈述了被执行人的经营和财产线索，同意执行法院调查")
        .interview("respondent", "被执行人承认欠款，称资金周转困难，已告知如实申报财产的义务");
  }

  public CaseRoute measure(String measure, String summary) {
    chooseMeasure(measure);
    return add("Task_RecordTeamMeasure", Step.HANDLING_TEAM, "respondentPartyId", Step.respondent(1),
        "measureDate", date(4), "measureSummary", summary);
  }

  /**
   * A punishment proposed by the team, with the kind's own fields ({@code details}: name, value …,
   * e.g. the fine's amount or the dishonest-list ground); then who the law names approves or signs it.
   */
  public CaseRoute punishment(String kind, String grounds, Object... details) {
    chooseMeasure("punishment");
    Map<String, Object> form = vars(details);
    form.putAll(vars("respondentPartyId", Step.respondent(1), "punishmentKind", kind, "punishmentGrounds", grounds));
    return add("Task_ProposePunishment", Step.HANDLING_TEAM, form);
  }

  /** The president approves the proposed 拘传, fine or detention (民事诉讼法 第一百一十九条). */
  public CaseRoute presidentApproves() {
    return add("Task_ApprovePunishment", "court-presidents", "presidentDecision", "approve");
  }

  /** A judge signs the decision document (after the president's approval, or an exit restriction, a referral). */
  public CaseRoute judgeSigns() {
    return add("Task_SignPunishmentRuling", "judges", "punishmentDecision", "signed",
        "rulingNumber", ruling("之一"), "measureDate", date(2), "measureSummary", "决定书已签发并送达");
  }

  /** The president signs the consumption-restriction order. */
  public CaseRoute presidentSignsRestriction() {
    return add("Task_SignConsumptionRestriction", "court-presidents", "punishmentDecision", "signed",
        "rulingNumber", ruling("之限1"), "measureDate", date(2),
        "measureSummary", "自即日起至履行完毕止，限制乘坐飞机、列车软卧等高消费；违反者依法予以罚款、拘留");
  }

  /** The president signs the dishonest-list decision, and with it the consumption-restriction order. */
  public CaseRoute presidentSignsListing() {
    return add("Task_SignDishonestListing", "court-presidents", "punishmentDecision", "signed",
        "rulingNumber", ruling("之失1"), "measureDate", date(2), "measureSummary", "纳入失信被执行人名单并公布",
        "restrictionOrderNumber", ruling("之限1"));
  }

  /** The team asks intensive affairs for an offline measure (entrusted-matter beside the case); done, it reports back. */
  public CaseRoute offlineRequest(String request, boolean done) {
    chooseMeasure("offline-request", "offlineRequest", request);
    if (done) {
      add("Task_HandleOfflineRequest", "intensive-affairs", "offlineMeasure", "seize",
          "measureDate", date(3), "measureSummary", "已按团队请求办理完毕");
      steps.add(Step.job("Task_ReportToCase"));
    }
    return this;
  }

  /** The team sends an asset described by hand to disposal, which runs beside the case (asset-disposal). */
  public CaseRoute assetDisposal(String kind, String asset) {
    return chooseMeasure("asset-disposal", "disposalPropertyKind", kind, "assetDescription", asset);
  }

  /**
   * The deducted money in case-funds: funds confirms its arrival, the unit that deducted it
   * settles it for the applicant, a bureau leader approves the payout (finance then pays).
   */
  public CaseRoute payOutDeduction(Find find, String settlingUnit) {
    return payOut(BigDecimal.valueOf(find.value()), settlingUnit);
  }

  /**
   * Money of {@code amount} arrived in case-funds: funds confirms it, {@code settlingUnit} settles it
   * (the applicant's share up to the amount claimed, when the route knows it, the rest back to the
   * respondent), a bureau leader approves the payout (finance then pays).
   */
  public CaseRoute payOut(BigDecimal amount, String settlingUnit) {
    BigDecimal total = amount.setScale(2);
    BigDecimal applicant = claimed == null ? total : total.min(claimed.setScale(2));
    BigDecimal rest = total.subtract(applicant);
    add("Task_ConfirmMoneyArrival", "funds", "arrivalConfirmed", true, "confirmationNote", "已与执行款专户流水核对");
    add("Task_SettleCaseMoney", settlingUnit, "amountChecked", true, "executionFee", "0.00", "disposalCosts", "0.00",
        "applicantNotifiedOn", date(2), "payoutTotal", total.toPlainString(),
        "payee1", "申请执行人", "share1", applicant.toPlainString(),
        "payee2", rest.signum() > 0 ? "被执行人" : null, "share2", rest.signum() > 0 ? rest.toPlainString() : null);
    return add("Task_ApprovePayout", "bureau-leaders", "payoutDecision", "approve", "approvalOpinion", "同意发放");
  }

  /**
   * Finance pays the approved payout and funds ends its supervision of the money (case-funds ends):
   * the case may close once its money is paid.
   */
  public CaseRoute payCaseMoney() {
    add("Task_PayCaseMoney", "finance", "paymentResult", "paid", "paidOn", date(1));
    return add("Task_SuperviseCaseMoney", "funds", "supervisionNote", "已逐环节核对，案款发放完毕");
  }

  /**
   * The auction team sells the asset sent to disposal at the first online auction (asset-disposal,
   * beside the case): the parties agree the reference price (当事人议价); the notice gives a start
   * price of 70% of it and bidding from 31 days after publication (real estate: at least 30,
   * 第十二条) for 24 hours; the notice period and the bidding end (timers, run as jobs); the buyer
   * pays the price in full; the disposal reports to the case in a transaction of its own (a job),
   * and the case starts case-funds for the price.
   */
  public CaseRoute auctionSold(double referencePrice, double finalPrice, String buyer) {
    add("Task_ChooseReferenceMethod", "auction", "referenceMethod", "negotiation",
        "referenceNotes", "申请执行人与被执行人协商一致确定参考价");
    add("Task_RecordReferencePrice", "auction", "referencePrice", referencePrice, "referenceDate", date(5));
    String published = date(2);
    LocalDate bidding = LocalDate.parse(date(31));
    add("Task_PublishAuctionNotice", "auction", "startPrice",
        BigDecimal.valueOf(referencePrice).multiply(new BigDecimal("0.7")).setScale(2, RoundingMode.CEILING).doubleValue(),
        "noticePublishedOn", published, "auctionStartDate", bidding.toString(), "auctionStartTime", "10:00",
        "auctionEndDate", bidding.plusDays(1).toString(), "auctionEndTime", "10:00", "auctionPlatform", "人民法院诉讼资产网");
    steps.add(Step.job("Event_NoticePeriodEnds"));
    steps.add(Step.job("Event_BiddingEnds"));
    add("Task_RecordAuctionResult", "auction", "auctionResult", "sold", "buyer", buyer, "finalPrice", finalPrice);
    add("Task_RecordProceeds", "auction", "proceedsAmount", finalPrice, "proceedsArrivedOn", date(6),
        "disposalPayer", buyer);
    steps.add(Step.job("Task_ReportDisposal"));
    return this;
  }

  /** The quick team sends an asset described by hand to disposal, then decides again. */
  public CaseRoute quickAssetDisposal(String kind, String asset) {
    return add("Task_HandleQuickCase", "quick-team", "quickOutcome", "asset-disposal", "disposalPropertyKind", kind,
        "assetDescription", asset);
  }

  /** Network control records a deposit it deducted online: the money arrives (case-funds, for funds). */
  public CaseRoute deductedDeposit(Find find) {
    String day = date(1);
    return add("Task_RecordPropertyItem", "network-control", "respondentPartyId", Step.respondent(find.respondent()),
        "propertyKind", find.kind(), "holderInstitution", find.holder(), "propertyValue", find.value(),
        "propertyControlled", true, "needsOfflineAction", false, "propertyRemarks", "已网上扣划",
        "propertyDeducted", true, "deductedAmount", find.value(), "deductedOn", day, "moreItems", false);
  }

  /** The handler records the result of the case's first open property clue (clue-verification). */
  public CaseRoute verifyClue(String result, String notes) {
    return add("Task_VerifyPropertyClue", Step.HANDLING_TEAM, "clueResult", result, "verifiedOn", date(1), "clueNotes", notes);
  }

  public CaseRoute proposeClosure(String closureKind, String reason) {
    return chooseMeasure("propose-closure", "closureKind", closureKind, "closureReason", reason);
  }

  public CaseRoute signClosureRuling() {
    return add("Task_SignClosureRuling", "judges", "closureRulingNumber", ruling("之二"),
        "closureRulingSignedOn", date(3));
  }

  /** 终本 approved: first review (termination-first-review), approval (termination-approval), the judge's ruling. */
  public CaseRoute approveTermination(String unpaidAmount) {
    return add("Task_ReviewTerminationConditions", "termination", "terminationDecision", "approved",
        "terminationOpinion", "经审查，终本条件均已具备，报请审批")
        .add("Task_ApproveTermination", "termination", "terminationApproval", "approved",
            "terminationApprovalOpinion", "同意终结本次执行程序")
        .add("Task_SignTerminationRuling", "judges", "terminationRulingNumber", ruling("之三"),
            "terminationRuledOn", date(2), "unpaidAmount", unpaidAmount);
  }


  public CaseRoute registerClosure() {
    return add("Task_RegisterClosure", "documents", "closedDate", date(2), "closureRemarks", "已登记结案");
  }

  /** After closure the archive centre hands the image dossier with the paper dossier to the archives office. */
  public CaseRoute handOverDossier() {
    return add("Task_MakeImageDossier", "archive", "imageDossierMadeOn", date(10), "paperVolumes", 1, "imagePages", 120);
  }

  /** funds publishes the closing ruling online; the dossier is handed over and the archives office archives it. */
  public CaseRoute archive(String archiveNumber) {
    add("Task_PublishRuling", "funds", "rulingPublication", "published", "rulingPublishedOn", date(3));
    handOverDossier();
    return archiveDossier(archiveNumber);
  }

  /** The archives office accepts the dossier handed over: the case is archived. */
  public CaseRoute archiveDossier(String archiveNumber) {
    return add("Task_ArchiveDossier", "archives-office", "archiveDecision", "accepted", "archiveNumber", archiveNumber,
        "archivedOn", date(5));
  }

  /**
   * Six months after 终本 the follow-up's timer fires (a job step: the walker runs it, the engine
   * clock need not move), network control queries the respondent's property and finds none,
   * documents tells the applicant (termination-follow-up).
   */
  public CaseRoute followUpFindsNothing() {
    return followUpQuery(vars("propertyFound", false));
  }

  /**
   * The same query finds {@code find}: documents tells the applicant, and the follow-up asks for
   * resumption (case-resumption beside it), which its approver reviews next.
   */
  public CaseRoute followUpFindsProperty(Find find, String description) {
    return followUpQuery(vars("propertyFound", true, "propertyKind", find.kind(),
        "propertyValue", BigDecimal.valueOf(find.value()).setScale(2).toPlainString(), "propertyDescription", description));
  }

  private CaseRoute followUpQuery(Map<String, Object> result) {
    steps.add(Step.job("Event_SixMonthsPassed"));
    add("Task_QueryRespondentProperty", "network-control", result);
    return add("Task_InformApplicantOfQuery", "documents", "informedBy", "letter");
  }

  /** The resumption approver (杨国平, termination) approves: the resumed case (执恢) is filed and begins with intake. */
  public CaseRoute approveResumption() {
    return add("Task_ReviewResumption", "termination", "resumptionDecision", "approved");
  }

  /**
   * The applicant visits the petitions unit about this case: a member registers the petition with the
   * case number (petition, beside the case; its handler is told).
   */
  public CaseRoute petition(String matter) {
    steps.add(Step.start("petition", "petitions", vars("petitionKind", "visit", "petitioner", "申请执行人",
        "petitionMatter", matter, "receivedOn", date(1), "petitionCaseNumber", caseNumber)));
    return this;
  }

  /** The petition's assistant (贺琦) answers it in person; its handler (李文莹) closes it off (核销). */
  public CaseRoute answerAndCloseOffPetition(String findings, String reply) {
    add("Task_AnswerPetition", "petitions", "petitionFindings", findings, "petitionReply", reply,
        "replyMethod", "in-person", "repliedOn", date(3));
    return add("Task_CloseOffPetition", "petitions", "closeOffDecision", "closed-off",
        "closeOffOpinion", "答复充分，信访人表示理解，予以核销");
  }

  /** Rulings within a case are numbered after it: （2026）豫0000执9001号之一. */
  private String ruling(String suffix) {
    return caseNumber + suffix;
  }

  private static String label(String measure) {
    return switch (measure) {
      case "seize" -> "查封";
      case "deduct" -> "扣划";
      default -> "冻结";
    };
  }

  /** The date of a step {@code after} days after the previous one, capped at today. */
  private String date(int after) {
    days += after;
    LocalDate day = filed.plusDays(days);
    return (day.isAfter(today) ? today : day).toString();
  }

  private CaseRoute add(String taskKey, String group, Object... pairs) {
    return add(taskKey, group, vars(pairs));
  }

  private CaseRoute add(String taskKey, String group, Map<String, Object> form) {
    steps.add(new Step(taskKey, group, form));
    return this;
  }

  /** Form fields by name; a field left empty (null) is not sent. */
  private static Map<String, Object> vars(Object... pairs) {
    Map<String, Object> vars = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] != null) {
        vars.put((String) pairs[i], pairs[i + 1]);
      }
    }
    return vars;
  }
}
