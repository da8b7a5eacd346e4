package cn.court.enforcement.design;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.forms.FormSchema;
import cn.court.enforcement.organisation.Organisation.Unit;
import cn.court.enforcement.organisation.OrganisationTestData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The deployment check over processes/ and forms/ (what CI runs), and each of its rules on a broken copy. */
class DeploymentCheckTest {

  static final String CASE = "processes/enforcement-case.bpmn";

  DeploymentCheck check;
  Map<String, byte[]> project;

  /** Everything of the project deployed before: the forms as they are in forms/. */
  final DeploymentCheck.Deployed everything = new DeploymentCheck.Deployed() {
    @Override
    public Optional<FormSchema> latestForm(String formId) {
      byte[] form = project.get("forms/" + formId + ".form");
      return form == null ? Optional.empty() : Optional.of(FormSchema.parse(new ByteArrayInputStream(form)));
    }

    @Override
    public boolean hasProcess(String key) {
      return true;
    }

    @Override
    public boolean hasDecision(String key) {
      return true;
    }
  };

  @BeforeEach
  void load() throws IOException {
    check = new DeploymentCheck(OrganisationTestData.demo().units().stream().map(Unit::id).toList());
    project = ProjectFiles.all();
  }

  @Test
  void theProjectsProcessesAndFormsPass() {
    assertThat(project).containsKeys(CASE, "processes/triage.dmn", "forms/case-filing.form");
    assertThat(check.problems(project, DeploymentCheck.Deployed.NOTHING)).isEmpty();
    assertThat(check.problems(project, everything)).isEmpty();
  }

  @Test
  void aTaskForAnUnknownGroupOrWithoutDiagramInterchangeOrHistoryLimitIsNamed() {
    Map<String, byte[]> broken = new TreeMap<>(project);
    broken.put(CASE, bytes(ProjectFiles.text(CASE)
        .replace("camunda:formRefBinding=\"deployment\" camunda:candidateGroups=\"intake\">",
            "camunda:formRefBinding=\"deployment\" camunda:candidateGroups=\"intak\">")
        .replace("bpmnElement=\"Task_VerifyFilingData\"", "bpmnElement=\"Task_RecordReception\"")
        .replace(" camunda:historyTimeToLive=\"3650\"", "")));
    assertThat(check.problems(broken, DeploymentCheck.Deployed.NOTHING)).contains(
        CASE + "：流程 enforcement-case 的用户任务 Task_VerifyFilingData（核对立案信息）的候选组 'intak' 不是组织机构（config/organisation.yml）中的组",
        CASE + "：流程 enforcement-case 的用户任务 Task_VerifyFilingData（核对立案信息）没有图形（缺少 BPMNShape）",
        CASE + "：流程 enforcement-case（执行案件办理）未设置历史保留期限（historyTimeToLive）");
  }

  @Test
  void aDiagramAloneNamesTheFormsToAttach() {
    List<String> problems = check.problems(Map.of("enforcement-case.bpmn", project.get(CASE)), everything);
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0)).startsWith("流程图 enforcement-case.bpmn 的表单按部署绑定")
        .contains("case-filing.form", "triage-confirm.form", "filing-verify.form");
  }

  @Test
  void aFormAloneIsRefusedBecauseNoDiagramWouldUseIt() {
    assertThat(check.problems(Map.of("case-filing.form", project.get("forms/case-filing.form")), everything))
        .containsExactly("表单 case-filing.form（case-filing）未被本次部署中的任何流程图使用：表单随流程图按部署绑定，"
            + "单独部署不会生效，请与使用它的流程图一同部署");
  }

  @Test
  void aFormThatDropsTheKeyItsGatewayDecidesOnIsRefused() {
    Map<String, byte[]> changed = new TreeMap<>(project);
    changed.put("forms/triage-confirm.form", bytes(withoutField(ProjectFiles.text("forms/triage-confirm.form"), "caseTrack")));
    assertThat(check.problems(changed, everything)).singleElement().asString()
        .startsWith("表单 triage-confirm 缺少字段 'caseTrack'")
        .contains("用户任务 Task_ConfirmTrack（确认分流方式）之后", "${caseTrack == 'quick'}");
    // A new form (never deployed) promises nothing yet.
    assertThat(check.problems(changed, DeploymentCheck.Deployed.NOTHING)).isEmpty();
  }

  @Test
  void variablesAreReadFromExpressionsWithoutStringsBeansOrMethods() {
    assertThat(DeploymentCheck.variablesOf("${caseTrack == 'quick' && !furtherExtension}"))
        .containsExactly("caseTrack", "furtherExtension");
    assertThat(DeploymentCheck.variablesOf("${execution.getVariable('correction') != 'disputed'}"))
        .containsExactly("correction");
    assertThat(DeploymentCheck.variablesOf("${deadlines.due(filingDate)}")).containsExactly("filingDate");
  }

  /** The form with the component of {@code key} removed (one JSON object per component in our forms). */
  static String withoutField(String form, String key) {
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    try {
      com.fasterxml.jackson.databind.node.ObjectNode schema = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(form);
      com.fasterxml.jackson.databind.node.ArrayNode components = (com.fasterxml.jackson.databind.node.ArrayNode) schema.get("components");
      for (int i = components.size() - 1; i >= 0; i--) {
        if (key.equals(components.get(i).path("key").asText())) {
          components.remove(i);
        }
      }
      return json.writeValueAsString(schema);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
