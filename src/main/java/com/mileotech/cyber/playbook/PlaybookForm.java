package com.mileotech.cyber.playbook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mileotech.cyber.incident.ResponseStep;
import com.mileotech.cyber.system.ModelerJson;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the Camunda Forms of "Confiner l'incident" and "Éradiquer la menace" from a playbook
 * version: one form per version and phase ({@code forms/incident-containment-PB-CYB-005-v1.form},
 * form id the file name), so that an incident keeps the form of the playbook version it started
 * its containment with. Each form holds every action of the phase; the server lists in
 * {@code playbookContainmentActions} (or {@code …EradicationActions}) those that fit the
 * incident's nature and equipment, and the form hides the others (form-js neither validates nor
 * submits a hidden field).
 *
 * <p>The forms are written into {@code forms/} and never edited by hand: {@code PlaybookFormTest}
 * regenerates each and fails when the file differs ({@code mvn test -Dtest=PlaybookFormTest
 * -Dregenerate=true} rewrites them). For each action: how to do it, Réalisée / Non applicable, an
 * optional comment (Réalisée) or a required justification (Non applicable). Keys:
 * {@code action_ISOLATE_RECORDER_SEGMENT}, {@code …_comment}, {@code …_justification}.
 */
final class PlaybookForm {

  static final String DONE = ActionStatus.DONE.code();
  static final String NOT_APPLICABLE = ActionStatus.NOT_APPLICABLE.code();

  private static final ObjectMapper JSON = new ObjectMapper();

  private PlaybookForm() {}

  /** {@code incident-containment-} or {@code incident-eradication-}: form ids of a phase start with it. */
  static String prefix(ResponseStep phase) {
    return phase == ResponseStep.CONTAINMENT ? "incident-containment-" : "incident-eradication-";
  }

  /** e.g. {@code incident-containment-PB-CYB-005-v1}. */
  static String formId(String id, String version, ResponseStep phase) {
    return prefix(phase) + id + "-" + version;
  }

  static String formId(Playbook playbook, ResponseStep phase) {
    return formId(playbook.id(), playbook.version(), phase);
  }

  /** The form's path, from the project's root or on the classpath. */
  static String resource(Playbook playbook, ResponseStep phase) {
    return "forms/" + formId(playbook, phase) + ".form";
  }

  /** The variable listing the codes of the actions the form shows. */
  static String shownVariable(ResponseStep phase) {
    return PlaybookVariables.shown(phase).name();
  }

  /** The key of an action's status: {@code action_ISOLATE_RECORDER_SEGMENT}. */
  static String statusKey(String code) {
    return "action_" + code;
  }

  static String commentKey(String code) {
    return statusKey(code) + "_comment";
  }

  static String justificationKey(String code) {
    return statusKey(code) + "_justification";
  }

  /** The form's JSON text as it is kept in forms/ (ends with a line feed). */
  static String render(Playbook playbook, ResponseStep phase) {
    return ModelerJson.write(build(playbook, phase));
  }

  static ObjectNode build(Playbook playbook, ResponseStep phase) {
    ObjectNode form = JSON.createObjectNode();
    ArrayNode components = form.putArray("components");
    boolean containment = phase == ResponseStep.CONTAINMENT;
    components.addObject()
        .put("type", "text")
        .put("text", (containment ? "## Confiner l'incident" : "## Éradiquer la menace")
            + "\n**{{reference}}** — {{clientName}} — {{sites}}")
        .put("id", "Text_Heading");
    if (containment) {
      components.addObject()
          .put("type", "text")
          .put("text", "Empêchez la propagation **sans détruire les preuves** : si elles ne sont pas encore capturées, "
              + "relevez au moins la liste des connexions actives avant de déconnecter.")
          .put("id", "Text_Evidence");
    } else {
      components.addObject()
          .put("type", "text")
          .put("text", "**Retour de la vérification d'intégrité :** {{integrityFailureReason}}")
          .put("id", "Text_IntegrityFailure")
          .set("conditional", hide("integrityFailureReason = null"));
    }
    components.addObject()
        .put("type", "text")
        .put("text", "{{" + PlaybookVariables.summary(phase).name() + "}}")
        .put("id", "Text_Playbook");
    components.addObject()
        .put("type", "text")
        .put("text", toComplete(playbook, phase))
        .put("id", "Text_ToComplete");
    String shown = shownVariable(phase);
    for (Playbook.Action action : playbook.actionsOf(phase)) {
      action(components, action, shown);
    }
    form.put("type", "default")
        .put("id", formId(playbook, phase))
        .put("executionPlatform", "Camunda Platform")
        .put("executionPlatformVersion", "7.24.0");
    form.putObject("exporter").put("name", "Mileo PlaybookForm, generated from the playbook " + playbook.name())
        .put("version", "1");
    form.put("schemaVersion", 16);
    return form;
  }

