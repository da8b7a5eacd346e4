package cn.court.enforcement.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.casefile.PartyVariables;
import cn.court.enforcement.demo.CaseWalker;
import cn.court.enforcement.demo.Step;
import cn.court.enforcement.organisation.Organisation;
import cn.court.enforcement.organisation.Organisation.Staff;
import cn.court.enforcement.support.FormSubmissions;
import cn.court.enforcement.support.SeedStaff;
import cn.court.enforcement.support.StaffClient;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Walks a case along its {@link Step}s over the REST API the way staff do in Tasklist: the
 * group's member logs in (HTTP Basic), finds the task among their own, claims it and submits
 * the form; someone outside the group must not see the task at all.
 */
final class RestCaseWalker {

  static final String PASSWORD = "demo";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final int port;
  private final CaseWalker engineWalker;
  private final SeedStaff people;
  /** The team random allocation chose for the case being walked. */
  String handlingTeam;

  RestCaseWalker(int port, Organisation organisation, CaseWalker engineWalker) {
    this.port = port;
    this.engineWalker = engineWalker;
    this.people = new SeedStaff(organisation);
  }

  StaffClient as(String user) {
    return StaffClient.rest(port, user, PASSWORD);
  }

  /** The filing clerk files the case with the start form; returns the process instance id. */
  String file(Map<String, Object> filing) {
    HttpResponse<String> response = as(memberOf("filing").id())
        .post("/engine-rest/process-definition/key/enforcement-case/submit-form", FormSubmissions.variables(filing));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return read(response).get("id").asText();
  }

  void walk(String caseNumber, List<Step> steps) {
    for (Step step : steps) {
      if (step.isJob()) {
        engineWalker.runJob(caseNumber, step.taskKey()); // the job executor is off in tests
      } else {
        HttpResponse<String> response = submit(caseNumber, step);
        assertThat(response.statusCode()).as(step.taskKey() + ": " + response.body()).isEqualTo(204);
      }
    }
  }

  /** One step as the group's member: visible to them only, claimed, form submitted. */
  HttpResponse<String> submit(String caseNumber, Step step) {
    String group = step.groupFor(handlingTeam);
    Staff member = memberOf(group);
    Staff outsider = outsiderOf(group);
    assertThat(ownTasks(outsider.id(), caseNumber, step.taskKey()))
        .as("%s (not in %s) must not see %s", outsider.id(), group, step.taskKey()).isEmpty();
    List<JsonNode> tasks = ownTasks(member.id(), caseNumber, step.taskKey());
    assertThat(tasks).as("%s (in %s) sees %s", member.id(), group, step.taskKey()).isNotEmpty();
    String taskId = tasks.get(0).get("id").asText();
    JsonNode assignee = tasks.get(0).get("assignee");
    // A task assigned (to the case's handler, or to the leader naming one) is done by its assignee.
    StaffClient client = as(assignee.isNull() ? member.id() : assignee.asText());
    if (assignee.isNull()) {
      HttpResponse<String> claim = client.post("/engine-rest/task/" + taskId + "/claim",
          "{\"userId\":\"" + member.id() + "\"}");
      assertThat(claim.statusCode()).as(claim.body()).isEqualTo(204);
    }
    return client.post("/engine-rest/task/" + taskId + "/submit-form",
        FormSubmissions.variables(step.variablesFor(handlerOf(group), respondentOptions(client, taskId))));
  }

  /** The values of the task's respondent options, as Tasklist loads them for a respondent picker. */
  private static List<String> respondentOptions(StaffClient client, String taskId) {
    JsonNode options = read(client.get("/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false"
        + "&variableNames=" + PartyVariables.RESPONDENT_OPTIONS)).path(PartyVariables.RESPONDENT_OPTIONS).path("value");
    List<String> values = new ArrayList<>();
    if (options.isTextual()) { // serialised, as Tasklist loads it
      try {
        JSON.readTree(options.asText()).forEach(option -> values.add(option.get("value").asText()));
      } catch (JsonProcessingException e) {
        throw new AssertionError("respondent options are not JSON: " + options, e);
      }
    }
    return values;
  }

  /** The user's tasks of the case at the activity, as Tasklist lists them. */
  List<JsonNode> ownTasks(String user, String caseNumber, String taskKey) {
    HttpResponse<String> response = as(user).get("/engine-rest/task?processInstanceBusinessKey="
        + URLEncoder.encode(caseNumber, StandardCharsets.UTF_8) + "&taskDefinitionKey=" + taskKey);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<JsonNode> tasks = new ArrayList<>();
    read(response).forEach(tasks::add);
    return tasks;
  }

  /** A member of the group, preferably one who sees the task only through this group. */
  Staff memberOf(String group) {
    return people.memberOf(group);
  }

  /** The member the leader names as handler: not the leader, so the handler's tasks are visibly theirs. */
  String handlerOf(String group) {
    return people.handlerOf(group);
  }

  /** Someone in none of the group's or the supervisors' units: prefers another ordinary team. */
  Staff outsiderOf(String group) {
    return people.outsiderOf(group);
  }

  static JsonNode read(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }
}
