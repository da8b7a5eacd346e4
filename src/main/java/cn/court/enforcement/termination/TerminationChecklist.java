package cn.court.enforcement.termination;

import cn.court.enforcement.casefile.CaseRegistry;
import cn.court.enforcement.casefile.CaseRegistry.CaseParty;
import cn.court.enforcement.casefile.CaseRegistry.PropertyItem;
import cn.court.enforcement.casefile.ClosureCondition;
import cn.court.enforcement.casefile.PropertyKinds;
import cn.court.enforcement.clues.UnverifiedClues;
import cn.court.enforcement.termination.CaseRecords.Measure;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The 终本 checklist computed from the case's own records, per respondent: each condition of
 * 《最高人民法院关于严格规范终结本次执行程序的规定（试行）》第一条 (with 第二条, 第三条, 第五条) met or not,
 * with the evidence found. Nobody ticks it: the documents unit's service dates, network control's
 * inquiry dates, the team's measures and interviews, the punishment records, the clues, the
 * property items and the other features' {@link ClosureCondition}s are read when asked.
 */
@Component
public class TerminationChecklist {

  /** Measures the handling team records on form team-measure for this checklist. */
  public static final String APPLICANT_HEARD = "applicant-heard";
  public static final String RESPONDENT_MISSING = "respondent-missing";
  public static final String MISSING_SEARCHED = "search-missing-respondent";
  public static final String OBSTRUCTION = "obstruction";
  static final String REPORT_INTERVIEW = "interview-respondent";
  static final String RESTRICTION = "punishment-consumption-restriction";
  static final String DISHONEST_LIST = "punishment-dishonest-list";
  /** 第一条第五项: 罚款、拘留等强制措施, 构成犯罪的启动刑事责任追究程序. */
  static final Set<String> COERCIVE = Set.of("punishment-fine", "punishment-detention", "punishment-crime-referral");
  /** Case variables of the documents unit (Task_RegisterAndServeDocuments) and network control (Task_StartNetworkInquiry). */
  static final String NOTICE_SERVED = "executionNoticeServedOn";
  static final String REPORT_ORDER_SERVED = "propertyReportOrderServedOn";
  static final String NATIONAL_INQUIRY = "nationalInquiryOn";
  static final String LOCAL_INQUIRY = "localInquiryOn";
  static final int MONTHS = 3;

  private final CaseRegistry registry;
  private final CaseRecords records;
  private final UnverifiedClues clues;
  private final List<ClosureCondition> closureConditions;

  public TerminationChecklist(CaseRegistry registry, CaseRecords records, UnverifiedClues clues,
      List<ClosureCondition> closureConditions) {
    this.registry = registry;
    this.records = records;
    this.clues = clues;
    this.closureConditions = closureConditions;
  }

  /** One condition for one respondent: met or not, with the evidence (or what is missing). */
  public record Check(TerminationCondition condition, boolean met, String evidence) {

    String line() {
      return condition.title() + "：" + (met ? "符合" : "不符合") + "。" + evidence;
    }
  }

  /** The checklist of one respondent. */
  public record RespondentChecklist(String respondent, List<Check> checks) {

    public List<Check> unmet() {
      return checks.stream().filter(check -> !check.met()).toList();
    }

    public String text() {
      return "被执行人 " + respondent + "\n" + checks.stream().map(Check::line).collect(Collectors.joining("\n"));
    }
  }

  /** The checklist of every respondent of the case; {@code caseVariables} are the case's process variables. */
  public List<RespondentChecklist> of(String caseNumber, Function<String, Object> caseVariables) {
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
    List<String> closureRefusals = closureConditions.stream()
        .map(condition -> condition.refusal(caseNumber, "procedure-terminated"))
        .flatMap(Optional::stream).toList();
    Optional<LocalDate> registered = records.filingDate(caseNumber);
    if (registered.isEmpty()) {
      return List.of();
    }
    LocalDate filed = registered.get();
    Optional<String> unverified = clues.againstTermination(caseNumber);
    List<PropertyItem> items = registry.propertyItems(caseNumber);
    List<Measure> all = records.measures(caseNumber);
    // 第五条 concerns the applicant: a hearing recorded in the case counts for every respondent.
    Check applicantHeard = applicantHeard(all);
    return registry.respondents(caseNumber).stream().map(respondent -> {
      List<Measure> measures = all.stream().filter(m -> m.concerns(respondent.id())).toList();
      List<PropertyItem> own = items.stream()
          .filter(item -> item.respondentId() == null || item.respondentId() == respondent.id()).toList();
      return new RespondentChecklist(label(respondent), List.of(
          noticeAndReport(caseVariables, measures),
          restriction(measures),
          investigation(caseVariables, measures, unverified, own, closureRefusals),
          threeMonths(filed, today),
          searchAndObstruction(measures),
          applicantHeard));
    }).toList();
  }

