package com.mileotech.cyber.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mileotech.cyber.EngineSteps.Person;
import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ContractType;
import com.mileotech.cyber.client.RegulatoryRegime;
import com.mileotech.cyber.security.Groups;
import com.mileotech.cyber.system.Refusal;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * A site retired while an incident is open stays among the incident's sites at its
 * (re)qualification; it cannot be added to an incident that did not name it (issue 15: new work
 * only). The API's side is in client/SiteRetirementTest.
 */
@IntegrationTest
class RetiredSiteQualificationTest extends IncidentScenario {

  static final String CLIENT = "retraits-incident";

  @Test
  void aRetiredSiteStaysOnItsIncidentButIsAddedToNone() {
    Client active = new Client(CLIENT, "Retraits SA", RegulatoryRegime.NONE,
        new Client.Contract(ContractType.STANDARD, LocalDate.of(2026, 1, 1), LocalDate.of(2028, 12, 31)),
        List.of(), null, List.of(new Client.Site("atelier", "Atelier", null), new Client.Site("magasin", "Magasin", null)));
    if (!clientRepository.exists(CLIENT)) {
      clientService.create(active);
    } else {
      clientService.update(active);
    }
    ProcessInstance pi = steps.start(SecurityIncidentVariables.PROCESS_KEY, Person.of(TECH, Groups.TECHNICIANS, CLIENT),
        reportForm(CLIENT, List.of("atelier")));
    runDueJobs(pi);
    clientService.update(new Client(CLIENT, active.name(), active.regime(), active.contract(), List.of(), null,
        List.of(new Client.Site("atelier", "Atelier", null, true), new Client.Site("magasin", "Magasin", null, true))));

    Person referent = Person.of(REFERENT, Groups.CYBER_REFERENT, CLIENT);
    assertThatThrownBy(() -> steps.submit(pi, "Task_QualifyIncident", referent,
            qualification("mineur", false, "atelier,magasin")))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("site retiré : « Magasin » ne peut plus être ajouté à un incident")
        .hasMessageNotContaining("Atelier");
    steps.submit(pi, "Task_QualifyIncident", referent, qualification("mineur", false, "atelier"));
    assertThat(variable(pi, SecurityIncidentVariables.SITE_IDS.name())).isEqualTo("atelier");
    assertThat(variable(pi, SecurityIncidentVariables.QUALIFICATION_VERSION.name())).isEqualTo(1);
  }
}
