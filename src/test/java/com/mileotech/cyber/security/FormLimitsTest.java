package com.mileotech.cyber.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.IntegrationTest;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The limits a form states are those of where the server keeps its values (issue 15,
 * docs/limits.md): a person told "4,000 characters" by Tasklist must never meet a database that
 * holds 1,000. Every text of every form fits a Camunda text variable (and its history), and the
 * fields copied into a column of our registers fit that column, read from the migrated schema.
 */
@IntegrationTest
class FormLimitsTest {

  /** form / field → table.column it is recorded in (as it is, trimmed at most). */
  static final Map<String, String> STORED = new LinkedHashMap<>();

  static {
    STORED.put("incident-report/equipment", "security_incident.equipment");
    STORED.put("incident-report/description", "security_incident.description");
    STORED.put("incident-qualification/affectedSystems", "security_incident_qualification.affected_systems");
    STORED.put("incident-requalification/affectedSystems", "security_incident_qualification.affected_systems");
    STORED.put("incident-requalification/requalificationReason", "security_incident_qualification.reason");
    for (int n = 1; n <= 6; n++) {
      STORED.put("incident-evidence/evidence" + n + "Description", "security_incident_evidence.description");
      STORED.put("incident-evidence/evidence" + n + "StorageLocation", "security_incident_evidence.storage_location");
      STORED.put("incident-evidence/evidence" + n + "CapturedBy", "security_incident_evidence.captured_by");
    }
    STORED.put("incident-evidence/evidenceWaiverReason", "security_incident.evidence_waiver_reason");
    STORED.put("incident-evidence/videoLegalHoldJustification", "security_incident.video_legal_hold_justification");
    STORED.put("notification-cnil-draft/breachNature", "regulatory_notification.breach_nature");
    STORED.put("notification-cnil-draft/recordsCategories", "regulatory_notification.records_categories");
    STORED.put("notification-cnil-draft/likelyConsequences", "regulatory_notification.likely_consequences");
    STORED.put("notification-cnil-draft/measuresTaken", "regulatory_notification.measures");
    STORED.put("notification-cnil-filing/cnilReceiptReference", "regulatory_report.receipt_reference");
    STORED.put("notification-cnil-filing/cnilDelayReasons", "regulatory_report.delay_reasons");
    STORED.put("notification-cnil-filing/cnilNotRequiredReason", "notification_decision.risk_assessment");
    STORED.put("notification-cnil-filing/cnilNotRequiredApprovedBy", "notification_decision.approved_by");
    STORED.put("notification-cnil-follow-up/complementReceiptReference", "regulatory_report.receipt_reference");
    STORED.put("notification-cnil-follow-up/complementContent", "regulatory_report.content");
    STORED.put("notification-anssi-filing/anssiReceiptReference", "regulatory_report.receipt_reference");
    STORED.put("notification-anssi-filing/anssiDelayReasons", "regulatory_report.delay_reasons");
    STORED.put("notification-data-subjects/dataSubjectsDetails", "regulatory_notification.data_subjects_details");
    STORED.put("update-publication/product", "security_update.product");
    STORED.put("update-publication/advisory", "security_update.advisory");
    STORED.put("update-publication/fixedVersion", "security_update.fixed_version");
    STORED.put("update-publication/affectedVersionsText", "security_update.affected_versions");
    STORED.put("update-publication/cveIdsText", "security_update.cve_ids");
    STORED.put("update-reverification/reverificationComment", "hardening_reverification.comment");
    // commissioning-start's client and site are chosen from the registry (issue 16), no longer typed
    STORED.put("commissioning-start/vmsProduct", "client_software.product");
    STORED.put("commissioning-start/vmsVersion", "client_software.version");
  }

  static {
    // the fill-in form of each catalogue version (generated: commissioning/ChecklistForm)
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      forms.map(f -> f.getFileName().toString()).filter(f -> f.startsWith("commissioning-fill-")).sorted()
          .forEach(f -> STORED.put(f.replace(".form", "") + "/vmsVersion", "client_software.version"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static {
    // the containment and eradication forms of each playbook version (generated: playbook/PlaybookForm):
    // each action's comment or justification is kept in playbook_action.comment
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.filter(f -> f.getFileName().toString().matches("incident-(containment|eradication)-.+\\.form"))
          .sorted().toList()) {
        try (InputStream in = Files.newInputStream(form)) {
          FormContract contract = FormContract.parse(in);
          contract.fields().keySet().stream().filter(k -> k.endsWith("_comment") || k.endsWith("_justification"))
              .forEach(k -> STORED.put(contract.formId() + "/" + k, "playbook_action.comment"));
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Autowired JdbcClient jdbc;

  @Test
  void everyTextOfEveryFormFitsWhereTheServerKeepsIt() throws Exception {
    int variable = columnSize("act_ru_variable.text_");
    assertThat(variable).isEqualTo(columnSize("act_hi_detail.text_")).isEqualTo(4000);
    Map<String, Integer> limits = new LinkedHashMap<>();
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(form)) {
          FormContract contract = FormContract.parse(in);
          contract.fields().values().stream().filter(f -> List.of("textfield", "textarea").contains(f.type()))
              .filter(f -> !f.readonly())
              .forEach(f -> limits.put(contract.formId() + "/" + f.path(), f.maxLength() != null ? f.maxLength()
                  : "textarea".equals(f.type()) ? FormContract.TEXTAREA_MAX : FormContract.TEXTFIELD_MAX));
        }
      }
    }
    SoftAssertions softly = new SoftAssertions();
    limits.forEach((field, limit) -> softly.assertThat(limit).as(field + " in a text variable").isLessThanOrEqualTo(variable));
    STORED.forEach((field, column) -> {
      softly.assertThat(limits).as(field + " is a text field of its form").containsKey(field);
      if (limits.containsKey(field)) {
        softly.assertThat(limits.get(field)).as(field + " in " + column).isLessThanOrEqualTo(columnSize(column));
      }
    });
    softly.assertAll();
  }

  private int columnSize(String tableColumn) {
    String[] parts = tableColumn.toUpperCase().split("\\.");
    return jdbc.sql("select character_maximum_length from information_schema.columns where table_name = ? and column_name = ?")
        .params(parts[0], parts[1]).query(Integer.class).single();
  }
}
