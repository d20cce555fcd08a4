package com.mileotech.cyber.update;

import static com.mileotech.cyber.update.SecurityUpdateVariables.*;

import com.mileotech.cyber.system.FormValues;
import com.mileotech.cyber.incident.SecurityIncidentVariables;
import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.commissioning.EquipmentInventory;
import com.mileotech.cyber.system.Moments;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Préparer les revérifications de durcissement" (security-incident, after the lessons-learned
 * report is archived): each control point the referent linked is to be re-verified at every site
 * of the incident's client and, when the referent chose it, at every site where another client
 * runs the same product. Sets {@code reverificationTargets} ({@code client|site|point}),
 * {@code reverificationCount} and, for the bulletin, {@code hardeningControlsSummary}; enters each
 * re-verification in the register ("à vérifier").
 */
@Component("prepareHardeningReverifications")
class PrepareHardeningReverificationsDelegate implements JavaDelegate {

  private final ClientRepository clients;
  private final EquipmentInventory inventory;
  private final ReverificationRegister register;
  private final Moments moments;

  PrepareHardeningReverificationsDelegate(ClientRepository clients, EquipmentInventory inventory,
      ReverificationRegister register, Moments moments) {
    this.clients = clients;
    this.inventory = inventory;
    this.register = register;
    this.moments = moments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> points = FormValues.words(SecurityIncidentVariables.HARDENING_CONTROLS.get(execution));
    String incident = REFERENCE.get(execution);
    Client client = clients.find(CLIENT_ID.get(execution)).orElseThrow();
    Set<List<String>> sites = new LinkedHashSet<>();
    if (!points.isEmpty()) {
      client.activeSites().forEach(s -> sites.add(List.of(client.id(), s.id())));
      String product = SecurityIncidentVariables.REVERIFICATION_PRODUCT.get(execution);
      if (product != null) {
        inventory.running(product, LinkHardeningControlsDelegate.EVERY_KIND).stream()
            .filter(i -> clients.find(i.clientId()).flatMap(c -> c.site(i.siteId())).isPresent())
            .forEach(i -> sites.add(List.of(i.clientId(), i.siteId())));
      }
    }
    List<String> targets = new ArrayList<>();
    for (String point : points) {
      for (List<String> site : sites) {
        targets.add(Reverifications.target(site.get(0), site.get(1), point));
        register.request(incident, site.get(0), site.get(1), point, moments.now());
      }
    }
    SecurityIncidentVariables.REVERIFICATION_TARGETS.set(execution, targets);
    SecurityIncidentVariables.REVERIFICATION_COUNT.set(execution, targets.size());
    SecurityIncidentVariables.HARDENING_CONTROLS_SUMMARY.set(execution, targets.isEmpty() ? null
        : "Points de contrôle du guide de durcissement en cause :\n" + SecurityIncidentVariables.HARDENING_CONTROLS_LABEL.get(execution)
        + "\n\nRevérification demandée sur " + sites.size() + " site(s) : " + sites.stream()
            .map(s -> clients.find(s.get(0)).map(c -> c.name() + " — " + c.site(s.get(1)).map(Client.Site::name)
                .orElse(s.get(1))).orElse(s.get(0)))
            .collect(Collectors.joining(", "))
        + ". Les résultats feront l'objet d'un bulletin complémentaire.");
  }
}
