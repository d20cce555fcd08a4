package com.mileotech.cyber.commissioning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The form driver of vms-commissioning: a valid submission of each of its forms, as Tasklist sends
 * it. The one place tests build what a person submits in this process: the scenario tests (through
 * {@link CommissioningFixture}, which drives the engine), the dashboard's year of data, the access
 * matrix and the benchmark. A change to a form changes its submission here, once.
 */
public final class CommissioningForms {

  /** The catalogue new checklists are filled against (mileo.commissioning.catalogue). */
  public static final String CATALOGUE = "GUID-PREM-003-v1.3";
  /** What a finding map says of a point not applicable on the site ({@link #fill(Map)}). */
  public static final String NOT_APPLICABLE = "NA";

  private CommissioningForms() {}

  // ------------------------------------------------------------------ start (Mise en service demandée)

  /** One line of the inventory, as the API and the start variables take it. */
  public static Map<String, Object> equipment(String kind, String model, String serial, String firmware, boolean updates) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("kind", kind);
    e.put("model", model);
    e.put("serialNumber", serial);
    e.put("firmwareVersion", firmware);
    e.put("securityUpdates", updates);
    return e;
  }

  /** A server, an NVR and two cameras, all still updated; serial numbers start with {@code prefix}. */
  public static List<Map<String, Object>> standardInventory(String prefix) {
    return List.of(
        equipment("SERVER", "Dell PowerEdge R760", prefix + "-SRV1", "BIOS 2.3.5", true),
        equipment("NVR", "Hikvision DS-9664NI", prefix + "-NVR1", "V4.72.005", true),
        equipment("CAMERA", "Axis P3265-LVE", prefix + "-CAM1", "11.9.60", true),
        equipment("CAMERA", "Axis Q6135-LE", prefix + "-CAM2", "11.8.64", true));
  }

  /** Start variables for one site of the registry (mutable: a test may add to them). */
  public static Map<String, Object> start(String clientId, String siteId, boolean review,
      List<Map<String, Object>> equipment) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("clientId", clientId);
    variables.put("siteId", siteId);
    variables.put("vmsProduct", "Milestone XProtect Corporate");
    variables.put("vmsVersion", "2024 R2");
    variables.put("projectManagerReview", review);
    variables.put("equipment", Json.variable(equipment));
    return variables;
  }

  /** Start variables without a project manager's review, the standard inventory of unique serial numbers. */
  public static Map<String, Object> start(String clientId, String siteId, String serialPrefix) {
    return start(clientId, siteId, false, standardInventory(serialPrefix));
  }

  // ------------------------------------------------------------------ Renseigner la checklist

  /** Every point Conforme with figures that satisfy the guide. */
  static List<PointEntry> allConforme() {
    Catalogue catalogue = Catalogues.read(CATALOGUE);
    List<PointEntry> points = new ArrayList<>();
    for (Catalogue.Point point : catalogue.points()) {
      PointEntry p = PointEntry.from(point);
      p.status = "CONFORME";
      if (point.measure() != null) {
        switch (point.measure()) {
          case PATCH -> p.criticalPatchDelayHours = 48;
          case VMS_UPDATE -> p.vmsUpdateDeferralDays = 0;
          case TLS -> p.tlsMinVersion = "1.2";
          case CERTIFICATE -> p.certificateValidityMonths = 24;
          case DEFAULT_PASSWORD -> p.defaultPasswordChanged = true;
          case PASSWORD -> {
            p.adminPasswordLength = 16;
            p.adminPasswordComplex = true;
          }
          case LEGACY_INTERFACES -> {
            p.telnetDisabled = true;
            p.ftpDisabled = true;
          }
          case HTTPS -> {
            p.httpsAvailable = true;
            p.httpDisabled = true;
          }
          case DISCOVERY -> {
            p.upnpDisabled = true;
            p.bonjourDisabled = true;
            p.onvifDiscoveryRequired = false;
            p.onvifDiscoveryDisabled = true;
          }
          case VENDOR_SUPPORT -> { }
        }
      }
      points.add(p);
    }
    return points;
  }

  static List<PointEntry> with(List<PointEntry> points, String id, Consumer<PointEntry> change) {
    points.stream().filter(p -> p.id.equals(id)).findFirst().ifPresent(change);
    return points;
  }

  static void nonConforme(PointEntry p, LocalDate deadline) {
    p.status = "NON_CONFORME";
    p.comment = "Constat sur " + p.id;
    p.remediationDeadline = deadline.toString();
  }

  static void notApplicable(PointEntry p) {
    p.status = "NON_APPLICABLE";
    p.justification = "Sans objet sur ce site";
  }

  /** The fill-in form's variables, as Tasklist submits them (one JSON object per category, keyed SRV_01...). */
  static Map<String, Object> fill(List<PointEntry> points) {
    Map<String, Object> variables = new HashMap<>();
    ChecklistState.VARIABLES.forEach((category, variable) -> {
      Map<String, Map<String, Object>> submitted = new LinkedHashMap<>();
      // only what the form's fields hold: the catalogue's texts are not fields, so not submitted
      ChecklistState.byKey(points, category).forEach((key, point) -> {
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = Json.LENIENT.convertValue(point, Map.class);
        fields.keySet().removeAll(List.of("id", "category", "section", "label", "verify", "reverifications"));
        submitted.put(key, fields);
      });
      variables.put(variable, Json.variable(submitted));
    });
    return variables;
  }

  /** Every point Conforme, with figures that satisfy the guide. */
  public static Map<String, Object> fillAllConforme() {
    return fill(allConforme());
  }

  /**
   * Every point Conforme but those of {@code findings}: point id → {@link #NOT_APPLICABLE}, or the
   * remediation day of a non-conformity ({@code yyyy-MM-dd}).
   */
  public static Map<String, Object> fill(Map<String, String> findings) {
    List<PointEntry> points = allConforme();
    findings.forEach((id, finding) -> {
      if (points.stream().noneMatch(p -> p.id.equals(id))) {
        throw new IllegalArgumentException("No point " + id + " in " + CATALOGUE);
      }
      with(points, id, NOT_APPLICABLE.equals(finding) ? CommissioningForms::notApplicable
          : p -> nonConforme(p, LocalDate.parse(finding)));
    });
    return fill(points);
  }

  // ------------------------------------------------------------------ the other tasks

  /** Signer la checklist: sign it. */
  public static Map<String, Object> sign() {
    return Map.of("signatureDecision", "SIGN", "signatureConfirmed", true);
  }

  /** Relire la checklist signée: approve it. */
  public static Map<String, Object> approve() {
    return Map.of("reviewDecision", "APPROVE");
  }

  /** Lever la non-conformité: re-verified and confirmed (a point without a figure to record). */
  public static Map<String, Object> lift(String comment) {
    return Map.of("reverification", Json.variable(Map.of("confirmed", true, "comment", comment)));
  }

  /**
   * Établir le plan de remplacement (equipment-replacement, called by a commissioning or a security
   * update): the plan and its target day as typed ("05/06/2026", or "2026-06-30").
   */
  public static Map<String, Object> replacementPlan(String plan, String targetDate) {
    Map<String, Object> form = new HashMap<>();
    CommissioningVariables.REPLACEMENT_PLAN.put(form, plan);
    CommissioningVariables.REPLACEMENT_TARGET_DATE.put(form, targetDate);
    return form;
  }

  /** The user tasks of a checklist without review nor non-conformity, in order. */
  public static List<String> userTasks() {
    return List.of("Task_FillChecklist", "Task_SignChecklist");
  }
}
