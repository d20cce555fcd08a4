package com.mileotech.cyber.commissioning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The checklist as the process instance holds it, in plain variables that Tasklist forms bind
 * to: one JSON object per category ({@code checklistSrv}, {@code checklistVms}, {@code checklistNvr},
 * {@code checklistCam}) whose properties are the points ({@code SRV_01: {status, comment...}}:
 * form-js keys such as {@code checklistSrv.SRV_01.status}, no dash allowed), the inventory
 * ({@code equipment}, and {@code equipmentText} as the forms edit it) and the identification.
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

  /** Every point, in catalogue order (ids are zero-padded within each category). */
  static List<PointEntry> points(VariableScope scope) {
    List<PointEntry> all = new ArrayList<>();
    for (String variable : VARIABLES.values()) {
      Object value = scope.getVariable(variable);
      if (value == null) {
        continue;
      }
      Map<String, PointEntry> byKey = Json.readMap(value, PointEntry.class);
      new java.util.TreeMap<>(byKey).forEach((key, entry) -> {
        PointEntry point = entry == null ? new PointEntry() : entry;
        point.id = id(key);
        all.add(point);
      });
    }
    return all;
  }

  static void writePoints(VariableScope scope, List<PointEntry> points) {
    VARIABLES.forEach((category, variable) -> scope.setVariable(variable, Json.variable(byKey(points, category))));
  }

  /** One category's points keyed as the forms address them (SRV_01). */
  static Map<String, PointEntry> byKey(List<PointEntry> points, String category) {
    Map<String, PointEntry> map = new LinkedHashMap<>();
    points.stream().filter(p -> p.id != null && p.id.startsWith(category + "-")).forEach(p -> map.put(key(p.id), p));
    return map;
  }

  /** SRV-01 → SRV_01: form-js paths take word characters only. */
  static String key(String id) {
    return id.replace('-', '_');
  }

  static String id(String key) {
    return key.replace('_', '-');
  }

  static List<Equipment> equipment(VariableScope scope) {
    return Json.readList(scope.getVariable("equipment"), Equipment.class);
  }

  static void writeEquipment(VariableScope scope, List<Equipment> equipment) {
    scope.setVariable("equipment", Json.variable(equipment));
    scope.setVariable("equipmentText", EquipmentText.format(equipment));
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
