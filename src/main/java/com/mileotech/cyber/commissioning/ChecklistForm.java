package com.mileotech.cyber.commissioning;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mileotech.cyber.system.ModelerJson;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the Camunda Form of "Renseigner la checklist de durcissement" from a catalogue version:
 * one form per catalogue file ({@code forms/commissioning-fill-GUID-PREM-003-v1.3.form}, form id
 * the file name), so that a checklist keeps the form of the guide version it is filled against and
 * a new version of the guide is a new catalogue file plus its generated form. The task opens the
 * form of its checklist's catalogue ({@link CommissioningExpressions#fillForm}).
 *
 * <p>The forms are written into {@code forms/} (Camunda Modeler opens them; the engine deploys them
 * with the others) and are never edited by hand: {@code ChecklistFormTest} regenerates each and fails
 * when the file differs ({@code mvn test -Dtest=ChecklistFormTest -Dregenerate=true} rewrites them,
 * docs/development.md "Generated files").
 *
 * <p>For each point: what to verify, the previous status (annual audit), the evaluation, the finding
 * and the remediation day (Non conforme, the day typed JJ/MM/AAAA and read back in words), the
 * justification (Non applicable), and the fields of the guide's figure ({@link Measure}). At the top,
 * a summary of what is missing before Tasklist's "Terminer" (the server checks the same and more:
 * {@link ChecklistCheck}). Keys: {@code checklistSrv.SRV_01.status} ({@link ChecklistState}).
 */
final class ChecklistForm {

  /** Form ids (and file names under forms/) start with this; the catalogue's file name follows. */
  static final String FORM_PREFIX = "commissioning-fill-";

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String CONFORME = "CONFORME";
  private static final String NON_CONFORME = "NON_CONFORME";
  private static final String NON_APPLICABLE = "NON_APPLICABLE";

  private ChecklistForm() {}

  /** e.g. {@code commissioning-fill-GUID-PREM-003-v1.3}. */
  static String formId(String source, String version) {
    return FORM_PREFIX + source + "-" + version;
  }

  static String formId(Catalogue catalogue) {
    return formId(catalogue.source(), catalogue.version());
  }

  /** The form's path, from the project's root or on the classpath. */
  static String resource(Catalogue catalogue) {
    return "forms/" + formId(catalogue) + ".form";
  }

  /** The form's JSON text as it is kept in forms/ (ends with a line feed). */
  static String render(Catalogue catalogue) {
    return ModelerJson.write(build(catalogue));
  }

  static ObjectNode build(Catalogue catalogue) {
    ObjectNode form = JSON.createObjectNode();
    ArrayNode components = form.putArray("components");
    components.addObject()
        .put("type", "text")
        .put("text", "# Checklist de durcissement {{reference}}\n**{{clientName}}** — {{siteName}} — {{vmsProduct}}. "
            + "Catalogue {{catalogueSource}} {{catalogueVersion}} : évaluez chacun des " + catalogue.points().size()
            + " points. *Non conforme* exige un constat et un délai de remédiation ; *Non applicable* une "
            + "justification. Là où le guide fixe un chiffre, relevez la valeur mesurée : un point Conforme qui le "
            + "contredit est refusé.")
        .put("id", "Text_Heading");
    components.addObject()
        .put("type", "text")
        .put("id", "Text_ChecklistToComplete")
        .put("text", toComplete(catalogue));
    ObjectNode vmsVersion = components.addObject()
        .put("type", "textfield")
        .put("key", "vmsVersion")
        .put("label", "Version du VMS installée")
        .put("id", "Field_VmsVersion");
    vmsVersion.putObject("validate").put("required", true).put("maxLength", 100);
    ObjectNode equipment = components.addObject()
        .put("type", "textarea")
        .put("key", "equipmentText")
        .put("label", "Inventaire des équipements (versions de firmware relevées)")
        .put("id", "Field_EquipmentText");
    equipment.putObject("validate").put("required", true);
    equipment.put("description", "Un équipement par ligne : type ; modèle ; n° de série ; firmware ; mises à jour de "
        + "sécurité (oui/non). Types : serveur, NVR, caméra. Ex. : caméra ; Axis P3265-LVE ; ACCC8E0001 ; 11.9.60 ; oui");
    for (Catalogue.Category category : catalogue.categories()) {
      ArrayNode points = group(components, category.label() + " (" + category.points() + " points)",
          "Group_" + category.id());
      for (Catalogue.Point point : catalogue.pointsOf(category.id())) {
        point(points, point);
      }
    }
    form.put("type", "default")
        .put("id", formId(catalogue))
        .put("executionPlatform", "Camunda Platform")
        .put("executionPlatformVersion", "7.24.0");
    form.putObject("exporter").put("name", "Mileo ChecklistForm, generated from the catalogue " + catalogue.name())
        .put("version", "1");
    form.put("schemaVersion", 16);
    return form;
  }

