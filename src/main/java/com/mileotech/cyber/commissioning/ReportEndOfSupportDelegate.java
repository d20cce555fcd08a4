package com.mileotech.cyber.commissioning;

import com.mileotech.cyber.reminder.Audience;
import com.mileotech.cyber.reminder.Notice;
import com.mileotech.cyber.reminder.Reminders;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Signaler les équipements au client" (guide §03): the equipment whose maker no longer publishes
 * security updates is reported to the client's RSSI; a replacement plan follows.
 */
@Component("reportEndOfSupport")
class ReportEndOfSupportDelegate implements JavaDelegate {

  private final Reminders reminders;

  ReportEndOfSupportDelegate(Reminders reminders) {
    this.reminders = reminders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SignedContent content = ChecklistState.content(execution);
    List<Equipment> ended = content.endOfSupport();
    String list = ended.stream().map(e -> "- " + e.describe() + ", firmware " + e.firmwareVersion())
        .collect(Collectors.joining("\n"));
    execution.setVariable("endOfSupportEquipment", list);
    reminders.inform(execution, "equipment-end-of-support",
        Notice.of("equipment-end-of-support", Audience.CLIENT_RSSI)
            .with("title", "Équipements sans mises à jour de sécurité — " + content.siteName() + " (" + content.reference() + ")")
            .with("body", "Lors de la mise en service " + content.reference() + ", nous avons relevé " + ended.size()
                + " équipement(s) dont le constructeur ne publie plus de mises à jour de sécurité :\n" + list
                + "\nConformément au guide de durcissement GUID-PREM-003, votre chef de projet vous proposera un plan de remplacement.")
            .with("reference", content.reference())
            .with("equipment", ended.stream().map(Equipment::describe).toList()));
  }
}
