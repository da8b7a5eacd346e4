package cn.court.enforcement.support;

import cn.court.enforcement.casefile.PartyVariables;
import cn.court.enforcement.demo.Step;
import cn.court.enforcement.organisation.Organisation.Staff;
import cn.court.enforcement.organisation.OrganisationFile;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Staff working cases over REST as in Tasklist, on whichever node of a cluster the load balancer
 * gives them (one node is a cluster of one). A case is worked on its node (serial modulo the
 * nodes); when a request fails because the node died, the person opens Tasklist again on the next node and looks at where the case
 * stands before doing anything: a filing answered by nobody may have happened (the case is
 * there), a claim may have happened (the task has an assignee), a submission may have happened
 * (the task is gone). What already happened is recognised, never done twice.
 */
public final class RestStaff {

  public static final String PASSWORD = "demo";
  public static final String SUPERVISOR = "wanghui"; // command-center: reads every case and the draws
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration PATIENCE = Duration.ofMinutes(3);

  /** The nodes' current ports; 0 while a node is down (the load balancer sends nobody there). */
  private final AtomicIntegerArray ports;
  private final SeedStaff people;
  private final Map<String, StaffClient> clients = new ConcurrentHashMap<>();
  /** Requests that met a dead node and were sent again (to the next node up). */
  public final AtomicInteger retries = new AtomicInteger();
  /** Requests answered, per node. */
  public final AtomicIntegerArray answered;

  public RestStaff(AtomicIntegerArray ports, SeedStaff people) {
    this.ports = ports;
    this.people = people;
    this.answered = new AtomicIntegerArray(ports.length());
  }

  /** No node of the cluster is up: the work stops (a single node was killed). */
  public static final class NoNodeUp extends RuntimeException {
    NoNodeUp() {
      super("no node is up");
    }
  }

  /** One case's work, on its node until that fails. */
  public final class Case {

    private final String caseNumber;
    private int node;
    private String handlingTeam;

    public Case(String caseNumber, int serial) {
      this.caseNumber = caseNumber;
      this.node = Math.floorMod(serial, ports.length());
    }

    /** Files the case unless it already is (an unanswered filing that went through). */
    public void file(Map<String, Object> filing) {
      String body = FormSubmissions.variables(filing);
      String clerk = people.memberOf("filing").id();
      boolean uncertain = false;
      while (true) {
        if (uncertain && filed()) {
          return;
        }
        HttpResponse<String> response = send(clerk,
            c -> c.post("/engine-rest/process-definition/key/enforcement-case/submit-form", body));
        if (response != null && response.statusCode() == 200) {
          return;
        }
        uncertain = true;
        expectRetriable(response, "filing " + caseNumber);
      }
    }

    private boolean filed() {
      HttpResponse<String> response = send(SUPERVISOR,
          c -> c.get("/engine-rest/history/process-instance/count?processDefinitionKey=enforcement-case"
              + "&processInstanceBusinessKey=" + encode(caseNumber)));
      return response != null && response.statusCode() == 200 && read(response).get("count").asInt() > 0;
    }

    /** Does the steps in order; each is acknowledged (the draw seen, the submission answered) before the next. */
    public void walk(List<Step> steps) {
      walk(steps, step -> { });
    }

    public void walk(List<Step> steps, Consumer<Step> acknowledged) {
      for (Step step : steps) {
        if (step.isJob()) {
          awaitAllocation(); // the job executor of any node runs it
        } else {
          submit(step);
        }
        acknowledged.accept(step);
      }
    }

    /** Waits for the job executor's draw; the team it chose does the team's steps. */
    private void awaitAllocation() {
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (System.nanoTime() < deadline) {
        HttpResponse<String> response = send(SUPERVISOR, c -> c.get("/api/allocation/draws?caseNumber="
            + encode(caseNumber)));
        if (response != null && response.statusCode() == 200 && !read(response).isEmpty()) {
          handlingTeam = read(response).get(0).get("chosenTeam").asText();
          return;
        }
        pause();
      }
      throw new AssertionError("no allocation of " + caseNumber + " within " + PATIENCE);
    }

