package com.mileotech.cyber.commissioning;

import static com.mileotech.cyber.commissioning.CommissioningVariables.*;

import com.mileotech.cyber.system.Refusal;
import com.mileotech.cyber.system.ZoneProperties;
import com.mileotech.cyber.client.ClientRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer la checklist renseignée", right after "Renseigner la checklist" (synchronous, in the
 * completion's transaction: its refusal undoes the completion and reaches Tasklist unwrapped, as a 400
 * with this message): refuses an incomplete or inconsistent checklist
 * (naming each offending point; nothing is saved), otherwise stores it normalised against the
 * catalogue with the overview the signature form shows.
 */
@Component("checkChecklist")
class CheckChecklistDelegate implements JavaDelegate {

  private final Catalogues catalogues;
  private final ClientRepository clients;
  private final ZoneProperties time;

  CheckChecklistDelegate(Catalogues catalogues, ClientRepository clients, ZoneProperties time) {
    this.catalogues = catalogues;
    this.clients = clients;
    this.time = time;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Catalogue catalogue = ChecklistState.catalogue(execution, catalogues);
    List<PointEntry> submitted;
    try {
      submitted = ChecklistState.points(execution);
    } catch (IllegalArgumentException unreadable) {
      throw Refusal.of("Checklist refusée", "checklist illisible : un objet JSON par catégorie est attendu");
    }
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), time.zone());
    // the VMS version and the inventory may be updated here too (annual audit): same checks as at the start
    Object text = EQUIPMENT_TEXT.get(execution);
    EquipmentText.Parsed parsed = text == null ? null : EquipmentText.parse("equipmentText", text.toString());
    CommissioningRequest identification = new CommissioningRequest(CLIENT_ID.get(execution),
        SITE_ID.get(execution), VMS_PRODUCT.get(execution),
        VMS_VERSION.get(execution), true,
        parsed == null ? ChecklistState.equipment(execution) : parsed.equipment());
    List<String> problems = new ArrayList<>();
    if (parsed != null && !parsed.problems().isEmpty()) {
      parsed.problems().forEach(p -> problems.add(p.field() + " : " + p.message()));
      identification.problems(clients, false).stream().filter(p -> !p.field().startsWith("equipment"))
          .forEach(p -> problems.add(p.field() + " : " + p.message()));
    } else if (parsed != null) {
      problems.addAll(parsed.restate(identification.problems(clients, false)));
    } else {
      identification.problems(clients, false).forEach(p -> problems.add(p.field() + " : " + p.message()));
    }
    List<PointEntry> checked = List.of();
    try {
      LocalDate contractEnd = clients.find(CLIENT_ID.get(execution))
          .map(c -> c.contract().end()).orElse(null);
      checked = ChecklistCheck.check(catalogue, submitted, submitted,
          problems.isEmpty() ? identification.cleanEquipment() : ChecklistState.equipment(execution), today, contractEnd);
    } catch (Refusal refused) {
      problems.addAll(refused.describedProblems());
    }
    if (!problems.isEmpty()) {
      throw Refusal.of("Checklist refusée", problems);
    }
    VMS_VERSION.set(execution, identification.vmsVersion().trim());
    ChecklistState.writeEquipment(execution, identification.cleanEquipment());
    ChecklistState.writePoints(execution, checked);
    SignedContent content = ChecklistState.content(execution);
    CHECKLIST_SUMMARY.set(execution, content.summary());
    CHECKLIST_OVERVIEW.set(execution, overview(content));
  }

  /** One line per point, as the technician signs it. */
  static String overview(SignedContent content) {
    StringBuilder text = new StringBuilder();
    for (PointEntry p : content.points()) {
      Status status = p.statusValue();
      text.append(p.id).append(" — ").append(status == null ? "?" : status.label());
      if (status == Status.NON_CONFORME) {
        text.append(" (remédiation avant le ")
            .append(com.mileotech.cyber.system.Moments.typedText(LocalDate.parse(p.remediationDeadline))).append(")");
      }
      text.append('\n');
    }
    return text.toString().stripTrailing();
  }
}
