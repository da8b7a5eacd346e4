package cn.court.enforcement.casepage;

import cn.court.enforcement.calendar.ExtendCaseDeadline;
import cn.court.enforcement.casefile.CaseFiling;
import cn.court.enforcement.casefile.DisposalReports;
import cn.court.enforcement.casefile.PropertyKinds;
import cn.court.enforcement.casefile.RecordMeasure;
import cn.court.enforcement.disposal.DisposalVariables;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The Chinese words for the codes the case's records store. Where a form offers the choice, its
 * label is read from that form (the application's {@code forms/}), so the page says what the clerk
 * picked; the records a step writes by itself (a disposal's start and result, a listing removed,
 * an extension reported) are named here. A code nobody named is shown as it is.
 */
@Component
public class CodeLabels {

  private static final Map<String, String> OWN_RECORDS = Map.of(
      DisposalReports.STARTED_MEASURE, "启动财产处置",
      "dishonest-list-removed", "删除失信信息",
      ExtendCaseDeadline.REPORTED_MEASURE, "延长执行期限层报高级人民法院备案");
  private static final Map<String, String> PARTY_WORDS = Map.of(
      CaseFiling.APPLICANT, "申请执行人", CaseFiling.RESPONDENT, "被执行人",
      CaseFiling.Party.PERSON, "自然人", CaseFiling.Party.ORGANISATION, "单位",
      "resident-id", "居民身份证", "credit-code", "统一社会信用代码");

  private final Map<String, String> caseKinds;
  private final Map<String, String> basisTypes;
  private final Map<String, String> teamMeasures;
  private final Map<String, String> punishments;
  private final Map<String, String> offlineMeasures;
  /** Per output of a decision table, the words of the form that shows its result. */
  private final Map<String, Map<String, String>> decisionOutputs;

  public CodeLabels() {
    caseKinds = options("case-filing", "caseKind");
    basisTypes = options("case-filing", "basisType");
    teamMeasures = options("team-measure", "nextMeasure");
    punishments = options("punishment-proposal", "punishmentKind");
    offlineMeasures = options("offline-control", "offlineMeasure");
    decisionOutputs = Map.of("suggestedTrack", options("triage-confirm", "suggestedTrack"));
  }

  public String caseKind(String code) {
    return label(caseKinds, code);
  }

  public String basisType(String code) {
    return label(basisTypes, code);
  }

  /** A party's role, kind or ID type. */
  public String party(String code) {
    return label(PARTY_WORDS, code);
  }

  public String propertyKind(String code) {
    return label(PropertyKinds.LABELS, code);
  }

  public String offlineMeasure(String code) {
    return label(offlineMeasures, code);
  }

  /** A decision table's result: the words of the form that shows it (triage-confirm for the triage), else the value. */
  public String decisionOutput(String output, Object value) {
    return value == null ? "（无）" : label(decisionOutputs.getOrDefault(output, Map.of()), value.toString());
  }

  /** A case_measure row's kind: a team measure, an interview, a punishment, a disposal's record. */
  public String measure(String code) {
    if (code.startsWith(RecordMeasure.INTERVIEW_PREFIX)) {
      return "谈话（" + party(code.substring(RecordMeasure.INTERVIEW_PREFIX.length())) + "）";
    }
    if (code.startsWith("punishment-")) {
      return "司法惩戒：" + label(punishments, code.substring("punishment-".length()));
    }
    if (OWN_RECORDS.containsKey(code)) {
      return OWN_RECORDS.get(code);
    }
    String outcome = code.startsWith(DisposalReports.REPORTED_PREFIX)
        ? DisposalVariables.OUTCOME_LABELS.get(code.substring(DisposalReports.REPORTED_PREFIX.length())) : null;
    return outcome != null ? "财产处置结果：" + outcome : label(teamMeasures, code);
  }

  private static String label(Map<String, String> labels, String code) {
    return code == null ? null : labels.getOrDefault(code, code);
  }

  /** value → label of the choice field {@code key} of form {@code formId}. */
  private static Map<String, String> options(String formId, String key) {
    try (InputStream form = new ClassPathResource("forms/" + formId + ".form").getInputStream()) {
      Map<String, String> labels = new HashMap<>();
      collect(new ObjectMapper().readTree(form).path("components"), key, labels);
      if (labels.isEmpty()) {
        throw new IllegalStateException("Form " + formId + " offers no options for " + key);
      }
      return Map.copyOf(labels);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void collect(JsonNode components, String key, Map<String, String> labels) {
    for (JsonNode component : components) {
      if (key.equals(component.path("key").asText())) {
        component.path("values").forEach(option -> labels.put(option.path("value").asText(), option.path("label").asText()));
      }
      collect(component.path("components"), key, labels);
    }
  }
}