    /**
     * One step as the group's member: find the task among their own, claim it unless it is
     * already theirs, submit the form. After a failed request, the task's state says what is left.
     */
    private void submit(Step step) {
      String group = step.groupFor(handlingTeam);
      Staff member = people.memberOf(group);
      String taskId = null;
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (System.nanoTime() < deadline) {
        JsonNode task = taskId == null ? firstOwnTask(member.id(), step.taskKey()) : task(member.id(), taskId);
        if (task == null) {
          if (taskId != null) {
            return; // the submission nobody answered went through: the task is done
          }
          pause(); // not there yet (or the node that was asked died): look again
          continue;
        }
        taskId = task.get("id").asText();
        String assignee = task.path("assignee").isTextual() ? task.get("assignee").asText() : null;
        if (assignee == null) {
          String id = taskId;
          HttpResponse<String> claim = send(member.id(),
              c -> c.post("/engine-rest/task/" + id + "/claim", "{\"userId\":\"" + member.id() + "\"}"));
          if (claim == null || claim.statusCode() != 204) {
            expectRetriable(claim, "claim " + step.taskKey() + " of " + caseNumber);
            continue; // claimed or not, the task will say
          }
          assignee = member.id();
        }
        String worker = assignee;
        String id = taskId;
        List<String> respondents = needsRespondents(step) ? respondentOptions(worker, id) : List.of();
        if (respondents == null) {
          continue;
        }
        String form = FormSubmissions.variables(step.variablesFor(people.handlerOf(group), respondents));
        HttpResponse<String> done = send(worker, c -> c.post("/engine-rest/task/" + id + "/submit-form", form));
        if (done != null && done.statusCode() == 204) {
          return;
        }
        expectRetriable(done, step.taskKey() + " of " + caseNumber);
      }
      throw new AssertionError(caseNumber + ": " + step.taskKey() + " not done within " + PATIENCE);
    }

    /** The user's open task of the case at the activity, as Tasklist lists it; null when none. */
    private JsonNode firstOwnTask(String user, String taskKey) {
      HttpResponse<String> response = send(user, c -> c.get("/engine-rest/task?processInstanceBusinessKey="
          + encode(caseNumber) + "&taskDefinitionKey=" + taskKey));
      if (response == null || response.statusCode() != 200) {
        expectRetriable(response, "tasks of " + caseNumber);
        return null;
      }
      JsonNode tasks = read(response);
      return tasks.isEmpty() ? null : tasks.get(0);
    }

    /** The task as its worker sees it; null once it is done (404). */
    private JsonNode task(String user, String taskId) {
      while (true) {
        HttpResponse<String> response = send(user, c -> c.get("/engine-rest/task/" + taskId));
        if (response != null && response.statusCode() == 404) {
          return null;
        }
        if (response != null && response.statusCode() == 200) {
          return read(response);
        }
        expectRetriable(response, "task " + taskId + " of " + caseNumber);
      }
    }

    /** The values of the task's respondent picker, as Tasklist loads them; null if the node died. */
    private List<String> respondentOptions(String user, String taskId) {
      HttpResponse<String> response = send(user, c -> c.get("/engine-rest/task/" + taskId
          + "/form-variables?deserializeValues=false&variableNames=" + PartyVariables.RESPONDENT_OPTIONS));
      if (response == null || response.statusCode() != 200) {
        expectRetriable(response, "respondent options of " + caseNumber);
        return null;
      }
      JsonNode options = read(response).path(PartyVariables.RESPONDENT_OPTIONS).path("value");
      List<String> values = new ArrayList<>();
      try {
        JSON.readTree(options.asText()).forEach(option -> values.add(option.get("value").asText()));
      } catch (JsonProcessingException e) {
        throw new AssertionError("respondent options are not JSON: " + options, e);
      }
      return values;
    }

    /**
     * The request on the case's node; null when the node is down or died under it, and from then
     * on the case is worked on the next node that is up.
     */
    private HttpResponse<String> send(String user, Function<StaffClient, HttpResponse<String>> request) {
      int port = ports.get(node);
      if (port != 0) {
        try {
          HttpResponse<String> response = request.apply(client(port, user));
          answered.incrementAndGet(node);
          return response;
        } catch (UncheckedIOException nodeDied) {
          // fall through: another node
        }
      }
      retries.incrementAndGet();
      node = nextNodeUp();
      return null;
    }

    private int nextNodeUp() {
      for (int i = 1; i <= ports.length(); i++) {
        int candidate = (node + i) % ports.length();
        if (ports.get(candidate) != 0) {
          return candidate;
        }
      }
      throw new NoNodeUp();
    }
  }

  /** A failed request is retried only when the node died (no answer) or was dying (5xx). */
  private static void expectRetriable(HttpResponse<String> response, String what) {
    if (response != null && response.statusCode() < 500) {
      throw new AssertionError(what + ": " + response.statusCode() + " " + response.body());
    }
  }

  private static boolean needsRespondents(Step step) {
    return step.variables().values().stream().anyMatch(value -> value instanceof String text
        && !text.equals(Step.withRespondents(Map.of("v", text), List.of("1", "2", "3")).get("v")));
  }

  /** Who does what, from the organisation file the application reads. */
  public static SeedStaff seedStaff() {
    try (Reader reader = Files.newBufferedReader(Path.of("config", "organisation.yml"))) {
      return new SeedStaff(OrganisationFile.parse(reader, "config/organisation.yml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private StaffClient client(int port, String user) {
    return clients.computeIfAbsent(port + "/" + user, key -> StaffClient.rest(port, user, PASSWORD));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  public static JsonNode read(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
