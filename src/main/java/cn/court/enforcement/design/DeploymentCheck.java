package cn.court.enforcement.design;

import cn.court.enforcement.forms.FormSchema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaConnector;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.xml.ModelException;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The project's contract for what may be deployed, over the resources of one deployment: every
 * diagram executable, with a {@code historyTimeToLive} and full diagram interchange (a shape per
 * node, an edge per flow, no overlapping shapes); every user task for a candidate group of the
 * organisation and with a Camunda Form that resolves; called processes and decisions known;
 * service tasks implemented; every decision table with a {@code historyTimeToLive}; every form
 * valid and used by a diagram of the same deployment; and a form keeps each field whose key the
 * gateway right after its task or start event decides on. The server runs it on every deployment
 * a person makes ({@link DeploymentCheckPlugin}) and CI over {@code processes/} and {@code forms/}:
 * one implementation, so what CI accepts the server accepts. Each problem is one Chinese
 * sentence naming the file and the element.
 */
public final class DeploymentCheck {

  /** What is deployed already: the engine's repository on the server, nothing in CI. */
  public interface Deployed {
    Deployed NOTHING = new Deployed() {
      @Override
      public Optional<FormSchema> latestForm(String formId) {
        return Optional.empty();
      }

      @Override
      public boolean hasProcess(String key) {
        return false;
      }

      @Override
      public boolean hasDecision(String key) {
        return false;
      }
    };

    /** The latest deployed version of a Camunda Form. */
    Optional<FormSchema> latestForm(String formId);

    boolean hasProcess(String key);

    boolean hasDecision(String key);
  }

