package cn.court.enforcement.casefile;

import static cn.court.enforcement.casefile.CaseVariables.ASSIGNMENT_REASON;
import static cn.court.enforcement.casefile.CaseVariables.CASE_MONEY_PAID_OUT;
import static cn.court.enforcement.casefile.CaseVariables.CASE_MONEY_RECEIVED;
import static cn.court.enforcement.casefile.CaseVariables.CASE_TRACK;
import static cn.court.enforcement.casefile.CaseVariables.CLOSED_DATE;
import static cn.court.enforcement.casefile.CaseVariables.CONFLICT_REASON;
import static cn.court.enforcement.casefile.CaseVariables.CONFLICT_TEAMS;
import static cn.court.enforcement.casefile.CaseVariables.FILING_CHECK;
import static cn.court.enforcement.casefile.CaseVariables.FILING_ERRORS;
import static cn.court.enforcement.casefile.CaseVariables.HANDLING_TEAM;
import static cn.court.enforcement.casefile.CaseVariables.HAND_BACK_REASON;
import static cn.court.enforcement.casefile.CaseVariables.INQUIRY_RESULT;
import static cn.court.enforcement.casefile.CaseVariables.MONEY_ARRIVED_DATE;
import static cn.court.enforcement.casefile.CaseVariables.MONEY_PAID_OUT;
import static cn.court.enforcement.casefile.CaseVariables.MONEY_RECEIVED;
import static cn.court.enforcement.casefile.CaseVariables.NEXT_MEASURE;
import static cn.court.enforcement.casefile.CaseVariables.OVERRIDE_REASON;
import static cn.court.enforcement.casefile.CaseVariables.PUNISHMENT_KIND;
import static cn.court.enforcement.casefile.CaseVariables.QUICK_OUTCOME;
import static cn.court.enforcement.casefile.CaseVariables.SUGGESTED_TRACK;
import static cn.court.enforcement.casefile.CaseVariables.TERMINATION_DECISION;
import static java.util.Map.entry;

import cn.court.enforcement.allocation.AllocationProperties;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Server-side form rules of the tasks that only collect data: the same required fields and
 * formats as the forms, checked when the task is completed (a refusal keeps the task open).
 * Tasks that also write the case registry check their data in their own listener.
 */
@Component("checkTaskForm")
public class CheckTaskForm extends TaskCompletionListener {

  public static final List<String> MEASURES = List.of("serve-documents", "investigate-property",
      "search-residence", "settlement", "vacate-house", "interview", "punishment", "offline-request",
      "asset-disposal", "case-money", "propose-closure");
  static final Set<String> PUNISHMENTS = Set.of("fine", "detention", "consumption-restriction",
      "dishonest-list", "exit-restriction", "crime-referral");
  /** The allocation feature records at most this many characters (and refuses more). */
  static final int MAX_CONFLICT_REASON = 200;

  /** The ordinary teams a case can go to: the random-allocation pool. */
  private final List<String> ordinaryTeams;
  private final Map<String, Consumer<FormCheck>> rules;

  public CheckTaskForm(AllocationProperties allocation) {
    this.ordinaryTeams = allocation.pool();
    this.rules = rules();
  }

  private Map<String, Consumer<FormCheck>> rules() {
    return Map.ofEntries(
        entry("Task_VerifyFilingData", CheckTaskForm::filingVerification),
        entry("Task_RecordReception", CheckTaskForm::reception),
        entry("Task_RegisterAndServeDocuments", CheckTaskForm::documents),
        entry("Task_StartNetworkInquiry", CheckTaskForm::networkInquiry),
        entry("Task_ConfirmTrack", this::trackConfirmation),
        entry("Task_HandleQuickCase", this::quickCase),
        entry("Task_AssignTeamByDecision", this::teamAssignment),
        entry("Task_ChooseNextMeasure", CheckTaskForm::nextMeasure),
        entry("Task_ProposePunishment", CheckTaskForm::punishmentProposal),
        entry("Task_SignClosureRuling", check -> {
          check.text("closureRulingNumber", "结案裁定文号");
          check.date("closureRulingSignedOn", "裁定签署日期");
        }),
        entry("Task_RegisterClosure", check -> check.date(CLOSED_DATE, "结案日期")),
        entry("Task_DisposeAsset", check -> {
          check.oneOf("disposalOutcome", "处置结果", Set.of("auctioned", "sold-off", "in-lieu", "released", "kept"));
          check.amount("disposalProceeds", "变价款金额");
        }),
        entry("Task_RegisterCaseMoney", check -> {
          check.amount(MONEY_RECEIVED, "到账金额");
          check.date(MONEY_ARRIVED_DATE, "到账日期");
        }),
        entry("Task_PayOutCaseMoney", CheckTaskForm::payOut),
        entry("Task_ReviewTerminationConditions", check -> {
          check.oneOf(TERMINATION_DECISION, "审查结论", Set.of("approved", "rejected"));
          check.text("terminationOpinion", "审查意见");
        }),
        entry("Task_SignTerminationRuling", check -> {
          check.text("terminationRulingNumber", "终本裁定文号");
          check.date("terminationRulingSignedOn", "裁定签署日期");
        }),
        entry("Task_ApproveExtension", check -> {
          check.oneOf("leaderDecision", "审批意见", Set.of("approve", "refuse"));
          check.optionalText("leaderComment", "审批说明", FormCheck.MAX_TEXT);
        }),
        entry("Task_SignExtension", check -> {
          check.oneOf("judgeDecision", "签署", Set.of("sign", "refuse"));
          check.optionalText("judgeComment", "说明", FormCheck.MAX_TEXT);
        }),
        entry("Task_BuildElectronicDossier", check -> check.date("dossierCreatedOn", "电子卷宗生成日期")),
        entry("Task_ArchiveDossier", check -> {
          check.text("archiveNumber", "档案号");
          check.date("archivedOn", "归档日期");
        }));
  }