  /** One point's group: its fields under {@code checklistSrv.SRV_01.}, ids {@code Field_SRV01_Status}... */
  private static void point(ArrayNode parent, Catalogue.Point point) {
    String base = base(point);
    String name = point.id().replace("-", "");
    ArrayNode fields = group(parent, point.id() + " — " + point.label(), "Group_" + name);
    fields.addObject()
        .put("type", "text")
        .put("text", "*À vérifier (" + point.section() + ") :* " + point.verify())
        .put("id", "Text_" + name + "_Verify");
    fields.addObject()
        .put("type", "text")
        .put("text", "Statut lors de la checklist précédente : **{{previousChecklist." + ChecklistState.key(point.id()) + "}}**")
        .put("id", "Text_" + name + "_Previous")
        .set("conditional", hide("previousChecklist = null"));
    ObjectNode status = input(fields, "radio", base + "status", "Évaluation", name, "Status");
    status.putObject("validate").put("required", true);
    ArrayNode values = status.putArray("values");
    values.addObject().put("label", "Conforme").put("value", CONFORME);
    values.addObject().put("label", "Non conforme").put("value", NON_CONFORME);
    values.addObject().put("label", "Non applicable").put("value", NON_APPLICABLE);

    ObjectNode comment = input(fields, "textarea", base + "comment", "Constat de non-conformité", name, "Comment");
    comment.putObject("validate").put("required", true);
    comment.set("conditional", hide(base + "status != \"" + NON_CONFORME + "\""));

    // a day typed day first, with its read-back in words (docs/tasklist.md, "Dates in the forms")
    String deadline = base + "remediationDeadline";
    ObjectNode day = fields.addObject()
        .put("type", "textfield")
        .put("key", deadline)
        .put("label", "Délai de remédiation")
        .put("id", "Date_" + deadline.replace('.', '_'))
        .put("description", "Jour/mois/année : par exemple 31/01/2027.");
    day.putObject("appearance").put("suffixAdorner", "JJ/MM/AAAA");
    day.putObject("validate").put("required", true);
    day.set("conditional", hide(base + "status != \"" + NON_CONFORME + "\""));
    fields.addObject()
        .put("type", "text")
        .put("id", "ReadBack_" + deadline.replace('.', '_'))
        .put("text", dayReadBack(deadline))
        .set("conditional", hide(base + "status != \"" + NON_CONFORME + "\""));

    ObjectNode justification = input(fields, "textarea", base + "justification", "Justification (non applicable)",
        name, "Justification");
    justification.putObject("validate").put("required", true);
    justification.set("conditional", hide(base + "status != \"" + NON_APPLICABLE + "\""));

    if (point.measure() != null) {
      for (Figure figure : figures(point.measure())) {
        ObjectNode field = input(fields, figure.type(), base + figure.key(), figure.label(), name,
            Character.toUpperCase(figure.key().charAt(0)) + figure.key().substring(1));
        // a figure is recorded unless the point does not apply
        field.set("conditional", hide(base + "status = \"" + NON_APPLICABLE + "\""));
        figure.complete(field);
      }
    }
  }

