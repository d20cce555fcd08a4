package com.mileotech.cyber.commissioning;

import static com.mileotech.cyber.commissioning.CommissioningVariables.*;

import com.mileotech.cyber.system.Refusal;
import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.system.References;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer la mise en service": checks what the start form or the API gave (the same checks
 * as POST /api/commissionings; a refusal rolls the start back), gives the instance its reference
 * (business key), and prepares the checklist of the catalogue in force: empty for a
 * commissioning, pre-filled from the last issued version for an annual audit.
 */
@Component("registerCommissioning")
class RegisterCommissioningDelegate implements JavaDelegate {

  static final String PREFIX = "CHK";

  private final ClientRepository clients;
  private final References references;
  private final Catalogues catalogues;
  private final ChecklistDocuments documents;
  private final EquipmentInventory inventory;

  RegisterCommissioningDelegate(ClientRepository clients, References references, Catalogues catalogues,
      ChecklistDocuments documents, EquipmentInventory inventory) {
    this.clients = clients;
    this.references = references;
    this.catalogues = catalogues;
    this.documents = documents;
    this.inventory = inventory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String previousReference = PREVIOUS_REFERENCE.get(execution);
    IssuedDocument previous = previousReference == null ? null : documents.latest(previousReference)
        .orElseThrow(() -> new IllegalStateException("No issued document for " + previousReference));

    // Tasklist's start form gives the inventory as text lines; the API and the annual audit as a list
    Object text = EQUIPMENT_TEXT.get(execution);
    EquipmentText.Parsed parsed = text == null ? null : EquipmentText.parse("equipmentText", text.toString());
    List<Equipment> equipment = parsed != null ? parsed.equipment()
        : EQUIPMENT.get(execution) != null ? Json.readList(EQUIPMENT.get(execution), Equipment.class)
        : previous != null ? currentInventory(previous.content()) : List.of();
    CommissioningRequest request = new CommissioningRequest(
        CLIENT_ID.get(execution), SITE_ID.get(execution),
        VMS_PRODUCT.get(execution), VMS_VERSION.get(execution),
        PROJECT_MANAGER_REVIEW.get(execution), equipment);
    var problems = request.problems(clients);
    List<String> messages = new ArrayList<>();
    if (parsed != null) {
      parsed.problems().forEach(p -> messages.add(p.field() + " : " + p.message()));
      if (parsed.problems().isEmpty()) {
        messages.addAll(parsed.restate(problems));
      } else {
        problems.stream().filter(p -> !p.field().startsWith("equipment")).forEach(p -> messages.add(label(p.field()) + " : " + p.message()));
      }
    } else {
      problems.forEach(p -> messages.add(label(p.field()) + " : " + p.message()));
    }
    if (!messages.isEmpty()) {
      throw Refusal.of("Mise en service refusée", messages);
    }
    Client client = clients.find(request.clientId()).orElseThrow();

    String reference = REFERENCE.get(execution);
    if (reference == null) {
      reference = references.next(PREFIX);
      REFERENCE.set(execution, reference);
    }
    execution.setProcessBusinessKey(reference);
    CLIENT_NAME.set(execution, client.name());
    SITE_NAME.set(execution, client.site(request.siteId()).orElseThrow().name());
    VMS_PRODUCT.set(execution, request.vmsProduct().trim());
    VMS_VERSION.set(execution, request.vmsVersion().trim());
    PROJECT_MANAGER_REVIEW.set(execution, request.review());
    ChecklistState.writeEquipment(execution, request.cleanEquipment());

    Catalogue catalogue = catalogues.current();
    CATALOGUE_SOURCE.set(execution, catalogue.source());
    CATALOGUE_VERSION.set(execution, catalogue.version());
    ChecklistState.writePoints(execution, prefilled(catalogue, previous));
    if (previous != null) {
      PREVIOUS_CHECKLIST.set(execution, Json.variable(previousStatuses(previous)));
    }
  }

  /** For the fill-in form of an annual audit: last year's status of each point, in French. */
  private static Map<String, String> previousStatuses(IssuedDocument previous) {
    Map<String, String> statuses = new java.util.TreeMap<>();
    for (PointEntry p : previous.content().points()) {
      Status status = p.statusValue();
      statuses.put(ChecklistState.key(p.id), status == null ? "non évalué" : status.label());
    }
    return statuses;
  }

  /** The catalogue's points, with last year's findings when this is an annual audit. */
  private static List<PointEntry> prefilled(Catalogue catalogue, IssuedDocument previous) {
    Map<String, PointEntry> before = new HashMap<>();
    if (previous != null) {
      previous.content().points().forEach(p -> before.put(p.id, p));
    }
    List<PointEntry> points = new ArrayList<>();
    for (Catalogue.Point point : catalogue.points()) {
      PointEntry entry = PointEntry.from(point);
      PointEntry last = before.get(point.id());
      if (last != null) {
        entry.takeFindingsFrom(last);
      }
      points.add(entry);
    }
    return points;
  }

  /** Last year's equipment with the firmware the inventory knows now (it is updated after each intervention). */
  private List<Equipment> currentInventory(SignedContent previous) {
    Map<String, EquipmentInventory.Item> known = new HashMap<>();
    inventory.of(previous.clientId()).forEach(i -> known.put(i.serialNumber(), i));
    return previous.equipment().stream().map(e -> {
      EquipmentInventory.Item item = known.get(e.serialNumber());
      return item == null ? e
          : new Equipment(e.kind(), e.model(), e.serialNumber(), item.firmwareVersion(), item.securityUpdates());
    }).toList();
  }

  /** The start form's fields as a person names them (the API's refusals keep the field keys). */
  private static final java.util.Map<String, String> FIELD_LABELS = java.util.Map.of("clientId", "client",
      "siteId", "site", "vmsProduct", "produit VMS", "vmsVersion", "version du VMS", "equipment", "inventaire");

  static String label(String field) {
    return FIELD_LABELS.getOrDefault(field, field);
  }
}
