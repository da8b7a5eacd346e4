package cn.court.enforcement.petition;

import static cn.court.enforcement.petition.PetitionVariables.CASE_NUMBER_GIVEN;
import static cn.court.enforcement.petition.PetitionVariables.CONTACT;
import static cn.court.enforcement.petition.PetitionVariables.DEADLINE_GIVEN;
import static cn.court.enforcement.petition.PetitionVariables.HANDED_DOWN_BY;
import static cn.court.enforcement.petition.PetitionVariables.HANDED_DOWN_REFERENCE;
import static cn.court.enforcement.petition.PetitionVariables.KIND;
import static cn.court.enforcement.petition.PetitionVariables.MATTER;
import static cn.court.enforcement.petition.PetitionVariables.PETITIONER;
import static cn.court.enforcement.petition.PetitionVariables.PROCURATORATE_DOCUMENT;
import static cn.court.enforcement.petition.PetitionVariables.RECEIVED_ON;

import cn.court.enforcement.casefile.CaseRegistry;
import cn.court.enforcement.casefile.CaseRegistry.CaseHandler;
import cn.court.enforcement.casefile.CaseVariables;
import cn.court.enforcement.casefile.FormCheck;
import cn.court.enforcement.casefile.InvalidCaseDataException;
import cn.court.enforcement.escalation.Notification;
import cn.court.enforcement.escalation.Notifier;
import cn.court.enforcement.organisation.Organisation;
import cn.court.enforcement.petition.PetitionRegistry.Registration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code petition} (登记信访事项): checks the petition against the case registry
 * and records it. A case number that is not a case of this court is refused (a petition about no
 * case of ours is registered without one); a known case is linked — its number becomes the
 * business key, so the petition shows with the case in Tasklist and in the case's petition list —
 * and its handler is told, as 法〔2021〕227号 第四条第二款 asks materials about a running case to be
 * passed to its handler. A refusal starts nothing (Chinese 400).
 */
@Component("registerPetition")
public class RegisterPetition implements ExecutionListener {

  static final String NOTIFICATION_KIND = "PETITION";

  private final PetitionRegistry petitions;
  private final CaseRegistry cases;
  private final Organisation organisation;
  private final Notifier notifier;

  public RegisterPetition(PetitionRegistry petitions, CaseRegistry cases, Organisation organisation, Notifier notifier) {
    this.petitions = petitions;
    this.cases = cases;
    this.organisation = organisation;
    this.notifier = notifier;
  }

  @Override
  public void notify(DelegateExecution execution) {
    FormCheck check = new FormCheck(execution::getVariable);
    PetitionKind kind = PetitionKind.of(check.oneOf(KIND, "信访类型",
        Arrays.stream(PetitionKind.values()).map(PetitionKind::value).toList())).orElse(null);
    String petitioner = check.text(PETITIONER, "信访人", 200);
    String contact = check.optionalText(CONTACT, "联系方式", 100);
    String matter = check.text(MATTER, "信访事项");
    LocalDate received = check.date(RECEIVED_ON, "收到日期");
    boolean handedDown = kind != null && kind.handedDown();
    String handedDownBy = handedDown ? check.text(HANDED_DOWN_BY, "交办、转办或监督机关", 200) : null;
    String reference = handedDown ? check.optionalText(HANDED_DOWN_REFERENCE, "文号", 100) : null;
    String document = kind == PetitionKind.PROCURATORATE
        ? check.oneOf(PROCURATORATE_DOCUMENT, "检察监督文书", List.of("recommendation", "inquiry")) : null;
    LocalDate deadline = kind == PetitionKind.HIGHER_COURT || kind == PetitionKind.OTHER_BODY
        ? optionalDay(check) : null;
    check.require(deadline == null || received == null || !deadline.isBefore(received), "要求办结日期不能早于收到日期");
    String caseNumber = check.optionalText(CASE_NUMBER_GIVEN, "涉及案号", 64);
    check.throwIfInvalid("无法登记信访事项");
    if (caseNumber != null && !cases.exists(caseNumber)) {
      throw new InvalidCaseDataException("无法登记信访事项：案号 " + caseNumber
          + " 不是本院登记的执行案件，请核对；信访不涉及本院执行案件的，不填案号。");
    }

    String replyTo = handedDown ? handedDownBy : petitioner;
    Registration registration = new Registration(kind, petitioner, contact, handedDownBy, reference, document, deadline,
        matter, received, caseNumber, replyTo);
    String registeredBy = registrar(execution);
    long id = petitions.register(registration, execution.getProcessInstanceId(), registeredBy);
    Optional<CaseHandler> handler = caseNumber == null ? Optional.empty() : cases.handler(caseNumber);

    // The case is always the business key: whatever a caller submitted, a petition names its case or none.
    execution.setProcessBusinessKey(caseNumber);
    if (caseNumber != null) {
      execution.setVariable(CaseVariables.CASE_NUMBER, caseNumber);
    } else {
      execution.removeVariable(CaseVariables.CASE_NUMBER);
    }
    execution.setVariable(PetitionVariables.PETITION_ID, id);
    execution.setVariable(PetitionVariables.REPLY_TO, replyTo);
    execution.setVariable(PetitionVariables.ROUTE, document != null ? document : "petition");
    execution.setVariable(PetitionVariables.SUMMARY, summary(id, registration, handler));
    handler.ifPresent(named -> notifier.toUsers(List.of(named.handler()), new Notification(null, NOTIFICATION_KIND,
        "信访事项涉及您承办的案件 " + caseNumber, kind.label() + "，信访人 " + petitioner + "：" + matter, caseNumber,
        execution.getProcessInstanceId(), null)));
  }

  /** The date the handing-down body asks for, if any (its format is the form's rule, checked before this). */
  private static LocalDate optionalDay(FormCheck check) {
    String text = check.optionalText(DEADLINE_GIVEN);
    return text == null ? null : LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
  }

  private static String registrar(DelegateExecution execution) {
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return user == null ? null : user.getUserId();
  }

  /** The petition as the reply and close-off forms show it. */
  private String summary(long id, Registration petition, Optional<CaseHandler> handler) {
    StringBuilder text = new StringBuilder("信访登记号：").append(id)
        .append("\n类型：").append(petition.kind().label())
        .append("\n信访人：").append(petition.petitioner());
    if (petition.contact() != null) {
      text.append("（").append(petition.contact()).append("）");
    }
    text.append("\n收到日期：").append(petition.receivedOn());
    if (petition.handedDownBy() != null) {
      text.append("\n交办、转办或监督机关：").append(petition.handedDownBy());
      if (petition.handedDownReference() != null) {
        text.append("（").append(petition.handedDownReference()).append("）");
      }
    }
    if (petition.procuratorateDocument() != null) {
      text.append("\n检察监督文书：").append("recommendation".equals(petition.procuratorateDocument())
          ? "检察建议书" : "要求说明案件执行情况");
    }
    if (petition.deadlineGiven() != null) {
      text.append("\n要求办结日期：").append(petition.deadlineGiven());
    }
    text.append("\n涉及案件：").append(petition.caseNumber() == null ? "未涉及本院执行案件" : petition.caseNumber()
        + handler.map(named -> "（承办：" + unitName(named.team()) + " " + personName(named.handler()) + "）")
            .orElse("（尚未确定承办人）"));
    return text.append("\n信访事项：").append(petition.matter()).toString();
  }

  private String unitName(String group) {
    return organisation.unit(group).map(Organisation.Unit::name).orElse(group);
  }

  private String personName(String user) {
    return organisation.person(user).map(Organisation.Staff::name).orElse(user);
  }
}
