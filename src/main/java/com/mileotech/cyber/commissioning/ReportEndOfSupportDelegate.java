package com.mileotech.cyber.commissioning;

import static com.mileotech.cyber.commissioning.CommissioningVariables.*;

import com.mileotech.cyber.reminder.Audience;
import com.mileotech.cyber.reminder.Notice;
import com.mileotech.cyber.reminder.Reminders;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Signaler les équipements au client" (guide §03), first step of the process
 * {@code equipment-replacement}: the equipment whose maker no longer publishes security updates is
 * reported to the client's RSSI; a replacement plan follows. The caller (a commissioning, a
 * security update) passes {@code endOfSupportEquipment} (one line per equipment) and
 * {@code endOfSupportOrigin} ("Lors de la mise en service CHK-2026-0001").
 */
@Component("reportEndOfSupport")
class ReportEndOfSupportDelegate implements JavaDelegate {

  private final Reminders reminders;

  ReportEndOfSupportDelegate(Reminders reminders) {
    this.reminders = reminders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String list = END_OF_SUPPORT_EQUIPMENT.get(execution);
    String origin = END_OF_SUPPORT_ORIGIN.get(execution);
    String reference = REFERENCE.get(execution);
    List<String> ended = Arrays.stream(list.split("\n")).map(l -> l.replaceFirst("^- ", "").trim())
        .filter(l -> !l.isEmpty()).toList();
    reminders.inform(execution, "equipment-end-of-support",
        Notice.of("equipment-end-of-support", Audience.CLIENT_RSSI)
            .with("title", "Équipements sans mises à jour de sécurité — " + SITE_NAME.get(execution)
                + " (" + reference + ")")
            .with("body", origin + ", nous avons relevé " + ended.size()
                + " équipement(s) dont le constructeur ne publie plus de mises à jour de sécurité :\n" + list
                + "\nConformément au guide de durcissement GUID-PREM-003, votre chef de projet vous proposera un plan de remplacement.")
            .with("reference", reference)
            .with("equipment", ended));
  }
}
