package cn.court.enforcement.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reading a deployed form-js schema: keys, kinds, shown-only fields, options and lengths. */
class FormSchemaTest {

  private static final String FORM = """
      {"id": "f", "components": [
        {"type": "text", "text": "说明"},
        {"type": "textfield", "key": "caseNumber", "label": "案号", "readonly": true},
        {"type": "group", "components": [
          {"type": "radio", "key": "track", "label": "分流方式", "values": [{"value": "quick"}, {"value": "ordinary"}]},
          {"type": "textarea", "key": "reason", "label": "理由", "validate": {"maxLength": 5}}]},
        {"type": "number", "key": "months", "label": "月数", "disabled": true},
        {"type": "checkbox", "key": "risk", "label": "已告知"},
        {"type": "checklist", "key": "teams", "label": "回避团队", "values": [{"value": "t1"}, {"value": "t2"}]},
        {"type": "select", "key": "dynamic", "label": "动态", "valuesKey": "choices"}]}
      """;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FormSchema form = FormSchema.parse(new ByteArrayInputStream(FORM.getBytes(StandardCharsets.UTF_8)));

  @Test
  void keyedFieldsAtAnyDepthWithTheirKind() {
    assertThat(form.fields()).containsOnlyKeys("caseNumber", "track", "reason", "months", "risk", "teams", "dynamic");
    assertThat(form.fields().get("track").kind()).isEqualTo(FormSchema.Kind.TEXT);
    assertThat(form.fields().get("months").kind()).isEqualTo(FormSchema.Kind.NUMBER);
    assertThat(form.fields().get("teams").kind()).isEqualTo(FormSchema.Kind.LIST);
    assertThat(form.fields().get("caseNumber").shown()).isTrue();
    assertThat(form.fields().get("months").shown()).isTrue();
    assertThat(form.fields().get("track").shown()).isFalse();
  }

  @Test
  void valuesMustFitTheField() throws Exception {
    assertThat(problem("track", "{\"value\": \"quick\"}")).isNull();
    assertThat(problem("track", "{\"value\": \"slow\"}")).isEqualTo("分流方式的取值无效：slow");
    assertThat(problem("track", "{\"value\": 1}")).isEqualTo("分流方式的取值类型不正确（应为文字）");
    assertThat(problem("reason", "{\"value\": \"123456\"}")).isEqualTo("理由不能超过5个字");
    assertThat(problem("risk", "{\"value\": \"yes\"}")).contains("应为是或否");
    assertThat(problem("risk", "{\"value\": null}")).isNull();
    assertThat(problem("teams", "{\"type\": \"Json\", \"value\": \"[\\\"t2\\\"]\"}")).isNull();
    assertThat(problem("teams", "{\"type\": \"Json\", \"value\": \"[\\\"t9\\\"]\"}")).contains("取值无效：t9");
    assertThat(problem("teams", "{\"value\": \"[\\\"t2\\\"]\"}")).contains("应为列表");
    assertThat(problem("teams", "{\"type\": \"Json\", \"value\": \"7\"}")).contains("应为列表");
    assertThat(problem("dynamic", "{\"value\": \"anything\"}")).as("dynamic options are not known here").isNull();
  }

  private String problem(String key, String variable) throws Exception {
    JsonNode node = JSON.readTree(variable);
    return form.fields().get(key).problem(node).orElse(null);
  }
}
