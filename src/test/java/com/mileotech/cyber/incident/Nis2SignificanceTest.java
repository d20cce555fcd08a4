package com.mileotech.cyber.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ContractType;
import com.mileotech.cyber.client.Nis2EntityType;
import com.mileotech.cyber.client.RegulatoryRegime;
import com.mileotech.cyber.security.Groups;
import com.mileotech.cyber.system.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: significance as NIS2 defines it, answered at qualification and kept with its answers;
 * recurring incidents (regulation (EU) 2024/2690 art. 4) proposed to the referent, whose decision
 * is recorded with its owner.
 */
@IntegrationTest
class Nis2SignificanceTest extends IncidentScenario {

  /** A managed service provider: regulation 2024/2690 defines its significant incidents. */
  static final String MSP = "client-nis2-msp";
  /** An essential entity of another kind: NIS2 art. 23(3). */
  static final String ENERGY = "client-nis2-energie";
  static final List<String> REGULATION_FIELDS = List.of("nis2FinancialLoss", "nis2TradeSecrets", "nis2HarmToPersons",
      "nis2MaliciousAccess", "nis2ServiceCriteria");
  static final List<String> ARTICLE_23_FIELDS = List.of("nis2OperationalDisruption", "nis2DamageToOthers");

  /** Staff belong to every client's tenant, these two included. */
  static com.mileotech.cyber.EngineSteps.Person staff(String userId, Groups group) {
    if (group == Groups.CLIENT_RSSI) {
      return person(userId, group);
    }
    return com.mileotech.cyber.EngineSteps.Person.of(userId, group,
        List.of(com.mileotech.cyber.TestClients.OIV, com.mileotech.cyber.TestClients.PLAIN, MSP, ENERGY));
  }

  @Override
  void as(String userId, Groups group) {
    var person = staff(userId, group);
    identityService.setAuthentication(person.userId(), person.groupIds(), person.tenantIds());
  }

  @Override
  void submit(ProcessInstance pi, String key, String userId, Groups group, Map<String, Object> form) {
    steps.submit(pi, key, staff(userId, group), form);
  }

  void clients() {
    if (!clientRepository.exists(MSP)) {
      clientService.create(new Client(MSP, "Infogérance Durand", List.of(RegulatoryRegime.NIS2_IMPORTANT),
          new Client.Contract(ContractType.STANDARD, LocalDate.of(2025, 1, 1), LocalDate.of(2030, 1, 1)),
          List.of(), null, List.of(new Client.Site("datacenter", "Salle serveurs", null)), Nis2EntityType.MANAGED_SERVICE));
    }
    if (!clientRepository.exists(ENERGY)) {
      clientService.create(new Client(ENERGY, "Énergie du Nord", List.of(RegulatoryRegime.NIS2_ESSENTIAL),
          new Client.Contract(ContractType.STANDARD, LocalDate.of(2025, 1, 1), LocalDate.of(2030, 1, 1)),
          List.of(), null, List.of(new Client.Site("poste", "Poste source", null))));
    }
  }

  ProcessInstance reported(String client, String site) {
    clients();
    ProcessInstance pi = report(reportForm(client, List.of(site)));
    runDueJobs(pi);
    return pi;
  }

  /** The qualification with the test's answers: "oui" to {@code yes}, "non" to the rest of {@code fields}. */
  static Map<String, Object> answered(String severity, String site, List<String> fields, String... yes) {
    Map<String, Object> form = new HashMap<>(qualification(severity, false, site));
    fields.forEach(f -> form.put(f, List.of(yes).contains(f) ? "oui" : "non"));
    return form;
  }

