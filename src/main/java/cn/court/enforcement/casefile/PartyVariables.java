package cn.court.enforcement.casefile;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

/**
 * What the process keeps of the parties besides the form's own lists: summaries for Tasklist's
 * columns, a text for the forms that show them, and the respondents as options of the forms
 * that record something about one of them. The registry stays the record.
 */
public final class PartyVariables {

  /** Summaries shown in Tasklist's columns: the first name, and how many in all (张三等3人). */
  public static final String APPLICANT_NAME = "applicantName";
  public static final String RESPONDENT_NAME = "respondentName";
  /** All parties, one a line (readonly field of filing-verify). */
  public static final String PARTIES_TEXT = "partiesText";
  /** [{label, value: party id}] of the respondents: the valuesKey of the respondent pickers. */
  public static final String RESPONDENT_OPTIONS = "respondentOptions";

  private PartyVariables() {
  }

  /** The variables of a case with these parties (as registered). */
  public static Map<String, Object> of(List<CaseRegistry.CaseParty> parties) {
    List<CaseRegistry.CaseParty> respondents = ofRole(parties, CaseFiling.RESPONDENT);
    List<Map<String, String>> options = respondents.stream()
        .map(p -> Map.of("label", label(p.party()), "value", String.valueOf(p.id()))).toList();
    return Map.of(
        APPLICANT_NAME, summary(ofRole(parties, CaseFiling.APPLICANT)),
        RESPONDENT_NAME, summary(respondents),
        PARTIES_TEXT, parties.stream().map(PartyVariables::line).collect(Collectors.joining("\n")),
        RESPONDENT_OPTIONS, json(options));
  }

  /**
   * The filing form's data of these parties (numbers and one group each), for cases filed
   * before parties were groups: their correction form then shows the registered parties.
   */
  public static Map<String, Object> formData(List<CaseRegistry.CaseParty> parties) {
    Map<String, Object> data = new HashMap<>();
    for (String role : List.of(CaseFiling.APPLICANT, CaseFiling.RESPONDENT)) {
      List<CaseRegistry.CaseParty> ofRole = ofRole(parties, role);
      data.put(FilingValidator.countKey(role), ofRole.size());
      for (int i = 0; i < ofRole.size(); i++) {
        CaseFiling.Party party = ofRole.get(i).party();
        Map<String, String> group = new LinkedHashMap<>();
        group.put(FilingValidator.NAME, party.name());
        if (party.legalRepresentative() != null) {
          group.put(FilingValidator.LEGAL_REPRESENTATIVE, party.legalRepresentative());
        }
        group.put(FilingValidator.ID_NUMBER, party.idNumber());
        if (party.phone() != null) {
          group.put(FilingValidator.PHONE_KEY, party.phone());
        }
        group.put(FilingValidator.ADDRESS, party.address());
        data.put(FilingValidator.slotKey(role, i + 1), json(group));
      }
    }
    return data;
  }

  /** A list or map as a Json variable (Java serialization of variables is off), as Tasklist sends them. */
  public static SpinJsonNode json(Object listOrMap) {
    return Spin.JSON(listOrMap);
  }

  static String summary(List<CaseRegistry.CaseParty> parties) {
    String first = parties.get(0).party().name();
    return parties.size() == 1 ? first : first + "等" + parties.size() + "人";
  }

  static String label(CaseFiling.Party party) {
    return party.name() + "（" + party.idNumber() + "）";
  }

  private static String line(CaseRegistry.CaseParty p) {
    CaseFiling.Party party = p.party();
    String role = CaseFiling.APPLICANT.equals(party.role()) ? "申请执行人" : "被执行人";
    String representative = party.legalRepresentative() == null ? "" : "，法定代表人" + party.legalRepresentative();
    String phone = party.phone() == null ? "" : "，" + party.phone();
    return role + "：" + label(party) + representative + phone + "，" + party.address();
  }

  private static List<CaseRegistry.CaseParty> ofRole(List<CaseRegistry.CaseParty> parties, String role) {
    return parties.stream().filter(p -> role.equals(p.party().role())).toList();
  }
}
