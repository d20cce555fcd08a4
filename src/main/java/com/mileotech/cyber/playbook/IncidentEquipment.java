package com.mileotech.cyber.playbook;

import static com.mileotech.cyber.incident.SecurityIncidentVariables.AFFECTED_SYSTEMS;
import static com.mileotech.cyber.incident.SecurityIncidentVariables.CLIENT_ID;
import static com.mileotech.cyber.incident.SecurityIncidentVariables.EQUIPMENT;
import static com.mileotech.cyber.incident.SecurityIncidentVariables.SITE_IDS;

import com.mileotech.cyber.commissioning.EquipmentInventory;
import com.mileotech.cyber.commissioning.EquipmentKind;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The kinds of equipment an incident involves, for the actions that concern one kind only: those
 * the report and the qualification name ("NVR-01", "caméra du parking", "serveur VMS"), else those
 * the inventory holds at the incident's sites, else none known (every action of the nature is
 * shown; the technician answers Non applicable where it does not fit).
 */
@Component
class IncidentEquipment {

  /** Words that name a kind in what people type (lower case, without accents). */
  private static final Map<EquipmentKind, Pattern> WORDS = new LinkedHashMap<>();

  static {
    WORDS.put(EquipmentKind.CAMERA, Pattern.compile("\\b(cameras?|cam-?\\d+|cam|dome|ptz)\\b"));
    WORDS.put(EquipmentKind.NVR, Pattern.compile("\\b(nvr|dvr|enregistreurs?)(\\b|-?\\d)"));
    WORDS.put(EquipmentKind.SERVER, Pattern.compile("\\b(serveurs?|servers?|srv)(\\b|-?\\d)"));
    WORDS.put(EquipmentKind.VMS, Pattern.compile("\\b(vms|milestone|xprotect|genetec|security center|nx witness)\\b"));
    WORDS.put(EquipmentKind.OS, Pattern.compile("\\b(windows|linux|systeme d'exploitation|os)\\b"));
  }

  /** Where the kinds came from, for the form's summary. */
  enum Source { REPORT, INVENTORY, UNKNOWN }

  record Involved(Set<String> kinds, Source source) {

    /** "NVR, VMS" in French, or what is known of them. */
    String describe() {
      if (kinds.isEmpty()) {
        return "non identifiés (toutes les actions de cette nature sont proposées)";
      }
      String names = String.join(", ", kinds.stream().map(EquipmentKind::label).toList());
      return names + (source == Source.REPORT ? " (d'après le signalement et la qualification)"
          : " (d'après l'inventaire des sites concernés)");
    }
  }

  private final EquipmentInventory inventory;

  IncidentEquipment(EquipmentInventory inventory) {
    this.inventory = inventory;
  }

  Involved of(VariableScope incident) {
    Set<String> named = named(EQUIPMENT.text(incident) + " " + AFFECTED_SYSTEMS.text(incident));
    if (!named.isEmpty()) {
      return new Involved(named, Source.REPORT);
    }
    String sites = SITE_IDS.get(incident);
    List<String> siteIds = sites == null ? List.of() : Arrays.stream(sites.split(",")).map(String::trim)
        .filter(s -> !s.isEmpty()).toList();
    Set<String> held = inventory.kindsAt(CLIENT_ID.get(incident), siteIds);
    return held.isEmpty() ? new Involved(Set.of(), Source.UNKNOWN) : new Involved(held, Source.INVENTORY);
  }

  /** The kinds a text names. */
  static Set<String> named(String text) {
    Set<String> kinds = new TreeSet<>();
    if (text == null) {
      return kinds;
    }
    String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    WORDS.forEach((kind, words) -> {
      if (words.matcher(plain).find()) {
        kinds.add(kind.name());
      }
    });
    return kinds;
  }
}
