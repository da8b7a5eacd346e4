package cn.court.enforcement.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.casefile.CaseRegistry;
import cn.court.enforcement.support.StaffClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public query without login, in the running application: the right code shows the timeline,
 * stage, team, phone and handler and of the respondent the name only; a wrong code answers exactly
 * as an unknown case; repeated failures are refused with 429, per address and per case number.
 * The filing clerk gets the code from the acceptance notice, once. Each test uses its own
 * addresses (sent as a reverse proxy on this host would).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DisclosureRestTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired CaseRegistry registry;

  private String filedCase() {
    return FiledCase.file(runtime, tasks);
  }

  private HttpResponse<String> notice(String user, String caseNumber) {
    return StaffClient.rest(port, user, "demo").fromPage().get("/api/disclosure/acceptance-notice?caseNumber="
        + URLEncoder.encode(caseNumber, StandardCharsets.UTF_8));
  }

  private String printedCode(String caseNumber) throws Exception {
    HttpResponse<String> notice = notice("lianyuan", caseNumber);
    assertThat(notice.statusCode()).isEqualTo(200);
    return JSON.readTree(notice.body()).get("queryCode").asText();
  }

  private HttpResponse<String> query(String address, String caseNumber, String code) throws Exception {
    return StaffClient.rest(port, null, null).from(address).post("/public/api/disclosure",
        JSON.writeValueAsString(Map.of("caseNumber", caseNumber, "queryCode", code)));
  }

  @Test
  void rightCodeShowsTheCaseAsTheApplicantMaySeeIt() throws Exception {
    String caseNumber = filedCase();
    String code = printedCode(caseNumber);

    HttpResponse<String> answer = query("198.51.100.10", caseNumber, code.toLowerCase());
    assertThat(answer.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(answer.body());
    assertThat(body.get("caseNumber").asText()).isEqualTo(caseNumber);
    assertThat(body.get("filingDate").asText()).isEqualTo(LocalDate.now().toString());
    assertThat(body.get("applicants").toString()).isEqualTo("[\"张三\"]");
    assertThat(body.get("respondents").toString()).isEqualTo("[\"某某建材有限公司\"]");
    assertThat(body.get("currentStage").asText()).isEqualTo("初次接待：登记初次接待情况");
    assertThat(body.get("team").asText()).isEqualTo("信息核对初次接待");
    assertThat(body.get("teamPhone").asText()).isEqualTo("0371-60000120");
    assertThat(body.get("handler").isNull()).isTrue();
    assertThat(body.get("timeline").toString()).isEqualTo("[{\"name\":\"案件已立案\",\"started\":\"%1$s\",\"ended\":\"%1$s\"},"
        .formatted(LocalDate.now()) + "{\"name\":\"核对立案信息\",\"started\":\"%1$s\",\"ended\":\"%1$s\"},".formatted(LocalDate.now())
        + "{\"name\":\"登记初次接待情况\",\"started\":\"%s\",\"ended\":null}]".formatted(LocalDate.now()));
    // Of the respondent the name only; nothing of the filing beyond what is listed above.
    assertThat(answer.body()).doesNotContain("李某", "91350100M000100Y43", "工业园区", "11010519491231002X",
        "13800138000", "人民路", "120000", "被执行人在某银行有存款", "filingCheck", "correct");
    assertThat(body.fieldNames()).toIterable().containsExactlyInAnyOrder("caseNumber", "filingDate", "applicants",
        "respondents", "currentStage", "team", "teamPhone", "handler", "timeline");

    registry.assignHandler(caseNumber, "ordinary-team-3", "lvzhanpeng", null, "jiaoyangbo");
    JsonNode allocated = JSON.readTree(query("198.51.100.10", caseNumber, code).body());
    assertThat(allocated.get("team").asText()).isEqualTo("普执三团队");
    assertThat(allocated.get("teamPhone").asText()).isEqualTo("0371-60000243");
    assertThat(allocated.get("handler").asText()).isEqualTo("吕展鹏");
  }

  @Test
  void wrongCodeAnswersExactlyAsAnUnknownCase() throws Exception {
    String caseNumber = filedCase();
    String code = printedCode(caseNumber);
    String wrong = (code.charAt(0) == 'A' ? "B" : "A") + code.substring(1);

    HttpResponse<String> wrongCode = query("198.51.100.20", caseNumber, wrong);
    HttpResponse<String> unknownCase = query("198.51.100.21", "（2000）豫0000执1号", code);
    assertThat(wrongCode.statusCode()).isEqualTo(404).isEqualTo(unknownCase.statusCode());
    assertThat(wrongCode.body()).isEqualTo(unknownCase.body()).contains("案号或查询码不正确");
    assertThat(wrongCode.headers().map().keySet()).isEqualTo(unknownCase.headers().map().keySet());

    HttpResponse<String> blank = query("198.51.100.22", caseNumber, " ");
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(blank.body()).contains("请填写案号和查询码");
    HttpResponse<String> notJson = StaffClient.rest(port, null, null).from("198.51.100.22")
        .post("/public/api/disclosure", "{caseNumber:");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.body()).contains("请求格式不正确").doesNotContain("Exception");
  }

  @Test
  void repeatedFailuresAreRefusedPerAddressAndPerCaseNumber() throws Exception {
    String caseNumber = filedCase();
    String code = printedCode(caseNumber);
    String wrong = (code.charAt(0) == 'A' ? "B" : "A") + code.substring(1);
    for (int i = 0; i <= DisclosureThrottle.FREE_FAILURES; i++) {
      assertThat(query("198.51.100.30", caseNumber, wrong).statusCode()).as("failure " + (i + 1)).isEqualTo(404);
    }
    HttpResponse<String> refused = query("198.51.100.30", caseNumber, code);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.body()).contains("查询失败次数过多，请", "秒后再试");
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(query("198.51.100.31", caseNumber, code).statusCode()).as("the same case from elsewhere").isEqualTo(429);
    assertThat(query("198.51.100.30", "（2026）豫0000执2号", code).statusCode()).as("the same address").isEqualTo(429);
  }

  @Test
  void theAcceptanceNoticeShowsTheCodeOnceToTheFilingDivisionOnly() throws Exception {
    String caseNumber = filedCase();
    assertThat(notice("zhouyuan", caseNumber).statusCode()).isEqualTo(403);
    String path = "/api/disclosure/acceptance-notice?caseNumber=" + URLEncoder.encode(caseNumber, StandardCharsets.UTF_8);
    StaffClient linkedFromElsewhere = StaffClient.rest(port, "lianyuan", "demo");
    for (HttpResponse<String> refused : List.of(linkedFromElsewhere.get(path), linkedFromElsewhere.post(path, ""))) {
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(refused.body()).get("message").asText()).contains("受理通知书页面");
    }
    String code = printedCode(caseNumber);
    assertThat(code).hasSize(QueryCodes.LENGTH);

    JsonNode again = JSON.readTree(notice("lianyuan", caseNumber).body());
    assertThat(again.get("queryCode").isNull()).isTrue();
    assertThat(again.get("printedAt").isNull()).isFalse();
    assertThat(again.get("applicants").toString()).isEqualTo("[\"张三\"]");
    assertThat(runtime.createVariableInstanceQuery().list()).as("no process variable holds the code")
        .noneMatch(v -> String.valueOf(v.getValue()).contains(code));

    HttpResponse<String> reissued = StaffClient.rest(port, "siyonghao", "demo").fromPage().post("/api/disclosure/acceptance-notice?caseNumber="
        + URLEncoder.encode(caseNumber, StandardCharsets.UTF_8), "");
    assertThat(reissued.statusCode()).isEqualTo(200);
    String newCode = JSON.readTree(reissued.body()).get("queryCode").asText();
    assertThat(query("198.51.100.40", caseNumber, newCode).statusCode()).isEqualTo(200);
    assertThat(query("198.51.100.40", caseNumber, code).statusCode()).as("the lost code")
        .isEqualTo(code.equals(newCode) ? 200 : 404);
    assertThat(notice("lianyuan", "（2000）豫0000执1号").statusCode()).isEqualTo(404);
  }
}
