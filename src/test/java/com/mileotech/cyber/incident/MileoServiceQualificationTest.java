package com.mileotech.cyber.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.security.Groups;
import com.mileotech.cyber.system.FormValues;
import com.mileotech.cyber.system.Refusal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * The qualification's block « Service de Mileo » (issue 18): what the referent answers is checked
 * and recorded with the qualification, in the same transaction; the other clients are offered from
 * the registry. Mileo is not a NIS2 entity in this configuration: nothing of Mileo's own is opened.
 */
@IntegrationTest
class MileoServiceQualificationTest extends IncidentScenario {

  @Test
  void theReferentSaysMileosPlatformFailedTwoClients() {
    ProcessInstance pi = reportOiv();
    runDueJobs(pi);
    assertThat(FormValues.strings(variable(pi, "otherClientOptions").toString())).isNotNull();
    assertThat(variable(pi, "otherClientOptions").toString()).contains(TestClients.PLAIN).doesNotContain("\"" + TestClients.OIV + "\"");

    submit(pi, "Task_QualifyIncident", REFERENT, Groups.CYBER_REFERENT, block(
        List.of("plateforme-supervision", "plusieurs-clients"), List.of(TestClients.PLAIN)));
    assertThat(variable(pi, "mileoServiceAffected")).isEqualTo(true);
    assertThat(variable(pi, "mileoServiceParts")).isEqualTo("plateforme-supervision,plusieurs-clients");
    assertThat(variable(pi, "mileoServicePartsLabel")).isEqualTo("plateforme de supervision, plusieurs clients à la fois");
    assertThat(variable(pi, "affectedClients")).isEqualTo(TestClients.OIV + "," + TestClients.PLAIN);
    assertThat(jdbc.sql("""
        select mileo_service_affected, mileo_service_parts, other_affected_clients from security_incident where reference = ?""")
        .param(pi.getBusinessKey()).query((rs, n) -> rs.getBoolean(1) + " " + rs.getString(2) + " " + rs.getString(3))
        .single()).isEqualTo("true plateforme-supervision,plusieurs-clients " + TestClients.PLAIN);

    runDueJobs(pi); // the assessment: the client's duties only (Mileo is not configured as a NIS2 entity)
    assertThat(runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(pi.getBusinessKey() + "-ANSSI-MILEO").count()).isZero();
  }

  @Test
  void anIncompleteOrUnknownAnswerIsRefusedAndNothingIsRecorded() {
    ProcessInstance pi = reportOiv();
    runDueJobs(pi);
    assertThatThrownBy(() -> submit(pi, "Task_QualifyIncident", REFERENT, Groups.CYBER_REFERENT, block(List.of(), List.of())))
        .isInstanceOf(Refusal.class).hasMessageContaining("service de Mileo affecté : indiquez ce qui l'est");
    assertThatThrownBy(() -> submit(pi, "Task_QualifyIncident", REFERENT, Groups.CYBER_REFERENT,
        block(List.of("plusieurs-clients"), List.of("client-inconnu"))))
        .isInstanceOf(Refusal.class).hasMessageContaining("autres clients affectés : client inconnu")
        .hasMessageContaining("choisissez au moins un autre client");
    assertThat(active(pi, "Task_QualifyIncident")).isTrue();
    assertThat(variable(pi, "qualificationVersion")).isNull();
    assertThat(jdbc.sql("select count(*) from security_incident_qualification where reference = ?")
        .param(pi.getBusinessKey()).query(Long.class).single()).isZero();

    // unanswered: not affected (the block is optional)
    submit(pi, "Task_QualifyIncident", REFERENT, Groups.CYBER_REFERENT, IncidentForms.qualification("mineur", false,
        List.of("site-nord")));
    assertThat(variable(pi, "mileoServiceAffected")).isEqualTo(false);
    assertThat(variable(pi, "affectedClients")).isEqualTo(TestClients.OIV);
  }

  private static Map<String, Object> block(List<String> parts, List<String> others) {
    Map<String, Object> form = IncidentForms.qualification("significatif", false, List.of("site-nord"));
    form.put("mileoServiceAnswer", "oui");
    form.put("mileoServicePartsInput", FormValues.json(parts));
    form.put("otherAffectedClientsInput", FormValues.json(others));
    return form;
  }
}
