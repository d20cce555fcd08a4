package com.mileotech.cyber.commissioning;

import com.mileotech.cyber.system.ZoneProperties;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;

/** What the BPMN asks of the checklist in expressions: {@code ${commissioning.xxx(execution, ...)}}. */
@Component("commissioning")
public class CommissioningExpressions {

  private final ZoneProperties time;

  CommissioningExpressions(ZoneProperties time) {
    this.time = time;
  }

  /**
   * The fill-in form of the checklist's catalogue version ({@link ChecklistForm}): a checklist keeps
   * the form of the guide it is filled against when a new version comes into force.
   */
  public String fillForm(DelegateExecution execution) {
    return ChecklistForm.formId(CommissioningVariables.CATALOGUE_SOURCE.require(execution),
        CommissioningVariables.CATALOGUE_VERSION.require(execution));
  }

  /** The points assessed Non conforme: one remediation instance each. */
  public List<String> openNonConformities(DelegateExecution execution) {
    return ChecklistState.points(execution).stream()
        .filter(p -> p.statusValue() == Status.NON_CONFORME).map(p -> p.id).toList();
  }

  /** The equipment without security updates, one line each, for the replacement plan (equipment-replacement). */
  public String endOfSupportList(DelegateExecution execution) {
    // a text variable: shown in the replacement plan, the inventory keeps every piece in full
    return com.mileotech.cyber.system.Limits.fit(ChecklistState.content(execution).endOfSupport().stream()
        .map(e -> "- " + e.describe() + ", firmware " + e.firmwareVersion())
        .collect(java.util.stream.Collectors.joining("\n")), com.mileotech.cyber.system.Limits.TEXT);
  }

  /** The technician's remediation date, as the end of that day in Paris. */
  public Date remediationDueAt(DelegateExecution execution, String pointId) {
    PointEntry point = ChecklistState.point(execution, pointId);
    LocalDate day = LocalDate.parse(point.remediationDeadline);
    return Date.from(day.plusDays(1).atStartOfDay(time.zone()).toInstant());
  }

  /**
   * The re-verification form's data, local to the remediation task: the point, its finding,
   * its figures as recorded, and the inventory (to update a firmware version).
   */
  public JsonValue reverificationDraft(DelegateExecution execution, String pointId) {
    PointEntry point = ChecklistState.point(execution, pointId);
    Map<String, Object> draft = new LinkedHashMap<>(Json.LENIENT.convertValue(point, Map.class));
    draft.remove("status");
    draft.put("finding", point.comment);
    draft.put("remediationDeadline", com.mileotech.cyber.system.Moments.typedText(LocalDate.parse(point.remediationDeadline)));
    draft.remove("comment");
    draft.put("inventory", EquipmentText.format(ChecklistState.equipment(execution)));
    return Json.variable(draft);
  }
}
