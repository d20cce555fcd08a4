package com.mileotech.cyber.playbook;

import com.mileotech.cyber.incident.ResponseStep;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The form driver of the playbook's containment and eradication forms: what Tasklist submits. The
 * scenario drivers of other features ({@code IncidentForms.containment}) answer every action of the
 * phase this way; the server records those the form showed and drops the others (as Tasklist never
 * submits a hidden field, only an API caller sends them).
 */
public final class PlaybookForms {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private PlaybookForms() {}

  /** Every action of the phase, of the playbook version in force on the engine's clock, done with {@code comment}. */
  public static Map<String, Object> allDone(ResponseStep phase, String comment) {
    Map<String, Object> form = new HashMap<>();
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), PARIS);
    Playbooks.readAll().stream()
        .filter(p -> !LocalDate.parse(p.inForce()).isAfter(today))
        .forEach(p -> p.actionsOf(phase).forEach(a -> done(form, a.code(), comment)));
    return form;
  }

  /** The action done, with an optional comment. Returns {@code form}. */
  public static Map<String, Object> done(Map<String, Object> form, String code, String comment) {
    form.put(status(code), ActionStatus.DONE.code());
    form.remove(justification(code));
    if (comment != null) {
      form.put(comment(code), comment);
    }
    return form;
  }

  /** The action not applicable, with its justification (null: none given). Returns {@code form}. */
  public static Map<String, Object> notApplicable(Map<String, Object> form, String code, String justification) {
    form.put(status(code), ActionStatus.NOT_APPLICABLE.code());
    form.remove(comment(code));
    if (justification != null) {
      form.put(justification(code), justification);
    }
    return form;
  }

  /** The action left unanswered. Returns {@code form}. */
  public static Map<String, Object> unanswered(Map<String, Object> form, String code) {
    form.remove(status(code));
    form.remove(comment(code));
    form.remove(justification(code));
    return form;
  }

  public static String status(String code) {
    return PlaybookForm.statusKey(code);
  }

  public static String comment(String code) {
    return PlaybookForm.commentKey(code);
  }

  public static String justification(String code) {
    return PlaybookForm.justificationKey(code);
  }
}