  private static final String ADMIN_GROUP = "camunda-admin";
  private static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";
  private static final String CAMUNDA_BPMN = "http://camunda.org/schema/1.0/bpmn";
  private static final Pattern STRING_LITERAL = Pattern.compile("'[^']*'|\"[^\"]*\"");
  private static final Pattern VARIABLE_CALL = Pattern.compile("(?:get|has)Variable(?:Typed)?\\(\\s*['\"]([^'\"]+)['\"]");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w])([A-Za-z_]\\w*)(?!\\s*[(.\\w])");
  private static final Set<String> EL_WORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "div",
      "mod", "true", "false", "null", "empty", "instanceof", "execution", "task");

  private final Set<String> groupIds;

  /** {@code groupIds}: the organisation's units; {@code camunda-admin} is always known. */
  public DeploymentCheck(Collection<String> groupIds) {
    this.groupIds = new LinkedHashSet<>(groupIds);
    this.groupIds.add(ADMIN_GROUP);
  }

  /** Every problem of the deployment of {@code resources} (name → content); empty when it may go in. */
  public List<String> problems(Map<String, byte[]> resources, Deployed deployed) {
    List<String> problems = new ArrayList<>();
    Map<String, FormSchema> forms = new LinkedHashMap<>();
    Map<String, String> formFiles = new LinkedHashMap<>();
    Map<String, BpmnModelInstance> diagrams = new LinkedHashMap<>();
    Set<String> processKeys = new LinkedHashSet<>();
    Set<String> decisionKeys = new LinkedHashSet<>();
    resources.forEach((name, content) -> {
      if (name.endsWith(".form")) {
        readForm(name, content, problems).ifPresent(form -> {
          forms.put(form.id(), form);
          formFiles.put(form.id(), name);
        });
      } else if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
        readDiagram(name, content, problems).ifPresent(diagram -> {
          diagrams.put(name, diagram);
          diagram.getModelElementsByType(Process.class).forEach(p -> processKeys.add(p.getId()));
        });
      } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
        decisionKeys.addAll(checkDecisions(name, content, problems));
      }
    });
    Set<String> usedForms = new LinkedHashSet<>();
    diagrams.forEach((name, diagram) -> new DiagramCheck(name, diagram, forms, deployed, processKeys, decisionKeys,
        usedForms, problems).run());
    formFiles.forEach((id, file) -> {
      if (!usedForms.contains(id)) {
        problems.add("表单 " + file + "（" + id + "）未被本次部署中的任何流程图使用：表单随流程图按部署绑定，"
            + "单独部署不会生效，请与使用它的流程图一同部署");
      }
    });
    return problems;
  }

  private static Optional<FormSchema> readForm(String name, byte[] content, List<String> problems) {
    try {
      FormSchema form = FormSchema.parse(new ByteArrayInputStream(content));
      if (form.id().isBlank()) {
        problems.add("表单 " + name + " 没有 id");
        return Optional.empty();
      }
      return Optional.of(form);
    } catch (RuntimeException e) {
      problems.add("表单 " + name + " 不是有效的 Camunda 表单（JSON）");
      return Optional.empty();
    }
  }

  private static Optional<BpmnModelInstance> readDiagram(String name, byte[] content, List<String> problems) {
    try {
      return Optional.of(Bpmn.readModelFromStream(new ByteArrayInputStream(content)));
    } catch (ModelException e) {
      problems.add("流程图 " + name + " 不是有效的 BPMN 文件：" + e.getMessage());
      return Optional.empty();
    }
  }

  /** The decision keys of a DMN file; each decision needs a history time to live. */
  private static List<String> checkDecisions(String name, byte[] content, List<String> problems) {
    List<String> keys = new ArrayList<>();
    try (InputStream in = new ByteArrayInputStream(content)) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      NodeList decisions = factory.newDocumentBuilder().parse(in).getElementsByTagNameNS("*", "decision");
      for (int i = 0; i < decisions.getLength(); i++) {
        Element decision = (Element) decisions.item(i);
        if (decision.getNamespaceURI() == null || !decision.getNamespaceURI().contains("omg.org/spec/DMN")) {
          continue;
        }
        keys.add(decision.getAttribute("id"));
        if (decision.getAttributeNS(CAMUNDA_DMN, "historyTimeToLive").isBlank()) {
          problems.add("决策表 " + name + " 的决策 " + decision.getAttribute("id") + "（" + decision.getAttribute("name")
              + "）未设置历史保留期限（historyTimeToLive）");
        }
      }
    } catch (SAXException | ParserConfigurationException e) {
      problems.add("决策表 " + name + " 不是有效的 DMN 文件：" + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return keys;
  }

  /** The variables an expression reads: {@code ${caseTrack == 'quick'}} → caseTrack. */
  static Set<String> variablesOf(String expression) {
    Set<String> names = new TreeSet<>();
    Matcher calls = VARIABLE_CALL.matcher(expression);
    while (calls.find()) {
      names.add(calls.group(1));
    }
    Matcher identifiers = IDENTIFIER.matcher(STRING_LITERAL.matcher(expression).replaceAll("''"));
    while (identifiers.find()) {
      if (!EL_WORDS.contains(identifiers.group(1))) {
        names.add(identifiers.group(1));
      }
    }
    return names;
  }

  /** One diagram of the deployment. */
  private final class DiagramCheck {
    private final String file;
    private final BpmnModelInstance diagram;
    private final Map<String, FormSchema> forms;
    private final Deployed deployed;
    private final Set<String> processKeys;
    private final Set<String> decisionKeys;
    private final Set<String> usedForms;
    private final List<String> problems;
    private final Map<String, Bounds> shapes = new LinkedHashMap<>();
    private final Set<String> edges = new LinkedHashSet<>();
    private final Set<String> missingForms = new TreeSet<>();

    DiagramCheck(String file, BpmnModelInstance diagram, Map<String, FormSchema> forms, Deployed deployed,
        Set<String> processKeys, Set<String> decisionKeys, Set<String> usedForms, List<String> problems) {
      this.file = file;
      this.diagram = diagram;
      this.forms = forms;
      this.deployed = deployed;
      this.processKeys = processKeys;
      this.decisionKeys = decisionKeys;
      this.usedForms = usedForms;
      this.problems = problems;
    }

    void run() {
      for (BpmnShape shape : diagram.getModelElementsByType(BpmnShape.class)) {
        if (shape.getBpmnElement() != null && shape.getBounds() != null) {
          shapes.put(shape.getBpmnElement().getId(), shape.getBounds());
        }
      }
      for (BpmnEdge edge : diagram.getModelElementsByType(BpmnEdge.class)) {
        if (edge.getBpmnElement() != null) {
          edges.add(edge.getBpmnElement().getId());
        }
      }
      for (Process process : diagram.getModelElementsByType(Process.class)) {
        if (!process.isExecutable()) {
          problem(process, "未设为可执行（isExecutable）");
        }
        if (process.getCamundaHistoryTimeToLiveString() == null || process.getCamundaHistoryTimeToLiveString().isBlank()) {
          problem(process, "未设置历史保留期限（historyTimeToLive）");
        }
        scope(process.getFlowElements());
      }
      if (!missingForms.isEmpty()) {
        problems.add("流程图 " + file + " 的表单按部署绑定（formRefBinding=\"deployment\"），本次部署缺少这些表单，"
            + "请在 Camunda Modeler 的部署窗口中把它们作为附加文件一并部署：" + String.join("、", missingForms));
      }
    }

    private void scope(Collection<FlowElement> elements) {
      List<FlowNode> siblings = new ArrayList<>();
      for (FlowElement element : elements) {
        if (element instanceof SequenceFlow flow) {
          if (!edges.contains(flow.getId())) {
            problem(flow, "没有连线图形（缺少 BPMNEdge）");
          }
          continue;
        }
        if (!(element instanceof FlowNode node)) {
          continue;
        }
        if (!shapes.containsKey(node.getId())) {
          problem(node, "没有图形（缺少 BPMNShape）");
        } else if (!(node instanceof BoundaryEvent)) {
          siblings.add(node);
        }
        if (node instanceof UserTask task) {
          userTask(task);
        } else if (node instanceof StartEvent start && start.getCamundaFormRef() != null) {
          form(start, start.getCamundaFormRef(), start.getCamundaFormRefBinding());
        } else if (node instanceof ServiceTask || node instanceof SendTask) {
          implementation(node);
        } else if (node instanceof CallActivity call) {
          String called = call.getCalledElement();
          if (called != null && !called.contains("{") && !processKeys.contains(called) && !deployed.hasProcess(called)) {
            problem(call, "调用的流程 '" + called + "' 既不在本次部署中，也未部署过");
          }
        } else if (node instanceof BusinessRuleTask rule) {
          String decision = rule.getCamundaDecisionRef();
          if (decision != null && !decision.contains("{") && !decisionKeys.contains(decision)
              && !deployed.hasDecision(decision)) {
            problem(rule, "引用的决策 '" + decision + "' 既不在本次部署中，也未部署过");
          }
        }
        if (node instanceof SubProcess sub) {
          scope(sub.getFlowElements());
        }
      }
      for (int i = 0; i < siblings.size(); i++) {
        for (int j = i + 1; j < siblings.size(); j++) {
          FlowNode a = siblings.get(i);
          FlowNode b = siblings.get(j);
          if (!(a instanceof SubProcess) && !(b instanceof SubProcess) && overlap(shapes.get(a.getId()), shapes.get(b.getId()))) {
            problem(a, "与" + describe(b) + "的图形重叠");
          }
        }
      }
    }

    private void userTask(UserTask task) {
      String groups = task.getCamundaCandidateGroups();
      if (groups == null || groups.isBlank()) {
        problem(task, "没有候选组（camunda:candidateGroups）：每个用户任务须由组织机构中的一个组办理");
      } else if (!groups.contains("{")) {
        for (String group : groups.split(",")) {
          if (!groupIds.contains(group.strip())) {
            problem(task, "的候选组 '" + group.strip() + "' 不是组织机构（config/organisation.yml）中的组");
          }
        }
      }
      if (task.getCamundaFormRef() == null && task.getCamundaFormKey() == null) {
        problem(task, "没有表单（camunda:formRef）");
      } else if (task.getCamundaFormRef() != null) {
        form(task, task.getCamundaFormRef(), task.getCamundaFormRefBinding());
      }
    }

    /** The form resolves (in this deployment when bound to it, else here or earlier) and keeps what is decided on. */
    private void form(FlowNode node, String formId, String binding) {
      if (formId.contains("{")) {
        return;
      }
      usedForms.add(formId);
      FormSchema form = forms.get(formId);
      Optional<FormSchema> earlier = deployed.latestForm(formId);
      if (form == null) {
        if ("deployment".equals(binding) || binding == null) {
          if (earlier.isPresent()) {
            missingForms.add(formId + ".form");
          } else {
            problem(node, "的表单 '" + formId + "' 既不在本次部署中，也未部署过");
          }
        } else if (earlier.isEmpty()) {
          problem(node, "的表单 '" + formId + "' 既不在本次部署中，也未部署过");
        }
        return;
      }
      earlier.ifPresent(before -> {
        for (Map.Entry<Gateway, String> decided : decisionsAfter(node).entrySet()) {
          for (String key : variablesOf(decided.getValue())) {
            if (before.fields().containsKey(key) && !form.fields().containsKey(key)) {
              problems.add("表单 " + formId + " 缺少字段 '" + key + "'（此前版本中为「" + before.fields().get(key).label()
                  + "」）：流程 " + processOf(node) + " 在" + describe(node) + "之后由" + describe(decided.getKey()) + "按 "
                  + decided.getValue().strip() + " 判断");
            }
          }
        }
      });
    }

    /**
     * The conditions of the gateway right after {@code node} (or after the sub-process that ends
     * with it): what is decided on its form's values.
     */
    private Map<Gateway, String> decisionsAfter(FlowNode node) {
      Map<Gateway, String> conditions = new LinkedHashMap<>();
      for (SequenceFlow out : node.getOutgoing()) {
        FlowNode next = out.getTarget();
        if (next instanceof EndEvent && next.getParentElement() instanceof SubProcess sub) {
          decisionsAfter(sub).forEach((gateway, condition) -> conditions.merge(gateway, condition, (a, b) -> a));
        } else if (next instanceof Gateway gateway) {
          for (SequenceFlow branch : gateway.getOutgoing()) {
            if (branch.getConditionExpression() != null && branch.getConditionExpression().getTextContent() != null) {
              conditions.merge(gateway, branch.getConditionExpression().getTextContent(), (a, b) -> a + " / " + b);
            }
          }
        }
      }
      return conditions;
    }

    private void implementation(FlowNode node) {
      boolean implemented = node.getAttributeValueNs(CAMUNDA_BPMN, "class") != null
          || node.getAttributeValueNs(CAMUNDA_BPMN, "delegateExpression") != null
          || node.getAttributeValueNs(CAMUNDA_BPMN, "expression") != null
          || node.getAttributeValueNs(CAMUNDA_BPMN, "type") != null
          || node.getExtensionElements() != null
              && !node.getExtensionElements().getChildElementsByType(CamundaConnector.class).isEmpty();
      if (!implemented) {
        problem(node, "没有实现（camunda:delegateExpression、class 或 expression）");
      }
    }

    private void problem(BaseElement element, String what) {
      String where = element instanceof Process ? "" : "流程 " + processOf(element) + " 的";
      problems.add(file + "：" + where + describe(element) + what);
    }

    private String processOf(ModelElementInstance element) {
      ModelElementInstance at = element;
      while (at != null && !(at instanceof Process)) {
        at = at.getParentElement();
      }
      return at == null ? "?" : ((Process) at).getId();
    }
  }

  private static String describe(BaseElement element) {
    String kind = switch (element.getElementType().getTypeName()) {
      case "process" -> "流程";
      case "userTask" -> "用户任务";
      case "serviceTask" -> "服务任务";
      case "sendTask" -> "发送任务";
      case "callActivity" -> "调用活动";
      case "businessRuleTask" -> "业务规则任务";
      case "startEvent" -> "开始事件";
      case "sequenceFlow" -> "连线";
      case "exclusiveGateway", "inclusiveGateway", "parallelGateway", "eventBasedGateway" -> "网关";
      case "subProcess" -> "子流程";
      default -> "元素";
    };
    String name = element.getAttributeValue("name");
    return kind + " " + element.getId() + (name == null || name.isBlank() ? "" : "（" + name + "）");
  }

  private static boolean overlap(Bounds a, Bounds b) {
    return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
        && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
  }
}