  /**
   * A field of a figure: form-js type, key under the point, French label, and what completes it
   * (limits of a number, options of a select).
   */
  private record Figure(String type, String key, String label, java.util.function.Consumer<ObjectNode> completion) {

    static Figure number(String key, String label, int min, int max) {
      return new Figure("number", key, label, field -> {
        field.putObject("validate").put("min", min).put("max", max);
        field.put("decimalDigits", 0);
      });
    }

    static Figure checkbox(String key, String label) {
      return new Figure("checkbox", key, label, field -> { });
    }

    void complete(ObjectNode field) {
      completion.accept(field);
    }
  }

  /** The fields where the technician records a figure the guide sets; their checks are {@link Measure}'s. */
  private static List<Figure> figures(Measure measure) {
    return switch (measure) {
      case PATCH -> List.of(Figure.number("criticalPatchDelayHours",
          "Délai d'application du dernier correctif critique (heures ; 72 au plus)", 0, 8760));
      case VMS_UPDATE -> List.of(Figure.number("vmsUpdateDeferralDays",
          "Mise à jour du VMS disponible et non appliquée depuis (jours ; 0 si à jour, 30 au plus)", 0, 3650));
      case TLS -> List.of(new Figure("select", "tlsMinVersion",
          "Version minimale de TLS acceptée par le serveur (1.2 au moins)", field -> {
            ArrayNode values = field.putArray("values");
            Measure.TLS_VERSIONS.forEach(v -> values.addObject().put("label", "TLS " + v).put("value", v));
          }));
      case CERTIFICATE -> List.of(Figure.number("certificateValidityMonths",
          "Durée de validité du certificat (mois ; 24 au plus)", 1, 600));
      case DEFAULT_PASSWORD -> List.of(Figure.checkbox("defaultPasswordChanged",
          "Mot de passe par défaut changé sur tous les équipements"));
      case PASSWORD -> List.of(
          Figure.number("adminPasswordLength", "Longueur du mot de passe administrateur (caractères ; 12 au moins)", 1, 256),
          Figure.checkbox("adminPasswordComplex", "Complexité imposée (majuscules, minuscules, chiffres, caractères spéciaux)"));
      case LEGACY_INTERFACES -> List.of(Figure.checkbox("telnetDisabled", "Telnet désactivé"),
          Figure.checkbox("ftpDisabled", "FTP désactivé"));
      case HTTPS -> List.of(Figure.checkbox("httpsAvailable", "HTTPS disponible sur l'équipement"),
          Figure.checkbox("httpDisabled", "HTTP désactivé"));
      case DISCOVERY -> List.of(Figure.checkbox("upnpDisabled", "UPnP désactivé"),
          Figure.checkbox("bonjourDisabled", "Bonjour désactivé"),
          Figure.checkbox("onvifDiscoveryRequired", "ONVIF Discovery requis par l'intégration"),
          Figure.checkbox("onvifDiscoveryDisabled", "ONVIF Discovery désactivé"));
      // the figure is the inventory's (equipment without security updates): nothing to type
      case VENDOR_SUPPORT -> List.of();
    };
  }

  /**
   * The summary above the fields: how many points have no evaluation, and each Non conforme without
   * finding or day and each Non applicable without justification; empty when nothing is missing.
   */
  private static String toComplete(Catalogue catalogue) {
    List<String> missing = new ArrayList<>();
    List<String> unrated = new ArrayList<>();
    for (Catalogue.Point point : catalogue.points()) {
      String base = base(point);
      missing.add(missing(base, NON_CONFORME, "comment", point.id() + " : Non conforme sans constat"));
      missing.add(missing(base, NON_CONFORME, "remediationDeadline", point.id() + " : Non conforme sans délai de remédiation"));
      missing.add(missing(base, NON_APPLICABLE, "justification", point.id() + " : Non applicable sans justification"));
      unrated.add("(if " + base + "status = null then 1 else 0)");
    }
    return "={missing: string join([" + String.join(", ", missing) + "][item != null], \" ; \"), unrated: "
        + String.join(" + ", unrated) + ", r: if missing = \"\" and unrated = 0 then \"\" else "
        + "\"**À compléter avant de terminer :** \" + (if unrated > 0 then string(unrated) + \" point(s) sans évaluation\""
        + " + (if missing = \"\" then \"\" else \" ; \") else \"\") + missing + \".\"}.r";
  }

