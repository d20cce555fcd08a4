package com.mileotech.cyber.incident;

import com.mileotech.cyber.system.Refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ContractType;
import com.mileotech.cyber.client.RegulatoryRegime;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Tasklist start form "Signaler un incident de sécurité": a refused report creates nothing and
 * spends no reference; the form's client list follows the registry.
 */
@IntegrationTest
class StartFormTest extends IncidentScenario {

  @Autowired ReportFormPublisher publisher;

  @Test
  void aRefusedReportSaysWhyAndChangesNothing() {
    String before = reportPlain().getBusinessKey();
    long instances = runtimeService.createProcessInstanceQuery().processDefinitionKey(SecurityIncidentVariables.PROCESS_KEY).count();
    long rows = jdbc.sql("select count(*) from security_incident").query(Long.class).single();

    Map<String, Object> unknownClient = reportForm("client-inconnu", List.of("boutique"));
    assertThatThrownBy(() -> report(unknownClient)).isInstanceOf(Refusal.class)
        .hasMessage("Signalement refusé : client inconnu : « client-inconnu ».");

    Map<String, Object> badSite = reportForm(TestClients.PLAIN, List.of("site-nord"));
    assertThatThrownBy(() -> report(badSite)).isInstanceOf(Refusal.class)
        .hasMessage("Signalement refusé : site inconnu pour le client Client sans régime : « site-nord ».");

    Map<String, Object> incoherent = reportForm(TestClients.PLAIN, List.of("boutique"));
    incoherent.put("description", " ");
    incoherent.put("detectedAtInput", "2026-03-02T08:00");
    incoherent.put("beganAtInput", "2026-03-02T08:30");
    assertThatThrownBy(() -> report(incoherent)).isInstanceOf(Refusal.class)
        .hasMessage("Signalement refusé : description obligatoire ; le début de l'incident ne peut pas suivre sa détection "
            + "(2 mars 2026 à 8 h 30, heure de Paris après 2 mars 2026 à 8 h 00, heure de Paris).");

    Map<String, Object> future = reportForm(TestClients.PLAIN, List.of("boutique"));
    future.put("detectedAtInput", "2026-03-02T12:00");
    assertThatThrownBy(() -> report(future)).isInstanceOf(Refusal.class)
        .hasMessage("Signalement refusé : l'heure de détection ne peut pas être dans le futur (2 mars 2026 à 12 h 00, heure de Paris).");

    Map<String, Object> unreadable = reportForm(TestClients.PLAIN, List.of("boutique"));
    unreadable.put("detectedAtInput", "02/03/2026 9h");
    assertThatThrownBy(() -> report(unreadable)).isInstanceOf(Refusal.class)
        .hasMessage("Signalement refusé : heure de détection : date et heure illisibles : « 02/03/2026 9h » (attendu : JJ/MM/AAAA HH:MM).");

    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(SecurityIncidentVariables.PROCESS_KEY).count()).isEqualTo(instances);
    assertThat(jdbc.sql("select count(*) from security_incident").query(Long.class).single()).isEqualTo(rows);
    String after = reportPlain().getBusinessKey();
    assertThat(number(after)).isEqualTo(number(before) + 1);
  }

  @Test
  void theStartFormListsTheRegistryClientsAndTheirSites() {
    ProcessInstance pi = reportPlain(); // the form is deployed and usable
    assertThat(pi.getBusinessKey()).startsWith("INC-");
    String form = deployedStartForm();
    assertThat(form).contains("\"label\" : \"Client sans régime\"").contains("\"value\" : \"client-plain\"")
        .contains("if clientId = \\\"client-plain\\\" then [{label: \\\"Boutique\\\", value: \\\"boutique\\\"}]");

    clientService.create(new Client("client-nouveau", "Nouveau \"client\"", RegulatoryRegime.NONE,
        new Client.Contract(ContractType.STANDARD, LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1)), List.of(), null,
        List.of(new Client.Site("depot", "Dépôt", null))));
    assertThat(deployedStartForm()).contains("\"value\" : \"client-nouveau\"")
        .contains("if clientId = \\\"client-nouveau\\\" then [{label: \\\"Dépôt\\\", value: \\\"depot\\\"}]")
        .contains("Nouveau \\\"client\\\"");
    int versions = formVersions();
    publisher.publish(); // nothing changed: no new version
    assertThat(formVersions()).isEqualTo(versions);
  }

  private String deployedStartForm() {
    String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey(SecurityIncidentVariables.PROCESS_KEY)
        .latestVersion().singleResult().getId();
    try (var in = formService.getDeployedStartForm(definitionId)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private int formVersions() {
    return (int) repositoryService.createDeploymentQuery().deploymentName("incident-report-form").count();
  }

  private static int number(String reference) {
    return Integer.parseInt(reference.substring(reference.lastIndexOf('-') + 1));
  }
}
