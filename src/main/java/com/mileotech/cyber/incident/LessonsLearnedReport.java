package com.mileotech.cyber.incident;

import com.mileotech.cyber.system.Moments;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The text of the lessons-learned report (PROC-CYB-005 §06), as shared with the client and kept on the incident. */
@Component
class LessonsLearnedReport {

  private final Actors actors;
  private final Moments moments;

  LessonsLearnedReport(Actors actors, Moments moments) {
    this.actors = actors;
    this.moments = moments;
  }

  String compose(DelegateExecution execution) {
    StringBuilder text = new StringBuilder();
    text.append("Retour d'expérience — ").append(execution.getVariable(Variables.REFERENCE))
        .append(" — ").append(execution.getVariable(Variables.CLIENT_NAME)).append('\n')
        .append("Sites : ").append(execution.getVariable(Variables.SITES)).append('\n')
        .append("Nature : ").append(label(Nature.class, execution.getVariable(Variables.NATURE)))
        .append(" ; gravité : ").append(label(Severity.class, execution.getVariable(Variables.SEVERITY)))
        .append(" ; données personnelles : ")
        .append(Boolean.TRUE.equals(execution.getVariable(Variables.PERSONAL_DATA_INVOLVED)) ? "oui" : "non")
        .append("\n\nChronologie\n");
    for (Map<String, Object> entry : Values.objects(execution.getVariable(BuildChronologyDelegate.VARIABLE))) {
      text.append("- ").append(entry.get("when")).append(" — ").append(entry.get("step")).append(" — ")
          .append(entry.get("detail")).append(" — ").append(entry.get("person")).append('\n');
    }
    section(text, "Causes racines", execution.getVariable(RecordLessonsLearnedDecisionDelegate.ROOT_CAUSES));
    Object controls = execution.getVariable("hardeningControlsLabel"); // linked by the referent (security updates feature)
    if (controls != null) {
      section(text, "Points de contrôle du guide de durcissement en cause", controls);
    }
    section(text, "Efficacité de la réponse", execution.getVariable(RecordLessonsLearnedDecisionDelegate.EFFECTIVENESS));
    section(text, "Points d'amélioration", execution.getVariable(RecordLessonsLearnedDecisionDelegate.IMPROVEMENTS));
    Object mttd = execution.getVariable(Variables.MTTD_MINUTES);
    text.append("\nIndicateurs\n")
        .append("- MTTD (détection − début) : ").append(mttd == null ? "début inconnu" : Moments.duration((Number) mttd)).append('\n')
        .append("- MTTR (remise en service − détection) : ")
        .append(Moments.duration((Number) execution.getVariable(Variables.MTTR_MINUTES))).append('\n');
    Object approvedAt = execution.getVariable("lessonsLearnedApprovedAt");
    text.append("\nApprouvé par ").append(actors.describe((String) execution.getVariable("lessonsLearnedApprovedBy")))
        .append(approvedAt == null ? "" : " le " + moments.wordsWithZone(moments.instant(approvedAt))).append('\n');
    return text.toString();
  }

  private static void section(StringBuilder text, String title, Object body) {
    text.append('\n').append(title).append('\n').append(body == null ? "—" : body.toString().trim()).append('\n');
  }

  private static <E extends Enum<E> & Code> String label(Class<E> type, Object code) {
    return Code.find(type, code).map(Code::label).orElse(String.valueOf(code));
  }
}
