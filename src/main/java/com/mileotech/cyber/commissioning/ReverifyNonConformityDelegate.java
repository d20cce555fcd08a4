package com.mileotech.cyber.commissioning;

import static com.mileotech.cyber.commissioning.CommissioningVariables.*;

import com.mileotech.cyber.reminder.Deadlines;
import com.mileotech.cyber.system.Limits;
import com.mileotech.cyber.system.Refusal;
import com.mileotech.cyber.system.ZoneProperties;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * "Enregistrer la levée de la non-conformité", right after "Lever la non-conformité": the technician
 * re-verified the point, and when (the remediation deadline kept or not). It becomes
 * Conforme only if the figures recorded now satisfy the guide; who and when are recorded with
 * the initial finding, and firmware versions updated during the intervention go to the inventory.
 */
@Component("reverifyNonConformity")
class ReverifyNonConformityDelegate implements JavaDelegate {

  private final Deadlines deadlines;
  private final Catalogues catalogues;
  private final Identities identities;
  private final ZoneProperties time;

  ReverifyNonConformityDelegate(Catalogues catalogues, Identities identities, ZoneProperties time, Deadlines deadlines) {
    this.deadlines = deadlines;
    this.catalogues = catalogues;
    this.identities = identities;
    this.time = time;
  }

  @Override
  public void execute(DelegateExecution execution) {
    deadlines.recordOutcome(execution, REMEDIATION.name()); // undone with the rest by a refusal
    String pointId = POINT_ID.get(execution);
    Catalogue catalogue = ChecklistState.catalogue(execution, catalogues);
    Catalogue.Point definition = catalogue.point(pointId).orElseThrow();
    Object submitted = REVERIFICATION.get(execution);
    ReverificationForm form;
    try {
      form = submitted == null ? new ReverificationForm() : Json.read(submitted.toString(), ReverificationForm.class);
    } catch (IllegalArgumentException unreadable) {
      throw Refusal.of("Revérification refusée", pointId + " : formulaire illisible (reverification : objet JSON attendu)");
    }

    List<String> problems = new ArrayList<>();
    if (!Boolean.TRUE.equals(form.confirmed)) {
      problems.add(pointId + " : revérification non confirmée");
    }
    if (form.comment == null || form.comment.isBlank()) {
      problems.add(pointId + " : action corrective non décrite");
    }
    List<Equipment> equipment = updatedEquipment(pointId, ChecklistState.equipment(execution), form.firmwareUpdates, problems);
    List<PointEntry> points = ChecklistState.points(execution);
    PointEntry point = points.stream().filter(p -> p.id.equals(pointId)).findFirst().orElseThrow();
    PointEntry candidate = new PointEntry();
    candidate.takeFindingsFrom(point);
    copyFigures(form, candidate);
    problems.addAll(ChecklistCheck.contradictions(definition, candidate, equipment));
    if (!problems.isEmpty()) {
      throw Refusal.of("Revérification refusée", problems);
    }

    String by = identities.requireCurrentUser("Revérification");
    point.addReverification(new PointEntry.Reverification(identities.displayName(by),
        ClockUtil.getCurrentTime().toInstant().toString(), point.comment,
        point.remediationDeadline, form.comment.trim()));
    copyFigures(form, point);
    point.status = Status.CONFORME.name();
    point.comment = form.comment.trim();
    point.remediationDeadline = null;
    ChecklistState.writePoints(execution, points);
    ChecklistState.writeEquipment(execution, equipment);
    LAST_REVERIFIED_ON.set(execution, LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), time.zone()).toString());
  }

  private static void copyFigures(ReverificationForm form, PointEntry p) {
    PointEntry figures = form;
    String status = p.status;
    String comment = p.comment;
    String deadline = p.remediationDeadline;
    String justification = p.justification;
    p.takeFindingsFrom(figures);
    p.status = status;
    p.comment = comment;
    p.remediationDeadline = deadline;
    p.justification = justification;
  }

  /**
   * Firmware versions updated during the intervention, one line each: {@code n° de série ; version}.
   * Only known equipment, and only its firmware, may change here.
   */
  private static List<Equipment> updatedEquipment(String pointId, List<Equipment> current, String updates,
      List<String> problems) {
    if (updates == null || updates.isBlank()) {
      return current;
    }
    Map<String, String> firmware = new HashMap<>();
    String[] lines = updates.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split(";", -1);
      String serial = parts[0].strip();
      if (parts.length != 2 || parts[1].isBlank()) {
        problems.add(pointId + " : firmware, ligne " + (i + 1) + " : « n° de série ; nouvelle version » attendu");
      } else if (current.stream().noneMatch(e -> e.serialNumber().equals(serial))) {
        problems.add(pointId + " : firmware, ligne " + (i + 1) + " : n° de série " + Limits.quote(serial)
            + " absent de l'inventaire");
      } else if (Limits.textProblem(parts[1].strip(), CommissioningRequest.VERSION_MAX) != null) {
        problems.add(pointId + " : firmware, ligne " + (i + 1) + " : version : "
            + Limits.textProblem(parts[1].strip(), CommissioningRequest.VERSION_MAX));
      } else {
        firmware.put(serial, parts[1].strip());
      }
    }
    List<Equipment> updated = current.stream()
        .map(e -> firmware.containsKey(e.serialNumber()) ? e.withFirmware(firmware.get(e.serialNumber())) : e).toList();
    String tooLong = CommissioningRequest.inventoryProblem(updated);
    if (tooLong != null) {
      problems.add(pointId + " : firmware : " + tooLong);
    }
    return updated;
  }

  /** The re-verification form: the point's figures as measured now, what was done, the inventory. */
  @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
  static class ReverificationForm extends PointEntry {
    public Boolean confirmed;
    public String firmwareUpdates;
  }
}