  /** The whole checklist as the review form shows it, one section per respondent. */
  public static String text(List<RespondentChecklist> checklist) {
    return checklist.stream().map(RespondentChecklist::text).collect(Collectors.joining("\n\n"));
  }

  /** Why 终本 cannot be approved, naming each unmet condition of each respondent; empty when all are met. */
  public static Optional<String> refusal(List<RespondentChecklist> checklist) {
    if (checklist.isEmpty()) {
      return Optional.of("案件登记中没有被执行人，无法核查终本条件");
    }
    List<String> unmet = checklist.stream()
        .flatMap(respondent -> respondent.unmet().stream()
            .map(check -> "被执行人 " + respondent.respondent() + " 不符合“" + check.condition().title() + "”：" + check.evidence()))
        .toList();
    return unmet.isEmpty() ? Optional.empty() : Optional.of(String.join("；", unmet));
  }

  /** 第一条第一项, 第二条第一项至第三项. */
  private static Check noticeAndReport(Function<String, Object> vars, List<Measure> measures) {
    Object notice = vars.apply(NOTICE_SERVED);
    Object order = vars.apply(REPORT_ORDER_SERVED);
    List<String> missing = new ArrayList<>();
    List<String> evidence = new ArrayList<>();
    collect(notice, "执行通知书 %s 送达", "执行通知书未送达", evidence, missing);
    collect(order, "报告财产令 %s 送达", "报告财产令未送达", evidence, missing);
    Optional<Measure> report = first(measures, REPORT_INTERVIEW::equals);
    report.ifPresentOrElse(m -> evidence.add("被执行人财产报告已在谈话中核查（" + m.evidence() + "）"),
        () -> missing.add("尚无被执行人谈话笔录，报告的财产情况未核查（第二条第二项）"));
    // 第二条第三项: a late, refused or false report is obstruction recorded as such and punished under 第一条第五项.
    return check(TerminationCondition.NOTICE_AND_REPORT, evidence, missing);
  }

  /** 第一条第二项: the order always; the dishonest list where the respondent obstructed or evaded (失信规定第一条). */
  private static Check restriction(List<Measure> measures) {
    List<String> missing = new ArrayList<>();
    List<String> evidence = new ArrayList<>();
    first(measures, RESTRICTION::equals).ifPresentOrElse(m -> evidence.add("限制消费令：" + m.evidence()),
        () -> missing.add("尚未发出限制消费令"));
    Optional<Measure> listed = first(measures, DISHONEST_LIST::equals);
    Optional<Measure> obstruction = first(measures, OBSTRUCTION::equals);
    if (listed.isPresent()) {
      evidence.add("已纳入失信名单：" + listed.get().evidence());
    } else if (obstruction.isPresent()) {
      missing.add("被执行人有妨害执行或违反财产报告制度的行为（" + obstruction.get().evidence() + "），符合纳入失信名单的条件，尚未纳入");
    } else {
      evidence.add("未记录符合纳入失信名单条件的行为");
    }
    return check(TerminationCondition.RESTRICTION, evidence, missing);
  }