  private static String missing(String base, String status, String field, String message) {
    String value = base + field;
    return "if " + base + "status = \"" + status + "\" and (" + value + " = null or " + value + " = \"\") then \""
        + message + "\" else null";
  }

  /**
   * The words of a day typed JJ/MM/AAAA ("Lu : mardi 31 janvier 2027."), or what is wrong with it:
   * FEEL evaluated by form-js as the person types (day of the week by Sakamoto's method).
   */
  static String dayReadBack(String key) {
    return "={v: if " + key + " = null then \"\" else string(" + key + "), "
        + "p: split(replace(v, \"^ *([0-9]{1,2})/([0-9]{1,2})/([0-9]{4}) *$\", \"$1#$2#$3\"), \"#\"), "
        + "ok: v != \"\" and count(p) = 3, d: if ok then number(p[1]) else 0, m: if ok then number(p[2]) else 0, "
        + "y: if ok then number(p[3]) else 0, leap: (modulo(y, 4) = 0 and modulo(y, 100) != 0) or modulo(y, 400) = 0, "
        + "dim: if m >= 1 and m <= 12 then [31, if leap then 29 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m] else 0, "
        + "valid: ok and m >= 1 and m <= 12 and d >= 1 and d <= dim and y >= 1900, yy: if m < 3 then y - 1 else y, "
        + "wd: if valid then modulo(yy + floor(yy / 4) - floor(yy / 100) + floor(yy / 400) + "
        + "[0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4][m] + d, 7) else 0, wi: wd + 1, "
        + "day: if valid then [\"dimanche\", \"lundi\", \"mardi\", \"mercredi\", \"jeudi\", \"vendredi\", \"samedi\"][wi]"
        + " + \" \" + string(d) + \" \" + [\"janvier\", \"février\", \"mars\", \"avril\", \"mai\", \"juin\", \"juillet\", "
        + "\"août\", \"septembre\", \"octobre\", \"novembre\", \"décembre\"][m] + \" \" + string(y) else \"\", "
        + "r: if v = \"\" then \"\" else if not(ok) then \"⚠ Format attendu : JJ/MM/AAAA (jour, mois, année), par exemple "
        + "31/01/2027.\" else if not(valid) then \"⚠ Cette date n'existe pas : \" + p[1] + \"/\" + p[2] + \"/\" + p[3] + "
        + "\" se lit jour/mois/année.\" else \"Lu : \" + day + \".\"}.r";
  }

  /** {@code checklistSrv.SRV_01.}: the point's object in its category's variable. */
  private static String base(Catalogue.Point point) {
    String variable = ChecklistState.VARIABLES.get(point.category());
    if (variable == null) {
      throw new IllegalStateException("Category " + point.category() + " of " + point.id()
          + " has no checklist variable (ChecklistState.VARIABLES)");
    }
    return variable + "." + ChecklistState.key(point.id()) + ".";
  }

  private static ArrayNode group(ArrayNode parent, String label, String id) {
    ObjectNode group = parent.addObject()
        .put("type", "group")
        .put("label", label)
        .put("id", id)
        .put("showOutline", true);
    return group.putArray("components");
  }

  private static ObjectNode input(ArrayNode parent, String type, String key, String label, String point, String what) {
    return parent.addObject()
        .put("type", type)
        .put("key", key)
        .put("label", label)
        .put("id", "Field_" + point + "_" + what);
  }

  private static ObjectNode hide(String condition) {
    ObjectNode conditional = JSON.createObjectNode();
    conditional.put("hide", "=" + condition);
    return conditional;
  }
}