  @Override
  protected void completed(DelegateExecution execution) {
    Consumer<FormCheck> rule = rules.get(execution.getCurrentActivityId());
    if (rule == null) {
      throw new IllegalStateException("No form rule for task " + execution.getCurrentActivityId());
    }
    FormCheck check = new FormCheck(execution::getVariable);
    rule.accept(check);
    check.throwIfInvalid(taskName(execution));
  }

  private static void filingVerification(FormCheck check) {
    String result = check.oneOf(FILING_CHECK, "核对结果", Set.of("correct", "needs-correction"));
    if ("needs-correction".equals(result)) {
      check.text(FILING_ERRORS, "需更正的内容");
    }
  }

  private static void reception(FormCheck check) {
    check.date("receptionDate", "接待日期");
    check.text("respondentSituation", "被执行人及其财产情况");
    check.require(check.flag("riskNoticeGiven"), "须向申请执行人告知执行风险并勾选确认");
  }

  private static void documents(FormCheck check) {
    check.text("registerEntryNumber", "流转登记簿编号");
    check.date("executionNoticeServedOn", "执行通知书送达日期");
    check.date("propertyReportOrderServedOn", "报告财产令送达日期");
    check.date("clueNoticeSentOn", "提供财产线索通知发出日期");
    check.oneOf("serviceMethod", "送达方式", Set.of("direct", "post", "electronic", "public-notice"));
  }

  private static void networkInquiry(FormCheck check) {
    check.date("nationalInquiryOn", "总对总查询日期");
    check.date("localInquiryOn", "点对点查询日期");
    check.oneOf(INQUIRY_RESULT, "查询结果", Set.of("found", "none"));
  }

  private void trackConfirmation(FormCheck check) {
    String track = check.oneOf(CASE_TRACK, "分流方式", Set.of(CaseVariables.TRACK_QUICK, CaseVariables.TRACK_ORDINARY));
    if (track != null && !track.equals(check.optionalText(SUGGESTED_TRACK))) {
      check.text(OVERRIDE_REASON, "不采纳分流建议的理由");
    }
    if (CaseVariables.TRACK_ORDINARY.equals(track)) {
      conflicts(check);
    }
  }

  private void quickCase(FormCheck check) {
    String outcome = check.oneOf(QUICK_OUTCOME, "办理结果", Set.of("close", "case-money", "hand-back"));
    if ("hand-back".equals(outcome)) {
      check.text(HAND_BACK_REASON, "转为普通案件的理由");
      conflicts(check);
    }
  }

  /** Teams excluded for a conflict of interest (回避) need a reason; randomAllocation reads both. */
  private void conflicts(FormCheck check) {
    List<String> teams = check.list(CONFLICT_TEAMS, "回避团队");
    teams.forEach(team -> check.require(ordinaryTeams.contains(team), "回避团队的取值无效：" + team));
    if (!teams.isEmpty()) {
      check.text(CONFLICT_REASON, "回避理由", MAX_CONFLICT_REASON);
    }
  }

  private void teamAssignment(FormCheck check) {
    String team = check.text(HANDLING_TEAM, "承办团队");
    if (team != null) {
      check.require(ordinaryTeams.contains(team), "承办团队的取值无效：" + team);
      check.require(!check.list(CONFLICT_TEAMS, "回避团队").contains(team), "所选团队已因回避被排除，请另选团队");
    }
    check.text(ASSIGNMENT_REASON, "指定承办团队的理由");
  }

  private static void nextMeasure(FormCheck check) {
    String measure = check.oneOf(NEXT_MEASURE, "下一项措施", MEASURES);
    if ("offline-request".equals(measure)) {
      check.text("offlineRequest", "请求办理的线下查控事项");
    } else if ("asset-disposal".equals(measure)) {
      check.text("assetDescription", "待处置财产");
    }
  }

  private static void punishmentProposal(FormCheck check) {
    String kind = check.oneOf(PUNISHMENT_KIND, "惩戒措施", PUNISHMENTS);
    check.text("punishmentGrounds", "惩戒事由");
    if ("fine".equals(kind)) {
      BigDecimal fine = check.amount("fineAmount", "罚款金额");
      check.require(fine == null || fine.signum() > 0, "罚款金额应大于0");
    } else if ("detention".equals(kind)) {
      BigDecimal days = check.nonNegative("detentionDays", "拘留天数");
      check.require(days == null || days.stripTrailingZeros().scale() <= 0
          && days.compareTo(BigDecimal.ONE) >= 0 && days.compareTo(BigDecimal.valueOf(15)) <= 0, "拘留天数应为1至15日的整数");
    }
  }

  /** Pays out at most what is still unpaid: earlier runs' remainder plus what arrived now. */
  private static void payOut(FormCheck check) {
    BigDecimal paid = check.amount(MONEY_PAID_OUT, "发放金额");
    if (paid != null && paid.signum() > 0) {
      check.date("moneyPaidOutOn", "发放日期");
    }
    BigDecimal unpaid = FormCheck.money(check.raw(CASE_MONEY_RECEIVED))
        .subtract(FormCheck.money(check.raw(CASE_MONEY_PAID_OUT)))
        .add(FormCheck.money(check.raw(MONEY_RECEIVED)));
    check.require(paid == null || paid.compareTo(unpaid) <= 0,
        "发放金额不能超过待发放金额（" + unpaid.toPlainString() + " 元）");
  }
}
