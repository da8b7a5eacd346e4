package cn.court.enforcement.rest;

import static cn.court.enforcement.rest.HostileRequests.assertRefused;
import static cn.court.enforcement.support.FormSubmissions.variables;
import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.support.FormCases;
import cn.court.enforcement.support.FormExample;
import cn.court.enforcement.support.FormUse;
import cn.court.enforcement.support.StaffClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Two people acting on one task at the same moment: exactly one wins, the other is told in
 * Chinese with a 409, over REST and over the webapps' API (Tasklist) alike; never a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RacesTest {

  private static final String REST_API = "/engine-rest";
  private static final String TASKLIST_API = "/camunda/api/engine/engine/default";
  /** Two members of 法律文书制作送达, who both see the same registration task. */
  private static final String CLERK_A = "chengxinfeng";
  private static final String CLERK_B = "dingyi";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired RepositoryService repository;
  @Autowired ApplicationContext context;

  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  @AfterAll
  void stop() {
    pool.shutdownNow();
  }

  private StaffClient restA;
  private StaffClient restB;
  private StaffClient webA;
  private StaffClient webB;

  @BeforeAll
  void logIn() {
    restA = StaffClient.rest(port, CLERK_A, "demo");
    restB = StaffClient.rest(port, CLERK_B, "demo");
    webA = StaffClient.webapp(port, "tasklist", CLERK_A, "demo");
    webB = StaffClient.webapp(port, "tasklist", CLERK_B, "demo");
    assertThat(webA.loginStatus).isEqualTo(200);
    assertThat(webB.loginStatus).isEqualTo(200);
  }

  @Test
  void fiftyClaimRacesHaveOneWinnerEach() {
    for (int round = 0; round < 50; round++) {
      String taskId = registrationTask();
      boolean web = round % 2 == 1;
      StaffClient a = web ? webA : restA;
      StaffClient b = web ? webB : restB;
      String api = web ? TASKLIST_API : REST_API;
      List<HttpResponse<String>> answers = race(
          () -> a.post(api + "/task/" + taskId + "/claim", "{\"userId\":\"" + CLERK_A + "\"}"),
          () -> b.post(api + "/task/" + taskId + "/claim", "{\"userId\":\"" + CLERK_B + "\"}"));

      assertOneWinner(answers, "claim round " + round);
      String winner = answers.get(0).statusCode() == 204 ? CLERK_A : CLERK_B;
      assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo(winner);
    }
  }

  @Test
  void twentyDoubleCompletionsHaveOneWinnerEach() {
    String valid = variables(FormExample.of("documents-service").valid("unused"));
    for (int round = 0; round < 20; round++) {
      String taskId = registrationTask();
      tasks.claim(taskId, CLERK_A);
      // The same clerk's two tabs (or a double click): REST and Tasklist, or twice Tasklist.
      StaffClient second = round % 2 == 0 ? restA : webA;
      String secondApi = round % 2 == 0 ? REST_API : TASKLIST_API;
      List<HttpResponse<String>> answers = race(
          () -> webA.post(TASKLIST_API + "/task/" + taskId + "/submit-form", valid),
          () -> second.post(secondApi + "/task/" + taskId + "/submit-form", valid));

      assertOneWinner(answers, "completion round " + round);
      assertThat(tasks.createTaskQuery().taskId(taskId).count()).isZero();
    }
  }

  @Test
  void staffClaimOnlyForThemselves() {
    String taskId = registrationTask();
    assertThat(assertRefused(restA.post(REST_API + "/task/" + taskId + "/claim", "{\"userId\":\"" + CLERK_B + "\"}"), 403))
        .contains("只能为自己认领");
    assertRefused(webA.post(TASKLIST_API + "/task/" + taskId + "/claim", "{}"), 403);
    assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
  }

  @Test
  void aColleagueCannotCompleteAClaimedTaskNorAnyoneAnUnclaimedOne() {
    String valid = variables(FormExample.of("documents-service").valid("unused"));
    String taskId = registrationTask();

    assertThat(assertRefused(restA.post(REST_API + "/task/" + taskId + "/submit-form", valid), 409)).contains("请先认领");
    tasks.claim(taskId, CLERK_A);
    assertThat(assertRefused(webB.post(TASKLIST_API + "/task/" + taskId + "/submit-form", valid), 409))
        .contains("已由他人认领");
    assertThat(assertRefused(restB.post(REST_API + "/task/" + taskId + "/complete", valid), 409)).contains("已由他人认领");
    assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo(CLERK_A);

    assertThat(restA.post(REST_API + "/task/" + taskId + "/submit-form", valid).statusCode()).isEqualTo(204);
  }

  @Test
  void concurrentCompletionsOnOneCaseNeverFailWithA500() {
    // A case with two items to seize offline: two tasks of intensive affairs in one instance.
    String caseNumber = FormCases.newCaseNumber();
    FormUse use = FormUse.deployed(repository).stream()
        .filter(candidate -> candidate.activityId().equals("Task_ControlPropertyOffline")).findFirst().orElseThrow();
    FormExample.Use how = FormExample.of("offline-control").use(use);
    FormExample.Step item = how.steps().get(0);
    Map<String, Object> another = new HashMap<>(item.variables());
    another.put("moreItems", true);
    FormExample.Use twoItems = new FormExample.Use(how.given(caseNumber), true, how.startBefore(), null,
        List.of(new FormExample.Step(item.task(), another), item), null, null, null);
    String instance = new FormCases(context).reachTask(use, twoItems, caseNumber).processInstanceId();
    List<Task> offline = tasks.createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey("Task_ControlPropertyOffline").list();
    assertThat(offline).hasSize(2);
    tasks.claim(offline.get(0).getId(), "wangjiansheng");
    tasks.claim(offline.get(1).getId(), "zhoujinxi");
    StaffClient first = StaffClient.rest(port, "wangjiansheng", "demo");
    StaffClient second = StaffClient.webapp(port, "tasklist", "zhoujinxi", "demo");
    String valid = variables(FormExample.of("offline-control").valid(caseNumber));

    List<HttpResponse<String>> answers = race(
        () -> first.post(REST_API + "/task/" + offline.get(0).getId() + "/submit-form", valid),
        () -> second.post(TASKLIST_API + "/task/" + offline.get(1).getId() + "/submit-form", valid));

    for (HttpResponse<String> answer : answers) {
      if (answer.statusCode() != 204) {
        assertThat(assertRefused(answer, 409)).contains("刷新后重试");
      }
    }
    assertThat(answers).anyMatch(answer -> answer.statusCode() == 204);
  }

  private String registrationTask() {
    String caseNumber = FormCases.newCaseNumber();
    String instance = runtime.createProcessInstanceByKey("enforcement-case").businessKey(caseNumber)
        .setVariable("caseNumber", caseNumber).setVariable("filingDate", LocalDate.now().toString())
        .startBeforeActivity("Task_RegisterAndServeDocuments").execute().getId();
    return tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
  }

  /** Sends both requests at the same moment (a barrier between two threads). */
  private List<HttpResponse<String>> race(Supplier<HttpResponse<String>> one, Supplier<HttpResponse<String>> other) {
    CyclicBarrier barrier = new CyclicBarrier(2);
    List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
    for (Supplier<HttpResponse<String>> request : List.of(one, other)) {
      futures.add(CompletableFuture.supplyAsync(() -> {
        try {
          barrier.await();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        return request.get();
      }, pool));
    }
    return futures.stream().map(CompletableFuture::join).toList();
  }

  private static void assertOneWinner(List<HttpResponse<String>> answers, String what) {
    assertThat(answers).as(what).filteredOn(answer -> answer.statusCode() == 204).hasSize(1);
    HttpResponse<String> loser = answers.stream().filter(answer -> answer.statusCode() != 204).findFirst().orElseThrow();
    assertRefused(loser, 409);
  }
}
