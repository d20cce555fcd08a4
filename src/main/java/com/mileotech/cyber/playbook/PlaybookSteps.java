package com.mileotech.cyber.playbook;

import static com.mileotech.cyber.playbook.PlaybookVariables.PLAYBOOK_ID;
import static com.mileotech.cyber.playbook.PlaybookVariables.PLAYBOOK_VERSION;

import com.mileotech.cyber.incident.Nature;
import com.mileotech.cyber.incident.ResponseStep;
import com.mileotech.cyber.incident.SecurityIncidentVariables;
import com.mileotech.cyber.system.Moments;
import com.mileotech.cyber.system.ProcessVariable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * What the containment and eradication tasks of security-incident ask of the playbook, as BPMN
 * expressions: {@code ${playbookSteps.prepare(task, 'CONTAINMENT')}} when the task is created (it
 * records nothing a person said: it chooses the playbook version on the first containment and lists
 * the actions the form shows) and {@code ${playbookSteps.form(execution, 'CONTAINMENT')}}, the
 * task's form: the one generated for the incident's playbook version.
 */
@Component("playbookSteps")
public class PlaybookSteps {

  private final Playbooks playbooks;
  private final PlaybookRecords records;
  private final IncidentEquipment equipment;
  private final Moments moments;

  PlaybookSteps(Playbooks playbooks, PlaybookRecords records, IncidentEquipment equipment, Moments moments) {
    this.playbooks = playbooks;
    this.records = records;
    this.equipment = equipment;
    this.moments = moments;
  }

  /**
   * On the task's creation: the incident's playbook version (chosen now if the incident has none:
   * the version in force today; kept afterwards), the actions that fit the incident's nature as of
   * now and its equipment, and the form's summary.
   */
  public void prepare(DelegateTask task, String phaseName) {
    ResponseStep phase = ResponseStep.valueOf(phaseName);
    DelegateExecution incident = task.getExecution();
    Playbook playbook = followed(incident);
    String nature = nature(incident);
    IncidentEquipment.Involved involved = equipment.of(incident);
    List<String> codes = playbook.applicable(phase, nature, involved.kinds()).stream().map(Playbook.Action::code).toList();
    PlaybookVariables.shown(phase).set(incident, codes);
    natureOf(phase).set(incident, nature);
    PlaybookVariables.summary(phase).set(incident, "Playbook **" + playbook.name() + "** (« " + playbook.title()
        + " », en vigueur depuis le " + Moments.dayWords(LocalDate.parse(playbook.inForce())) + ") — nature : **"
        + label(nature) + "** — équipements : " + involved.describe() + ". " + codes.size()
        + " action(s) : pour chacune, *Réalisée* ou *Non applicable* avec sa justification.");
  }

  /** The form of the task: the one of the incident's playbook version and this phase. */
  public String form(DelegateExecution execution, String phaseName) {
    ResponseStep phase = ResponseStep.valueOf(phaseName);
    String id = PLAYBOOK_ID.get(execution);
    String version = PLAYBOOK_VERSION.get(execution);
    if (id == null || version == null) {
      // the task is being created (prepare runs right after): the version it will choose
      return PlaybookForm.formId(playbooks.inForce(moments.today()), phase);
    }
    return PlaybookForm.formId(id, version, phase);
  }

  /** The incident's playbook version; the one in force today, recorded, when it has none yet. */
  private Playbook followed(DelegateExecution incident) {
    String id = PLAYBOOK_ID.get(incident);
    String version = PLAYBOOK_VERSION.get(incident);
    if (id != null && version != null) {
      return playbooks.get(id, version).orElseThrow(() -> new IllegalStateException("Playbook " + id + " " + version
          + " followed by " + SecurityIncidentVariables.REFERENCE.get(incident) + " is no longer on the classpath"));
    }
    Playbook playbook = playbooks.inForce(moments.today());
    PLAYBOOK_ID.set(incident, playbook.id());
    PLAYBOOK_VERSION.set(incident, playbook.version());
    records.choose(SecurityIncidentVariables.REFERENCE.require(incident), playbook.id(), playbook.version(),
        moments.now());
    return playbook;
  }

  /** The nature a phase's actions were chosen for (the eradication's may differ after a requalification). */
  static ProcessVariable<String> natureOf(ResponseStep phase) {
    return phase == ResponseStep.CONTAINMENT ? PlaybookVariables.CONTAINMENT_NATURE : PlaybookVariables.ERADICATION_NATURE;
  }

  /** The qualified nature's code; "autre" when none is known. */
  static String nature(VariableScope incident) {
    String code = SecurityIncidentVariables.NATURE.text(incident);
    return Arrays.stream(Nature.values()).anyMatch(n -> n.code().equals(code)) ? code : Nature.OTHER.code();
  }

  static String label(String natureCode) {
    return Arrays.stream(Nature.values()).filter(n -> n.code().equals(natureCode)).map(Nature::label).findFirst()
        .orElse(natureCode);
  }
}
