package cn.court.enforcement.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.support.FormCases;
import cn.court.enforcement.support.StaffClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A clerk reads the case variables of their own unit's case, over REST and in the filters'
 * columns, and still cannot read another unit's case.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseVariablesAccessTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;

  private String caseAt(String caseNumber, String activity) {
    return runtime.createProcessInstanceByKey("enforcement-case").businessKey(caseNumber)
        .setVariable("caseNumber", caseNumber).setVariable("applicantName", "张三")
        .setVariable("respondentName", "李四等2人").setVariable("amountClaimed", 12000)
        .setVariable("filingDate", LocalDate.now().toString()).startBeforeActivity(activity).execute().getId();
  }

  /** A called process (the dossier) carries the case's columns, and its task's group reads them. */
  @Test
  void theTasksOfACalledProcessShowTheCaseAndItsParties() {
    String caseNumber = FormCases.newCaseNumber();
    String dossier = runtime.createProcessInstanceQuery()
        .superProcessInstanceId(caseAt(caseNumber, "CallActivity_KeepDossier")).singleResult().getId();

    String columns = StaffClient.rest(port, "liyangyang", "demo")
        .get("/engine-rest/variable-instance?variableScopeIdIn=" + dossier).body();
    assertThat(columns).contains(caseNumber, "张三", "李四等2人", "12000");
  }

  @Test
  void aClerkReadsTheVariablesOfTheirUnitsCaseAndNotAnotherUnitsCase() {
    String intakeNumber = FormCases.newCaseNumber();
    String documentsNumber = FormCases.newCaseNumber();
    String intakeCase = caseAt(intakeNumber, "Task_VerifyFilingData");
    String documentsCase = caseAt(documentsNumber, "Task_RegisterAndServeDocuments");
    StaffClient clerk = StaffClient.rest(port, "lilinxia", "demo");

    HttpResponse<String> own = clerk.get("/engine-rest/process-instance/" + intakeCase + "/variables");
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.body()).contains(intakeNumber, "张三");

    HttpResponse<String> other = clerk.get("/engine-rest/process-instance/" + documentsCase + "/variables");
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(other.body()).doesNotContain(documentsNumber);
    assertThat(clerk.get("/engine-rest/variable-instance?processInstanceIdIn=" + documentsCase).body()).isEqualTo("[]");
    // The instance query sees nothing: to the clerk the other case does not exist.
    assertThat(clerk.get("/engine-rest/process-instance/" + documentsCase).statusCode()).isEqualTo(404);

    // The filters' columns are read like this, by the cases' instances: the own case's number, no other.
    String columns = clerk.get("/engine-rest/variable-instance?variableName=caseNumber&variableScopeIdIn="
        + intakeCase + "," + documentsCase).body();
    assertThat(columns).contains(intakeNumber).doesNotContain(documentsNumber);
  }
}
