package cn.court.enforcement.petition;

import static cn.court.enforcement.petition.PetitionVariables.FINDINGS;
import static cn.court.enforcement.petition.PetitionVariables.RECOMMENDATION_OUTCOME;
import static cn.court.enforcement.petition.PetitionVariables.REPLIED_ON;
import static cn.court.enforcement.petition.PetitionVariables.REPLY;
import static cn.court.enforcement.petition.PetitionVariables.REPLY_METHOD;

import cn.court.enforcement.calendar.Deadlines;
import cn.court.enforcement.casefile.FormCheck;
import cn.court.enforcement.casefile.TaskCompletionListener;
import cn.court.enforcement.organisation.Organisation;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * A reply recorded (核查信访事项并答复, or the procuratorate's own: 回复检察建议, 书面说明执行情况): what
 * was found and what was answered, to whom and when — never before the petition arrived. The
 * procuratorate is answered in writing (回复意见函, 法发〔2016〕30号 第十三条), a recommendation with
 * whether it was adopted; who recorded the reply may not close the petition off.
 */
@Component("recordPetitionReply")
public class RecordPetitionReply extends TaskCompletionListener {

  static final List<String> METHODS = List.of("written", "in-person", "phone");
  static final List<String> OUTCOMES = List.of("adopted", "partly-adopted", "not-adopted");

  private final PetitionRegistry petitions;
  private final Deadlines deadlines;
  private final Organisation organisation;

  public RecordPetitionReply(PetitionRegistry petitions, Deadlines deadlines, Organisation organisation) {
    this.petitions = petitions;
    this.deadlines = deadlines;
    this.organisation = organisation;
  }

  @Override
  protected void completed(DelegateExecution execution) {
    String route = (String) execution.getVariable(PetitionVariables.ROUTE);
    FormCheck check = new FormCheck(execution::getVariable);
    String findings = check.text(FINDINGS, "recommendation".equals(route) || "inquiry".equals(route) ? "查明的事实" : "核查情况");
    String reply = check.text(REPLY, "答复内容");
    String method = "petition".equals(route) ? check.oneOf(REPLY_METHOD, "答复方式", METHODS) : "written";
    String outcome = "recommendation".equals(route) ? check.oneOf(RECOMMENDATION_OUTCOME, "是否采纳检察建议", OUTCOMES) : null;
    LocalDate repliedOn = check.date(REPLIED_ON, "答复日期");
    LocalDate received = deadlines.toDate(execution.getVariable(PetitionVariables.RECEIVED_ON), PetitionVariables.RECEIVED_ON);
    check.require(repliedOn == null || !repliedOn.isBefore(received), "答复日期不能早于收到信访的日期（" + received + "）");
    check.throwIfInvalid(taskName(execution));

    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String by = user == null ? null : user.getUserId();
    petitions.reply(execution.getProcessInstanceId(), findings, reply, method, outcome, repliedOn, by);
    execution.setVariable(PetitionVariables.REPLIED_BY, by);
    execution.setVariable(PetitionVariables.REPLIED_BY_NAME,
        by == null ? null : organisation.person(by).map(Organisation.Staff::name).orElse(by));
  }
}
