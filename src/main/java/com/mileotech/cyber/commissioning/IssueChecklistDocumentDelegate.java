package com.mileotech.cyber.commissioning;

import static com.mileotech.cyber.commissioning.CommissioningVariables.*;

import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.ContractType;
import com.mileotech.cyber.reminder.Audience;
import com.mileotech.cyber.reminder.Notice;
import com.mileotech.cyber.reminder.Reminders;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * "Émettre le document": renders the PDF of the checklist as it stands, stores it as the next
 * version (history kept, retained until the maintenance contract's end), updates the client's
 * firmware inventory and mails the document to the client's RSSI. Input {@code reason}. Runs
 * after an async boundary: everything here is in the job's transaction, so a retry after a
 * failure never leaves a half-issued version.
 */
@Component("issueChecklistDocument")
class IssueChecklistDocumentDelegate implements JavaDelegate {

  private final ChecklistDocuments documents;
  private final EquipmentInventory inventory;
  private final ChecklistPdf pdf;
  private final ClientRepository clients;
  private final Reminders reminders;

  IssueChecklistDocumentDelegate(ChecklistDocuments documents, EquipmentInventory inventory, ChecklistPdf pdf,
      ClientRepository clients, Reminders reminders) {
    this.documents = documents;
    this.inventory = inventory;
    this.pdf = pdf;
    this.clients = clients;
    this.reminders = reminders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SignedContent content = ChecklistState.content(execution);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Client client = clients.find(content.clientId())
        .orElseThrow(() -> new IllegalStateException("Client " + content.clientId() + " no longer in the registry"));
    LocalDate retainUntil = client.contract().end();

    int version = documents.lastVersion(content.reference()) + 1;
    String reason = Objects.toString(REASON_INPUT.getLocal(execution), "Émission");
    List<IssuedDocument.VersionEntry> history = new ArrayList<>();
    documents.versions(content.reference()).forEach(v ->
        history.add(new IssuedDocument.VersionEntry(v.version(), v.issuedAt().toString(), v.reason(), v.contentSha256())));
    String contentSha256 = content.sha256();
    history.add(new IssuedDocument.VersionEntry(version, now.toString(), reason, contentSha256));

    IssuedDocument previousYear = content.previousReference() == null ? null
        : documents.latest(content.previousReference()).orElse(null);
    IssuedDocument doc = new IssuedDocument(version, reason, now.toString(), content, contentSha256,
        new IssuedDocument.Signature(SIGNED_BY.get(execution),
            SIGNED_BY_NAME.get(execution),
            SIGNED_AT.instant(execution).toString(),
            SIGNATURE_SHA256.get(execution)),
        history,
        previousYear == null ? null : previousYear.content().reference() + ", version " + previousYear.version(),
        previousYear == null ? null : changes(previousYear.content(), content),
        retainUntil.toString());
    byte[] file = pdf.render(doc);

    documents.insert(doc, execution.getProcessInstanceId(), file, retainUntil);
    documents.extendRetention(content.clientId(), retainUntil);
    inventory.record(content.clientId(), content.siteId(), content.reference(), content.equipment(), now);
    // the site's VMS, for the security updates that concern it (issue 10)
    inventory.recordSoftware(content.clientId(), content.siteId(), EquipmentInventory.VMS, content.vmsProduct(),
        content.vmsVersion(), content.reference(), now);

    DOCUMENT_VERSION.set(execution, version);
    if (version == 1) {
      ISSUED_AT.set(execution, Date.from(now));
      NON_CONFORMITY_COUNT.set(execution, content.nonConformities().size());
      END_OF_SUPPORT.set(execution, !content.endOfSupport().isEmpty());
      PREMIUM_CONTRACT.set(execution, client.contract().type() == ContractType.PREMIUM);
    }

    reminders.inform(execution, "checklist-issued-v" + version,
        Notice.of("checklist-issued", Audience.CLIENT_RSSI)
            .with("title", "Checklist de durcissement VMS " + content.reference() + " — version " + version)
            .with("body", "Veuillez trouver ci-joint la checklist de durcissement VMS du site " + content.siteName()
                + " (" + content.vmsProduct() + " " + content.vmsVersion() + "), signée par "
                + doc.signature().name() + ". Motif : " + reason + ". " + content.summary()
                + ". Ce document est à conserver dans votre dossier de mise en service.")
            .with("reference", content.reference())
            .with("version", version)
            .attach(new Notice.Attachment(doc.fileName(), "application/pdf", file)));
  }

  /** What changed since last year's checklist: point statuses and the inventory. */
  static List<IssuedDocument.Change> changes(SignedContent before, SignedContent after) {
    List<IssuedDocument.Change> changes = new ArrayList<>();
    Map<String, PointEntry> old = new HashMap<>();
    before.points().forEach(p -> old.put(p.id, p));
    for (PointEntry p : after.points()) {
      PointEntry o = old.get(p.id);
      String was = o == null ? "absent du catalogue" : label(o.statusValue());
      String now = label(p.statusValue());
      if (!was.equals(now)) {
        changes.add(new IssuedDocument.Change(p.id + " " + p.label, was, now));
      }
    }
    Map<String, Equipment> oldEquipment = new HashMap<>();
    before.equipment().forEach(e -> oldEquipment.put(e.serialNumber(), e));
    for (Equipment e : after.equipment()) {
      Equipment o = oldEquipment.remove(e.serialNumber());
      if (o == null) {
        changes.add(new IssuedDocument.Change(e.describe(), "absent", "ajouté, firmware " + e.firmwareVersion()));
      } else {
        if (!Objects.equals(o.firmwareVersion(), e.firmwareVersion())) {
          changes.add(new IssuedDocument.Change(e.describe(), "firmware " + o.firmwareVersion(), "firmware " + e.firmwareVersion()));
        }
        if (o.endOfSupport() != e.endOfSupport()) {
          changes.add(new IssuedDocument.Change(e.describe(),
              o.endOfSupport() ? "sans mises à jour de sécurité" : "mises à jour de sécurité publiées",
              e.endOfSupport() ? "sans mises à jour de sécurité" : "mises à jour de sécurité publiées"));
        }
      }
    }
    oldEquipment.values().forEach(e ->
        changes.add(new IssuedDocument.Change(e.describe(), "firmware " + e.firmwareVersion(), "retiré")));
    return changes;
  }

  private static String label(Status status) {
    return status == null ? "non évalué" : status.label();
  }
}
