package com.mileotech.cyber.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mileotech.cyber.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Our overrides of Camunda's webapp files (French Tasklist, no end-of-life banner) are complete,
 * win over the webjar's on the classpath, and are what the application serves.
 */
@IntegrationTest
class WebappCustomizationTest {

  private static final String WEBJAR = "META-INF/resources/webjars/camunda/app/";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Markup in labels (links, line breaks), not the literal "<null>" or "<undefined>" they display. */
  private static final String HTML_TAG = "</?(a|br|b|strong|em|span|code)\\b";

  @Autowired TestRestTemplate http;

  @Test
  void frenchLocaleTranslatesEveryLabelOfCamundasEnglishOne() throws IOException {
    JsonNode english = readJson(WEBJAR + "tasklist/locales/en.json"); // the webjar's: we do not override it
    JsonNode french = readJson(WEBJAR + "tasklist/locales/fr.json");

    assertThat(fieldNames(french.get("labels"))).isEqualTo(fieldNames(english.get("labels"))).hasSize(412);
    assertThat(fieldNames(french.get("dateLocales"))).isEqualTo(fieldNames(english.get("dateLocales")));
    List<String> problems = new ArrayList<>();
    english.get("labels").properties().forEach(entry -> {
      String en = entry.getValue().asText();
      String fr = french.get("labels").get(entry.getKey()).asText();
      if (fr.isBlank() != en.isBlank()) {
        problems.add(entry.getKey() + ": empty in one language only");
      }
      // interpolations ({{name}}) and markup must survive the translation
      if (!matches(en, "\\{\\{[^}]*}}").equals(matches(fr, "\\{\\{[^}]*}}"))
          || !matches(en, HTML_TAG).equals(matches(fr, HTML_TAG))) {
        problems.add(entry.getKey() + ": placeholders or markup differ: " + en + " / " + fr);
      }
    });
    assertThat(problems).isEmpty();

    JsonNode dates = french.get("dateLocales");
    assertThat(dates.get("months")).hasSize(12);
    assertThat(dates.get("months").get(0).asText()).isEqualTo("janvier");
    assertThat(dates.get("weekdays").get(1).asText()).isEqualTo("lundi");
    assertThat(dates.get("longDateFormat").get("LT").asText()).isEqualTo("HH:mm");
    assertThat(dates.get("week").get("dow").asInt()).isEqualTo(1);
  }

  /**
   * Admin is wholly French; Cockpit's French covers the screens the referent and project managers
   * use, the rest falling back to English. Every label of ours is one of Camunda's, with its
   * placeholders and markup.
   */
  @ParameterizedTest
  @ValueSource(strings = {"admin", "cockpit"})
  void adminAndCockpitLabelsAreCamundasInFrench(String app) throws IOException {
    JsonNode english = readJson(WEBJAR + app + "/locales/en.json");
    JsonNode french = readJson(WEBJAR + app + "/locales/fr.json");
    assertThat(fieldNames(english.get("labels"))).containsAll(fieldNames(french.get("labels")));
    if ("admin".equals(app)) {
      assertThat(fieldNames(french.get("labels"))).isEqualTo(fieldNames(english.get("labels")));
    } else {
      assertThat(french.get("labels").get("COCKPIT_PROCESSES").asText()).isEqualTo("Processus");
      assertThat(french.get("labels").size()).isGreaterThan(700);
    }
    List<String> problems = new ArrayList<>();
    french.get("labels").properties().forEach(entry -> {
      String en = english.get("labels").get(entry.getKey()).asText();
      String fr = entry.getValue().asText();
      if (!matches(en, "\\{\\{[^}]*}}").equals(matches(fr, "\\{\\{[^}]*}}"))
          || !matches(en, HTML_TAG).equals(matches(fr, HTML_TAG))) {
        problems.add(entry.getKey() + ": placeholders or markup differ: " + en + " / " + fr);
      }
    });
    assertThat(problems).isEmpty();
    assertThat(french.get("dateLocales").get("longDateFormat").get("L").asText()).isEqualTo("DD/MM/YYYY");
  }

  /** Our files come first on the classpath, before the camunda-webapp-webjar's of the same name. */
  @ParameterizedTest
  @ValueSource(strings = {"tasklist/scripts/config.js", "tasklist/styles/user-styles.css",
      "cockpit/scripts/config.js", "admin/scripts/config.js",
      "cockpit/styles/user-styles.css", "admin/styles/user-styles.css", "welcome/styles/user-styles.css"})
  void ourFileWinsOverTheWebjarsOnTheClasspath(String file) throws IOException {
    List<URL> copies = Collections.list(getClass().getClassLoader().getResources(WEBJAR + file));

    assertThat(copies).hasSize(2);
    assertThat(copies.get(0).getProtocol()).isEqualTo("file"); // target/classes
    assertThat(copies.get(1).toString()).contains("camunda-webapp-webjar");
  }

  @Test
  void tasklistIsServedWithOurConfigurationAndFrenchLocale() throws IOException {
    String config = get("/camunda/app/tasklist/scripts/config.js?bust=7.24.0");
    assertThat(config).contains("availableLocales: ['en', 'fr']", "fallbackLocale: 'en'",
        "customScripts: ['scripts/french-dates', 'scripts/french-forms', 'scripts/mileo-tasklist']",
        "key: 'ctrl+alt+c'");

    JsonNode french = parse(get("/camunda/app/tasklist/locales/fr.json?bust=7.24.0"));
    assertThat(french.get("labels").get("START_PROCESS").asText()).isEqualTo("Démarrer un processus");
    assertThat(french.get("labels").get("CLAIM_TASK").asText()).isEqualTo("Réclamer");

    assertThat(get("/camunda/app/tasklist/scripts/french-dates.js?bust=7.24.0"))
        .contains("angular.module('cam.tasklist.custom')");
    assertThat(get("/camunda/app/tasklist/scripts/french-forms.js?bust=7.24.0")).contains("'Field is required.': 'Ce champ est obligatoire.'");
    assertThat(get("/camunda/app/tasklist/scripts/mileo-tasklist.js?bust=7.24.0")).contains("Prendre la tâche");
    // English stays Camunda's
    assertThat(parse(get("/camunda/app/tasklist/locales/en.json")).get("labels").get("START_PROCESS").asText())
        .isEqualTo("Start process");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyWebappHidesTheEndOfLifeBanner(String app) {
    assertThat(get("/camunda/app/" + app + "/styles/user-styles.css?bust=7.24.0"))
        .contains("[cam-widget-header] .ce-eol-banner {\n  display: none !important;\n}");
  }

  private String get(String path) {
    ResponseEntity<String> response = http.getForEntity(path, String.class);
    assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private JsonNode readJson(String resource) throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static JsonNode parse(String json) throws IOException {
    return JSON.readTree(json.startsWith("\uFEFF") ? json.substring(1) : json); // Camunda's en.json has a BOM
  }

  private static TreeSet<String> fieldNames(JsonNode node) {
    TreeSet<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Map<String, Integer> matches(String text, String regex) {
    Map<String, Integer> counts = new TreeMap<>();
    Matcher matcher = Pattern.compile(regex).matcher(text);
    while (matcher.find()) {
      counts.merge(matcher.group().replace(" ", ""), 1, Integer::sum);
    }
    return counts;
  }
}
