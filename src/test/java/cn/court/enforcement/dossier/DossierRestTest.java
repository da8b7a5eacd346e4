package cn.court.enforcement.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.support.FormCases;
import cn.court.enforcement.support.StaffClient;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The catalogue and the key nodes over REST, with the staff's own logins: the archive centre
 * (whose dossier task lets it read the case) and a supervisor read them; a team member without
 * a task in the case is refused, an unknown case is not found, a wrong password is not let in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DossierRestTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired DossierRegister register;

  /** A filed case whose dossier waits at 同步生成电子卷宗 (archive), with two catalogued documents. */
  private String caseWithCatalogue() {
    String caseNumber = FormCases.newCaseNumber();
    runtime.createProcessInstanceByKey("enforcement-case").businessKey(caseNumber)
        .setVariable("caseNumber", caseNumber).setVariable("filingDate", LocalDate.now().toString())
        .startBeforeActivity("CallActivity_KeepDossier").execute();
    LocalDateTime scanned = LocalDateTime.of(2026, 3, 2, 10, 15);
    register.catalogue(new CatalogueEntry(caseNumber, null, "立案材料", "执行申请书", 3, scanned, "liyangyang", null));
    register.catalogue(new CatalogueEntry(caseNumber, null, "立案材料", "生效判决书", 8, scanned.plusMinutes(5), "liyangyang", null));
    return caseNumber;
  }

  private static String catalogue(String caseNumber) {
    return "/api/dossier/catalogue?caseNumber=" + URLEncoder.encode(caseNumber, StandardCharsets.UTF_8);
  }

  @Test
  void theArchiveCentreAndSupervisorsReadTheCatalogue() {
    String caseNumber = caseWithCatalogue();
    HttpResponse<String> archive = StaffClient.rest(port, "liyangyang", "demo").get(catalogue(caseNumber));
    HttpResponse<String> supervisor = StaffClient.rest(port, "wanghui", "demo").get(catalogue(caseNumber));

    assertThat(archive.statusCode()).isEqualTo(200);
    assertThat(archive.body()).contains("执行申请书", "生效判决书", "立案材料", "liyangyang", "2026-03-02T10:15");
    assertThat(archive.body().indexOf("执行申请书")).isLessThan(archive.body().indexOf("生效判决书"));
    assertThat(supervisor.statusCode()).isEqualTo(200);
    assertThat(supervisor.body()).isEqualTo(archive.body());

    HttpResponse<String> nodes = StaffClient.rest(port, "wanghui", "demo").get("/api/dossier/key-nodes?caseNumber="
        + URLEncoder.encode(caseNumber, StandardCharsets.UTF_8));
    assertThat(nodes.statusCode()).isEqualTo(200);
    assertThat(nodes.body()).contains("\"node\":\"network-control\"", "\"label\":\"案款发放\"", "\"missing\":false");
  }

  @Test
  void othersAreRefused() {
    String caseNumber = caseWithCatalogue();
    HttpResponse<String> team = StaffClient.rest(port, "zhouyuan", "demo").get(catalogue(caseNumber));
    assertThat(team.statusCode()).isEqualTo(403);
    assertThat(team.body()).contains("只有本案的办案人员、卷宗管理中心和监督部门可以查看").doesNotContain("执行申请书");

    HttpResponse<String> unknown = StaffClient.rest(port, "wanghui", "demo").get(catalogue("（2000）豫0000执1号"));
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("不存在");

    // A user no other test logs in with: a failed login locks its user for a few seconds.
    assertThat(StaffClient.rest(port, "wanghuizhen", "wrong-password").get(catalogue(caseNumber)).statusCode())
        .isEqualTo(401);
  }
}