  List<ProcessInstance> anssi(ProcessInstance pi) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("anssi-notification")
        .variableValueEquals("reference", pi.getBusinessKey()).list();
  }

  @Test
  void aMaliciousAccessMakesItSignificantUnderRegulation2024_2690() {
    ProcessInstance pi = reported(MSP, "datacenter");
    // the forms show the questions of the client's test (form-js conditional on it)
    assertThat(variable(pi, "nis2SignificanceTest")).isEqualTo("reglement-2024-2690");
    // unanswered: refused, naming the criterion
    assertThatThrownBy(() -> submit(pi, "Task_QualifyIncident", REFERENT, Groups.CYBER_REFERENT,
        qualification("mineur", false, "datacenter")))
        .isInstanceOf(Refusal.class).hasMessageContaining("test de significativité NIS2").hasMessageContaining("art. 3, 1, e");

    submit(pi, "Task_QualifyIncident", REFERENT, Groups.CYBER_REFERENT,
        answered("mineur", "datacenter", REGULATION_FIELDS, "nis2MaliciousAccess"));
    runDueJobs(pi);
    assertThat(variable(pi, "nis2Significant")).isEqualTo(true);
    assertThat((String) variable(pi, "nis2SignificanceBasis")).startsWith("Incident important au sens de NIS2 "
        + "(règlement d'exécution (UE) 2024/2690) : accès malveillant");
    // the answers stay on the incident as given
    assertThat(variable(pi, "nis2MaliciousAccess")).isEqualTo("oui");
    assertThat(variable(pi, "nis2FinancialLoss")).isEqualTo("non");
    // a minor severity, yet significant: the NIS2 duty is owed, the verdict decided it
    assertThat(anssi(pi)).singleElement().satisfies(n -> {
      assertThat(runtimeService.getVariable(n.getId(), "procedure")).isEqualTo("nis2");
      assertThat((String) runtimeService.getVariable(n.getId(), "ruleVersion")).startsWith("nis2-art23@2024-10-18 · ");
    });
  }

  @Test
  void noCriterionMetUnderArticle23MeansNoAnssiDutyWhateverTheSeverity() {
    ProcessInstance pi = reported(ENERGY, "poste");
    assertThat(variable(pi, "nis2SignificanceTest")).isEqualTo("nis2-art23");
    submit(pi, "Task_QualifyIncident", REFERENT, Groups.CYBER_REFERENT,
        answered("critique", "poste", ARTICLE_23_FIELDS));
    runDueJobs(pi);
    assertThat(variable(pi, "nis2Significant")).isEqualTo(false);
    assertThat((String) variable(pi, "nis2SignificanceBasis")).isEqualTo("Incident non important au sens de NIS2 "
        + "(art. 23, 3) : aucun critère rempli");
    assertThat(anssi(pi)).isEmpty();

    // re-qualified with new facts: the damage to others makes it significant, the duty starts
    Map<String, Object> requalified = answered("critique", "poste", ARTICLE_23_FIELDS, "nis2DamageToOthers");
    requalified.put("awarenessChoice", "inchangee");
    requalified.put("awarenessConfirmed", true);
    requalified.put("requalificationReason", "Des clients de l'entité sont privés d'électricité");
    submit(pi, "Task_RequalifyIncident", REFERENT, Groups.CYBER_REFERENT, requalified);
    runDueJobs(pi);
    assertThat(variable(pi, "nis2Significant")).isEqualTo(true);
    assertThat(anssi(pi)).hasSize(1);
  }

  @Test
  void aClientNoNis2EntityIsAskedNothing() {
    ProcessInstance pi = reportPlain();
    runDueJobs(pi);
    assertThat(variable(pi, "nis2SignificanceTest")).isNull();
    qualify(pi, "mineur", false);
    assertThat(variable(pi, "nis2Significant")).isNull();
  }

  /** An incident reported before its client was a NIS2 entity: its form asked nothing, the next one asks. */
  @Test
  void anIncidentWhoseFormAskedNothingIsQualifiedAndTheNextFormAsks() {
    ProcessInstance pi = reported(ENERGY, "poste");
    runtimeService.removeVariable(pi.getId(), "nis2SignificanceTest"); // as before the client became a NIS2 entity
    submit(pi, "Task_QualifyIncident", REFERENT, Groups.CYBER_REFERENT, qualification("critique", false, "poste"));
    runDueJobs(pi);
    assertThat(variable(pi, "nis2Significant")).isNull();
    assertThat(variable(pi, "nis2SignificanceTest")).isEqualTo("nis2-art23");
    // the severity stood in for the test
    assertThat(anssi(pi)).singleElement().satisfies(n ->
        assertThat((String) runtimeService.getVariable(n.getId(), "ruleVersion")).startsWith("nis2-art23@2024-10-18/gravite"));
  }

  @Test
  void twoIncidentsOfOneNatureWithinSixMonthsAreProposedAsOneSignificantIncident() {
    ProcessInstance first = reported(MSP, "datacenter");
    submit(first, "Task_QualifyIncident", REFERENT, Groups.CYBER_REFERENT,
        denialOfService());
    runDueJobs(first);
    assertThat(review(first)).isNull();

    now(T0.plus(Duration.ofDays(120)));
    ProcessInstance second = reported(MSP, "datacenter");
    submit(second, "Task_QualifyIncident", REFERENT, Groups.CYBER_REFERENT,
        denialOfService());
    runDueJobs(second);
    assertThat(anssi(second)).isEmpty();
    // the note the incident's forms show, and the referent's task
    assertThat((String) variable(second, "recurrenceNote")).startsWith("2 incidents de même nature (")
        .contains(first.getBusinessKey(), second.getBusinessKey(), "règlement (UE) 2024/2690, art. 4");
    ProcessInstance review = review(second);
    assertThat(review).isNotNull();
    Task task = taskService.createTaskQuery().processInstanceId(review.getId()).singleResult();
    assertThat(task.getName()).startsWith("Examiner les incidents récurrents " + second.getBusinessKey());
    assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(l -> l.getGroupId()).contains("cyber-referent");

    // a technician cannot decide; a reason is required
    as(TECH, Groups.TECHNICIANS);
    assertThatThrownBy(() -> formService.submitTaskForm(task.getId(), Map.of("recurrenceDecision", "significatif",
        "recurrenceReason", "Même compte compromis")))
        .isInstanceOfAny(Refusal.class, org.camunda.bpm.engine.AuthorizationException.class);
    asNobody();
    as(REFERENT, Groups.CYBER_REFERENT);
    try {
      assertThatThrownBy(() -> formService.submitTaskForm(task.getId(), Map.of("recurrenceDecision", "significatif",
          "recurrenceReason", " "))).isInstanceOf(Refusal.class).hasMessageContaining("obligatoire");
      formService.submitTaskForm(task.getId(), Map.of("recurrenceDecision", "significatif",
          "recurrenceReason", "Même compte d'administration compromis ; pertes cumulées au-delà de 500 000 €"));
    } finally {
      asNobody();
    }
    assertThat(jdbc.sql("select decision, decided_by, related_references, notification_id from recurring_incident_review "
            + "where incident_reference = ?").param(second.getBusinessKey())
        .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4))
        .single()).isEqualTo("significatif|" + REFERENT + "|" + first.getBusinessKey() + "|" + second.getBusinessKey() + "-ANSSI");
    assertThat(anssi(second)).singleElement().satisfies(n -> {
      assertThat((String) runtimeService.getVariable(n.getId(), "legalBasis")).contains("incidents récurrents",
          first.getBusinessKey());
      assertThat((String) runtimeService.getVariable(n.getId(), "ruleVersion")).startsWith("recurrence-art4 + nis2-art23@");
    });

    // seven months after the first, one of the same nature is alone again: no review
    now(T0.plus(Duration.ofDays(330)));
    ProcessInstance third = reported(MSP, "datacenter");
    submit(third, "Task_QualifyIncident", REFERENT, Groups.CYBER_REFERENT,
        denialOfService());
    runDueJobs(third);
    assertThat(review(third)).isNull();
  }

  /** A denial of service (the nature no other test of this class uses for this client). */
  static Map<String, Object> denialOfService() {
    Map<String, Object> form = answered("mineur", "datacenter", REGULATION_FIELDS);
    form.put("nature", "deni-de-service");
    return form;
  }

  ProcessInstance review(ProcessInstance incident) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("recurring-incidents-review")
        .processInstanceBusinessKey(incident.getBusinessKey() + "-RECURRENCE").singleResult();
  }
}
