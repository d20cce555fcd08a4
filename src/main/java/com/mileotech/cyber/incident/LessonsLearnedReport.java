package com.mileotech.cyber.incident;

import static com.mileotech.cyber.incident.SecurityIncidentVariables.*;

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
    text.append("Retour d'expérience — ").append(REFERENCE.get(execution))
        .append(" — ").append(CLIENT_NAME.get(execution)).append('\n')
        .append("Sites : ").append(SITES.get(execution)).append('\n')
        .append("Nature : ").append(label(Nature.class, NATURE.get(execution)))
        .append(" ; gravité : ").append(label(Severity.class, SEVERITY.get(execution)))
        .append(" ; données personnelles : ")
        .append(Boolean.TRUE.equals(PERSONAL_DATA_INVOLVED.get(execution)) ? "oui" : "non")
        .append("\n\nChronologie\n");
    for (Map<String, Object> entry : LESSONS_LEARNED_CHRONOLOGY.objects(execution)) {
      text.append("- ").append(entry.get("when")).append(" — ").append(entry.get("step")).append(" — ")
          .append(entry.get("detail")).append(" — ").append(entry.get("person")).append('\n');
    }
    section(text, "Causes racines", LESSONS_ROOT_CAUSES.get(execution));
    Object controls = HARDENING_CONTROLS_LABEL.get(execution); // linked by the referent (security updates feature)
    if (controls != null) {
      section(text, "Points de contrôle du guide de durcissement en cause", controls);
    }
    section(text, "Efficacité de la réponse", LESSONS_RESPONSE_EFFECTIVENESS.get(execution));
    section(text, "Points d'amélioration", LESSONS_IMPROVEMENTS.get(execution));
    if (!IMPROVEMENT_ACTIONS.objects(execution).isEmpty()) { // each followed to its closure (improvement-action)
      section(text, "Actions d'amélioration", IMPROVEMENT_ACTIONS_LABEL.get(execution));
    }
    Object mttd = MTTD_MINUTES.get(execution);
    text.append("\nIndicateurs\n")
        .append("- MTTD (détection − début) : ").append(mttd == null ? "début inconnu" : Moments.duration((Number) mttd)).append('\n')
        .append("- MTTR (remise en service − détection) : ")
        .append(Moments.duration(MTTR_MINUTES.get(execution))).append('\n');
    Object approvedAt = LESSONS_LEARNED_APPROVED_AT.get(execution);
    text.append("\nApprouvé par ").append(actors.describe(LESSONS_LEARNED_APPROVED_BY.get(execution)))
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