  /** 第一条第三项, 第三条: online inquiry national and local, every clue verified, nothing left to dispose of or pay out. */
  private static Check investigation(Function<String, Object> vars, List<Measure> measures, Optional<String> unverified,
      List<PropertyItem> items, List<String> closureRefusals) {
    List<String> missing = new ArrayList<>();
    List<String> evidence = new ArrayList<>();
    collect(vars.apply(NATIONAL_INQUIRY), "全国网络查控 %s", "未经全国网络执行查控系统查询", evidence, missing);
    collect(vars.apply(LOCAL_INQUIRY), "本地网络查控 %s", "未经本地网络执行查控系统查询", evidence, missing);
    unverified.ifPresentOrElse(missing::add, () -> evidence.add("申请执行人提供和被执行人报告的财产线索均已核查"));
    long investigated = measures.stream().filter(m -> "investigate-property".equals(m.measure())).count();
    if (investigated > 0) {
      evidence.add("调查、控制财产措施 " + investigated + " 次");
    }
    evidence.add(items.isEmpty() ? "未查得财产" : "查得财产：" + items.stream().map(TerminationChecklist::item)
        .collect(Collectors.joining("、")));
    missing.addAll(closureRefusals);
    return check(TerminationCondition.INVESTIGATION, evidence, missing);
  }

  /** 第一条第四项: 自执行案件立案之日起已超过三个月. */
  private static Check threeMonths(LocalDate filed, LocalDate today) {
    LocalDate due = filed.plusMonths(MONTHS);
    boolean met = today.isAfter(due);
    return new Check(TerminationCondition.THREE_MONTHS, met, "立案日期 " + filed + "，" + (met
        ? "至今已超过三个月"
        : "须在 " + due + " 之后方满三个月"));
  }

  /** 第一条第五项: a recorded disappearance needs a later search, recorded obstruction a fine, detention or referral. */
  private static Check searchAndObstruction(List<Measure> measures) {
    List<String> missing = new ArrayList<>();
    List<String> evidence = new ArrayList<>();
    first(measures, RESPONDENT_MISSING::equals).ifPresent(gone -> first(measures, MISSING_SEARCHED::equals)
        .ifPresentOrElse(search -> evidence.add("下落不明（" + gone.evidence() + "），已查找：" + search.evidence()),
            () -> missing.add("被执行人下落不明（" + gone.evidence() + "），尚无查找记录")));
    first(measures, OBSTRUCTION::equals).ifPresent(act -> first(measures, COERCIVE::contains)
        .ifPresentOrElse(punished -> evidence.add("妨害执行（" + act.evidence() + "），已采取强制措施：" + punished.evidence()),
            () -> missing.add("有妨害执行行为（" + act.evidence() + "），尚未采取罚款、拘留等强制措施或移送追究刑事责任")));
    if (evidence.isEmpty() && missing.isEmpty()) {
      evidence.add("未记录被执行人下落不明或妨害执行的情形");
    }
    return check(TerminationCondition.SEARCH_AND_OBSTRUCTION, evidence, missing);
  }

  /** 第五条: 告知申请执行人并听取其对终结本次执行程序的意见, the opinion recorded. */
  private static Check applicantHeard(List<Measure> measures) {
    Optional<Measure> heard = measures.stream().filter(m -> APPLICANT_HEARD.equals(m.measure()))
        .reduce((earlier, later) -> later);
    return heard.map(m -> new Check(TerminationCondition.APPLICANT_HEARD, true, "申请执行人意见：" + m.evidence()))
        .orElse(new Check(TerminationCondition.APPLICANT_HEARD, false,
            "尚未告知申请执行人案件执行情况、财产调查措施及终本的法律后果并记录其意见"));
  }

  private static Check check(TerminationCondition condition, List<String> evidence, List<String> missing) {
    return missing.isEmpty()
        ? new Check(condition, true, String.join("；", evidence))
        : new Check(condition, false, String.join("；", missing));
  }

  private static void collect(Object date, String found, String absent, List<String> evidence, List<String> missing) {
    if (date == null || date.toString().isBlank()) {
      missing.add(absent);
    } else {
      evidence.add(found.formatted(date));
    }
  }

  private static Optional<Measure> first(List<Measure> measures, Predicate<String> kind) {
    return measures.stream().filter(m -> kind.test(m.measure())).findFirst();
  }

  private static String item(PropertyItem item) {
    return PropertyKinds.LABELS.getOrDefault(item.kind(), item.kind()) + "（" + item.holderInstitution() + "，" + item.value().toPlainString() + " 元"
        + (item.controlled() ? "，已控制" : "") + "）";
  }

  private static String label(CaseParty respondent) {
    return respondent.party().name() + "（" + respondent.party().idNumber() + "）";
  }
}
