package com.mileotech.cyber.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.client.RegulatoryRegime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Issue 18: a client under several regimes owes the duties of each; the NIS2 rules apply from the
 * configured day, judged on the awareness; every duty records the rule version that decided it.
 */
@IntegrationTest
class RegimesAndRuleVersionsTest {

  static final String DUAL = NotificationTestSupport.DUAL_CLIENT;
  private static final Instant AWARENESS = Instant.parse("2026-05-04T07:00:00Z");

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired NotificationTestSupport support;
  @Autowired ObligationRules rules;
  @Autowired RegulatoryObligations obligations;
  @Autowired RegulationProperties regulation;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    support.prepare();
    support.dualRegimeClient();
    ClockUtil.setCurrentTime(java.util.Date.from(AWARENESS));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void anOivThatIsAlsoAnEssentialEntityOwesTheAnssiDutiesOfEachRegime() {
    ProcessInstance incident = support.qualifiedIncident(DUAL, true, "critique", "intrusion", AWARENESS,
        "alerte-supervision");
    String ref = incident.getBusinessKey();
    Map<String, ObligationRules.DecisionRule> decided = rules.forIncident(ref);
    assertThat(decided).containsOnlyKeys(ref + "-ANSSI", ref + "-ANSSI-NIS2", ref + "-CNIL");
    assertThat(decided.get(ref + "-ANSSI").regime()).isEqualTo("OIV");
    assertThat(decided.get(ref + "-ANSSI").ruleVersion()).startsWith("lpm-oiv@2013-12-19 · regulatory-obligations 2026-12 v");
    assertThat(decided.get(ref + "-ANSSI-NIS2").regime()).isEqualTo("NIS2_ESSENTIAL");
    assertThat(decided.get(ref + "-ANSSI-NIS2").ruleVersion()).startsWith("nis2-art23@2024-10-18/gravite · ");
    assertThat(decided.get(ref + "-CNIL").regime()).isNull();
    assertThat(decided.get(ref + "-CNIL").ruleVersion()).startsWith("rgpd-art33@2018-05-25 · ");

    // each ANSSI duty runs as its own notification, with its own procedure and clock
    List<ProcessInstance> anssi = runtime.createProcessInstanceQuery().processDefinitionKey("anssi-notification")
        .variableValueEquals("reference", ref).list();
    assertThat(anssi).extracting(pi -> runtime.getVariable(pi.getId(), "procedure"))
        .containsExactlyInAnyOrder("oiv", "nis2");
    assertThat(anssi).extracting(pi -> runtime.getVariable(pi.getId(), "clientRegimeLabel"))
        .containsExactlyInAnyOrder("Opérateur d'importance vitale (OIV)", "Entité essentielle NIS2");
    assertThat(anssi).extracting(pi -> (String) runtime.getVariable(pi.getId(), "ruleVersion"))
        .allSatisfy(version -> assertThat(version).contains("regulatory-obligations 2026-12"));

    // a re-qualification opens none of them twice
    support.requalify(incident, Map.of("severity", "significatif"));
    assertThat(rules.forIncident(ref)).hasSize(3);
  }

  @Test
  void theNis2RulesApplyFromTheConfiguredDayJudgedOnTheAwareness() {
    assertThat(regulation.nis2().inForceFrom()).isEqualTo(LocalDate.of(2024, 10, 18)); // the tests' configuration
    Instant before = Instant.parse("2024-10-17T12:00:00Z");
    Instant onTheDay = Instant.parse("2024-10-17T22:30:00Z"); // 18 October, 00:30 in Paris
    ProcessInstance early = support.qualifiedIncident(NotificationTestSupport.NIS2_CLIENT, false, "critique", "malware",
        before, "alerte-supervision");
    ProcessInstance late = support.qualifiedIncident(NotificationTestSupport.NIS2_CLIENT, false, "critique", "malware",
        onTheDay, "alerte-supervision");
    assertThat(rules.forIncident(early.getBusinessKey())).isEmpty();
    assertThat(support.notification(early, "ANSSI")).isNull();
    assertThat(rules.forIncident(late.getBusinessKey()).get(late.getBusinessKey() + "-ANSSI").ruleVersion())
        .startsWith("nis2-art23@2024-10-18/gravite · regulatory-obligations 2026-12 v");
    assertThat(support.notification(late, "ANSSI")).isNotNull();
  }

  @Test
  void theDayIsConfigurationEmptyWhileTheTranspositionIsNotLaw() {
    RegulatoryObligations.Facts significant = new RegulatoryObligations.Facts(false, "mineur", "malware", true,
        LocalDate.of(2026, 12, 5));
    List<RegulatoryRegime> nis2 = List.of(RegulatoryRegime.NIS2_IMPORTANT);
    // empty, as application.yaml ships it: no NIS2 duty
    assertThat(obligations.decide(significant, nis2, bind("").nis2().inForceFrom())).isEmpty();
    // the law applies from a later day: not yet
    assertThat(obligations.decide(significant, nis2, bind("2027-01-01").nis2().inForceFrom())).isEmpty();
    // in force: the duty, with the version naming the day
    assertThat(obligations.decide(significant, nis2, bind("2026-12-05").nis2().inForceFrom()))
        .extracting(o -> o.procedure() + " " + o.ruleVersion().split(" · ")[0])
        .containsExactly("nis2 nis2-art23@2026-12-05");
  }

  private static RegulationProperties bind(String inForceFrom) {
    return new Binder(new MapConfigurationPropertySource(Map.of("mileo.regulation.nis2.in-force-from", inForceFrom)))
        .bind("mileo.regulation", RegulationProperties.class).orElseGet(() -> new RegulationProperties(null));
  }
}