  /** One action's group, shown only when the server listed the action for this incident. */
  private static void action(ArrayNode parent, Playbook.Action action, String shown) {
    String code = action.code();
    String status = statusKey(code);
    ObjectNode group = parent.addObject()
        .put("type", "group")
        .put("label", action.label())
        .put("id", "Group_" + code)
        .put("showOutline", true);
    group.set("conditional", hide("not(list contains(" + shown + ", \"" + code + "\"))"));
    ArrayNode fields = group.putArray("components");
    if (action.how() != null && !action.how().isBlank()) {
      fields.addObject()
          .put("type", "text")
          .put("text", "*Comment :* " + action.how())
          .put("id", "Text_" + code + "_How");
    }
    ObjectNode radio = fields.addObject()
        .put("type", "radio")
        .put("key", status)
        .put("label", "Action")
        .put("id", "Field_" + code + "_Status");
    radio.putObject("validate").put("required", true);
    ArrayNode values = radio.putArray("values");
    values.addObject().put("label", ActionStatus.DONE.label()).put("value", DONE);
    values.addObject().put("label", ActionStatus.NOT_APPLICABLE.label()).put("value", NOT_APPLICABLE);
    ObjectNode comment = fields.addObject()
        .put("type", "textarea")
        .put("key", commentKey(code))
        .put("label", "Commentaire (facultatif)")
        .put("id", "Field_" + code + "_Comment");
    comment.putObject("validate").put("maxLength", 4000);
    comment.set("conditional", hide(status + " != \"" + DONE + "\""));
    ObjectNode justification = fields.addObject()
        .put("type", "textarea")
        .put("key", justificationKey(code))
        .put("label", "Justification (non applicable)")
        .put("id", "Field_" + code + "_Justification");
    justification.putObject("validate").put("required", true).put("maxLength", 4000);
    justification.set("conditional", hide(status + " != \"" + NOT_APPLICABLE + "\""));
  }

  /**
   * The summary above the actions: how many shown actions have no answer, and each Non applicable
   * without justification; empty when nothing is missing (the server checks the same).
   */
  private static String toComplete(Playbook playbook, ResponseStep phase) {
    String shown = shownVariable(phase);
    List<String> unanswered = new ArrayList<>();
    List<String> unjustified = new ArrayList<>();
    for (Playbook.Action action : playbook.actionsOf(phase)) {
      String listed = "list contains(" + shown + ", \"" + action.code() + "\") = true";
      String status = statusKey(action.code());
      String justification = justificationKey(action.code());
      unanswered.add("(if " + listed + " and " + status + " = null then 1 else 0)");
      unjustified.add("if " + listed + " and " + status + " = \"" + NOT_APPLICABLE + "\" and (" + justification
          + " = null or " + justification + " = \"\") then \"« " + action.label().replace("\"", "'")
          + " » non applicable sans justification\" else null");
    }
    return "={missing: string join([" + String.join(", ", unjustified) + "][item != null], \" ; \"), unanswered: "
        + String.join(" + ", unanswered) + ", r: if missing = \"\" and unanswered = 0 then \"\" else "
        + "\"**À compléter avant de terminer :** \" + (if unanswered > 0 then string(unanswered) + \" action(s) sans "
        + "réponse\" + (if missing = \"\" then \"\" else \" ; \") else \"\") + missing + \".\"}.r";
  }

  private static ObjectNode hide(String condition) {
    ObjectNode conditional = JSON.createObjectNode();
    conditional.put("hide", "=" + condition);
    return conditional;
  }
}
