package com.mileotech.cyber.commissioning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The checklist as the process instance holds it, in plain variables that Tasklist forms bind
 * to: one JSON list per category ({@code checklistSrv}, {@code checklistVms}, {@code checklistNvr},
 * {@code checklistCam}), the inventory ({@code equipment}) and the identification variables.
 */
final class ChecklistState {

  static final Map<String, String> VARIABLES = new LinkedHashMap<>();

  static {
    VARIABLES.put("SRV", "checklistSrv");
    VARIABLES.put("VMS", "checklistVms");
    VARIABLES.put("NVR", "checklistNvr");
    VARIABLES.put("CAM", "checklistCam");
  }

  private ChecklistState() {}

  static Catalogue catalogue(VariableScope scope, Catalogues catalogues) {
    return catalogues.get(text(scope, "catalogueSource"), text(scope, "catalogueVersion"));
  }

  /** Every point, in catalogue order. */
  static List<PointEntry> points(VariableScope scope) {
    List<PointEntry> all = new ArrayList<>();
    for (String variable : VARIABLES.values()) {
      all.addAll(Json.readList(scope.getVariable(variable), PointEntry.class));
    }
    return all;
  }

  static void writePoints(VariableScope scope, List<PointEntry> points) {
    VARIABLES.forEach((category, variable) ->
        scope.setVariable(variable, Json.variable(points.stream().filter(p -> category.equals(p.category)).toList())));
  }

  static List<Equipment> equipment(VariableScope scope) {
    return Json.readList(scope.getVariable("equipment"), Equipment.class);
  }

  static void writeEquipment(VariableScope scope, List<Equipment> equipment) {
    scope.setVariable("equipment", Json.variable(equipment));
  }

  static SignedContent content(VariableScope scope) {
    return new SignedContent(
        text(scope, "reference"),
        (String) scope.getVariable("previousReference"),
        text(scope, "catalogueSource"),
        text(scope, "catalogueVersion"),
        text(scope, "clientId"),
        text(scope, "clientName"),
        text(scope, "siteId"),
        text(scope, "siteName"),
        text(scope, "vmsProduct"),
        text(scope, "vmsVersion"),
        equipment(scope),
        points(scope));
  }

  static PointEntry point(VariableScope scope, String id) {
    return points(scope).stream().filter(p -> p.id.equals(id)).findFirst()
        .orElseThrow(() -> new IllegalStateException("No point " + id + " in the checklist"));
  }

  static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      throw new IllegalStateException("Variable '" + name + "' missing");
    }
    return value.toString();
  }
}
