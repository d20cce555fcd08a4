package com.mileotech.cyber.commissioning;

import static com.mileotech.cyber.commissioning.CommissioningVariables.*;

import com.mileotech.cyber.system.JsonVariable;
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

  /** The checklist's variable per category. */
  static final Map<String, JsonVariable> CHECKLISTS = new LinkedHashMap<>();
  /** Their names, as the forms' keys start ("checklistSrv.SRV_01.status"). */
  static final Map<String, String> VARIABLES = new LinkedHashMap<>();

  static {
    CHECKLISTS.put("SRV", CHECKLIST_SRV);
    CHECKLISTS.put("VMS", CHECKLIST_VMS);
    CHECKLISTS.put("NVR", CHECKLIST_NVR);
    CHECKLISTS.put("CAM", CHECKLIST_CAM);
    CHECKLISTS.forEach((category, variable) -> VARIABLES.put(category, variable.name()));
  }

  private ChecklistState() {}

  static Catalogue catalogue(VariableScope scope, Catalogues catalogues) {
    return catalogues.get(CATALOGUE_SOURCE.require(scope), CATALOGUE_VERSION.require(scope));
  }

  /** Every point, in catalogue order (ids are zero-padded within each category). */
  static List<PointEntry> points(VariableScope scope) {
    List<PointEntry> all = new ArrayList<>();
    for (JsonVariable variable : CHECKLISTS.values()) {
      Object value = variable.get(scope);
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
    CHECKLISTS.forEach((category, variable) -> variable.set(scope, Json.variable(byKey(points, category))));
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
    return Json.readList(EQUIPMENT.get(scope), Equipment.class);
  }

  static void writeEquipment(VariableScope scope, List<Equipment> equipment) {
    EQUIPMENT.set(scope, Json.variable(equipment));
    EQUIPMENT_TEXT.set(scope, EquipmentText.format(equipment));
  }

  static SignedContent content(VariableScope scope) {
    return new SignedContent(
        REFERENCE.require(scope),
        PREVIOUS_REFERENCE.get(scope),
        CATALOGUE_SOURCE.require(scope),
        CATALOGUE_VERSION.require(scope),
        CLIENT_ID.require(scope),
        CLIENT_NAME.require(scope),
        SITE_ID.require(scope),
        SITE_NAME.require(scope),
        VMS_PRODUCT.require(scope),
        VMS_VERSION.require(scope),
        equipment(scope),
        points(scope));
  }

  static PointEntry point(VariableScope scope, String id) {
    return points(scope).stream().filter(p -> p.id.equals(id)).findFirst()
        .orElseThrow(() -> new IllegalStateException("No point " + id + " in the checklist"));
  }

}
