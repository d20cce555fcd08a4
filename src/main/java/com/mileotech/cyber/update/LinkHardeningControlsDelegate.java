package com.mileotech.cyber.update;

import com.mileotech.cyber.incident.SecurityIncidentVariables;
import com.mileotech.cyber.system.Refusal;
import com.mileotech.cyber.commissioning.EquipmentInventory;
import com.mileotech.cyber.commissioning.EquipmentKind;
import com.mileotech.cyber.commissioning.HardeningControls;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Relier le retour d'expérience aux points de durcissement", right after "Rédiger le retour
 * d'expérience" of security-incident (a step of the security updates feature): the referent may
 * link the root causes to control points of the
 * hardening guide (e.g. NVR-01, default password left) and ask for their re-verification at every
 * client running the same product. Unknown points or products are refused, naming them.
 * Sets {@code hardeningControls} ("NVR-01, CAM-03" or null), {@code hardeningControlsLabel} and
 * {@code reverificationProduct}.
 */
@Component("linkHardeningControls")
class LinkHardeningControlsDelegate implements JavaDelegate {

  static final List<String> EVERY_KIND = EquipmentKind.codes();

  private final HardeningControls controls;
  private final EquipmentInventory inventory;

  LinkHardeningControlsDelegate(HardeningControls controls, EquipmentInventory inventory) {
    this.controls = controls;
    this.inventory = inventory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Set<String> ids = new LinkedHashSet<>();
    SecurityIncidentVariables.LESSONS_HARDENING_CONTROLS.words(execution)
        .forEach(id -> ids.add(id.toUpperCase(Locale.ROOT)));
    boolean everyClient = Boolean.TRUE.equals(SecurityIncidentVariables.LESSONS_REVERIFY_ALL_CLIENTS.get(execution));
    String product = SecurityIncidentVariables.LESSONS_PRODUCT.text(execution);
    List<String> problems = new ArrayList<>();
    for (String id : ids) {
      if (controls.control(id).isEmpty()) {
        problems.add("point de contrôle inconnu « " + id + " » (points du guide " + controls.guide() + " : SRV-01 à SRV-08, "
            + "VMS-01 à VMS-10, NVR-01 à NVR-07, CAM-01 à CAM-07)");
      }
    }
    if (everyClient && ids.isEmpty()) {
      problems.add("indiquez les points de contrôle à revérifier chez les autres clients");
    }
    if (everyClient && product == null) {
      problems.add("indiquez le produit dont les clients sont à revérifier");
    } else if (everyClient && !inventory.knows(product, EVERY_KIND)) {
      problems.add("produit inconnu de l'inventaire « " + product + " »");
    }
    if (!problems.isEmpty()) {
      throw Refusal.of("Retour d'expérience refusé", problems);
    }
    SecurityIncidentVariables.HARDENING_CONTROLS.set(execution, ids.isEmpty() ? null : String.join(", ", ids));
    SecurityIncidentVariables.HARDENING_CONTROLS_LABEL.set(execution, ids.isEmpty() ? null : ids.stream()
        .map(id -> id + " — " + controls.control(id).orElseThrow().label()).collect(Collectors.joining("\n")));
    SecurityIncidentVariables.REVERIFICATION_PRODUCT.set(execution, everyClient ? product : null);
  }
}
