package cn.court.enforcement.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Chinese webapp texts against the English ones shipped in the Camunda webjar on the
 * classpath: a Camunda upgrade that adds, renames or removes keys fails the build here.
 * docs/webapps-zh.md says how to bring the translations up to date.
 */
class WebappTranslationTest {

  private static final String APP_ROOT = "META-INF/resources/webjars/camunda/app/";
  private static final String WEBJAR_POM =
      "META-INF/maven/org.camunda.bpm.webapp/camunda-webapp-webjar/pom.properties";
  /** The webjar version our config.js copies and formjs-zh.js were made from. */
  private static final String TRANSLATED_VERSION = "7.24.0";

  /** Interpolations ({{name}}, {}), moment's %d / %s and HTML tags must survive translation. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}|\\{}|%[ds]");
  private static final Pattern HTML_TAG =
      Pattern.compile("</?(a|b|br|strong|em|i|code|span|p|ul|ol|li|div|pre)\\b[^>]*>");

  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyShippedKeyHasAChineseText(String app) throws IOException {
    Map<String, JsonNode> en = leaves(app, "en.json");
    Map<String, JsonNode> zh = leaves(app, "zh.json");

    assertThat(missing(en, zh))
        .as("keys of %s/en.json without Chinese text (key = English)", app)
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void noChineseTextForKeysCamundaNoLongerShips(String app) throws IOException {
    Map<String, JsonNode> en = leaves(app, "en.json");

    // dateLocales may carry more moment.js settings than the English file (e.g. "lll").
    List<String> stale = leaves(app, "zh.json").keySet().stream()
        .filter(key -> !key.startsWith("dateLocales.") && !en.containsKey(key))
        .toList();

    assertThat(stale).as("keys in %s/zh.json that %s/en.json no longer has", app, app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void noChineseTextIsEmpty(String app) throws IOException {
    assertThat(violations(app, (english, chinese) -> !chinese.isBlank()
            // Empty in English too, or an English plural suffix ("instance" + "s").
            || english.isBlank() || english.equals("s")))
        .as("empty Chinese texts in %s/zh.json", app)
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void placeholdersAndMarkupArePreserved(String app) throws IOException {
    assertThat(violations(app, (english, chinese) ->
            tokens(PLACEHOLDER, english).equals(tokens(PLACEHOLDER, chinese))
                && tokens(HTML_TAG, english).equals(tokens(HTML_TAG, chinese))))
        .as("Chinese texts in %s/zh.json that lose or change {{placeholders}} or HTML", app)
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void configOffersChineseWithEnglishFallback(String app) throws IOException {
    String config = text(APP_ROOT + app + "/scripts/config.js");

    assertThat(config)
        .contains("availableLocales: ['en', 'zh']")
        .contains("fallbackLocale: 'en'");
  }

  @Test
  void tasklistConfigKeepsTheShippedShortcutsAndLoadsTheFormJsTranslation() throws IOException {
    String config = text(APP_ROOT + "tasklist/scripts/config.js");

    assertThat(config)
        .contains("customScripts: ['scripts/formjs-zh', 'scripts/court-navbar']")
        .contains("claimTask", "focusFilter", "focusList", "focusForm", "startProcess")
        .contains("'ctrl+alt+c'", "'ctrl+shift+f'", "'ctrl+alt+l'", "'ctrl+alt+f'", "'ctrl+alt+p'");
  }

  /** formjs-zh.js replaces exact English texts: they must still be the ones form-js shows. */
  @Test
  void formJsStillShowsTheTextsWeTranslate() throws IOException {
    String script = text(APP_ROOT + "tasklist/scripts/formjs-zh.js");
    String formJs = text("META-INF/resources/webjars/camunda/lib/deps.js");
    String exactTexts = script.substring(script.indexOf("const EXACT"), script.indexOf("const PATTERNS"));
    List<String> english = new ArrayList<>();
    Matcher matcher = Pattern.compile("^\\s+'([^']+)':", Pattern.MULTILINE).matcher(exactTexts);
    while (matcher.find()) {
      english.add(matcher.group(1));
    }

    assertThat(english).hasSizeGreaterThan(5);
    assertThat(english).allSatisfy(text -> assertThat(formJs).contains('"' + text + '"'));
  }

  /**
   * config.js is a copy of the shipped file and formjs-zh.js matches form-js's English
   * strings: both must be checked by hand when the webjar changes.
   */
  @Test
  void webjarIsTheVersionTheCopiesWereMadeFrom() throws IOException {
    Properties pom = new Properties();
    try (InputStream in = resource(WEBJAR_POM)) {
      pom.load(in);
    }

    assertThat(pom.getProperty("version"))
        .as("Camunda webjar changed: re-copy scripts/config.js of each app, check "
            + "tasklist/scripts/formjs-zh.js in a browser, then update TRANSLATED_VERSION "
            + "(see docs/webapps-zh.md)")
        .isEqualTo(TRANSLATED_VERSION);
  }

  private List<String> violations(String app, BiPredicate<String, String> acceptable)
      throws IOException {
    Map<String, JsonNode> en = leaves(app, "en.json");
    Map<String, JsonNode> zh = leaves(app, "zh.json");
    List<String> violations = new ArrayList<>();
    en.forEach((key, english) -> {
      JsonNode chinese = zh.get(key);
      if (english.isTextual() && chinese != null
          && !acceptable.test(english.asText(), chinese.asText())) {
        violations.add(key + ": " + english.asText() + " => " + chinese.asText());
      }
    });
    return violations;
  }

  private static List<String> missing(Map<String, JsonNode> en, Map<String, JsonNode> zh) {
    return en.entrySet().stream()
        .filter(entry -> !zh.containsKey(entry.getKey()))
        .map(entry -> entry.getKey() + " = " + entry.getValue().asText())
        .toList();
  }

  private static String tokens(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found.stream().sorted().collect(Collectors.joining("|"));
  }

  /** Leaf values by dotted path ("labels.CLAIM_TASK", "dateLocales.months.0"). */
  private Map<String, JsonNode> leaves(String app, String file) throws IOException {
    JsonNode root;
    try (InputStream in = resource(APP_ROOT + app + "/locales/" + file)) {
      root = json.readTree(in);
    }
    Map<String, JsonNode> leaves = new TreeMap<>();
    collect("", root, leaves);
    return leaves;
  }

  private static void collect(String path, JsonNode node, Map<String, JsonNode> leaves) {
    String prefix = path.isEmpty() ? "" : path + ".";
    if (node.isObject()) {
      node.properties().forEach(field -> collect(prefix + field.getKey(), field.getValue(), leaves));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(prefix + i, node.get(i), leaves);
      }
    } else {
      leaves.put(path, node);
    }
  }

  private static String text(String name) throws IOException {
    try (InputStream in = resource(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = WebappTranslationTest.class.getClassLoader().getResourceAsStream(name);
    assertThat(in).as("classpath resource %s", name).isNotNull();
    return in;
  }
}
