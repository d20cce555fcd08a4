package com.mileotech.cyber.playbook;

import com.mileotech.cyber.incident.ResponseStep;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A version of the response playbook, as kept in {@code resources/playbooks/<id>-<version>.json}:
 * the actions of containment and eradication (PROC-CYB-005 §03, §04), each for the natures it
 * fits (empty: every nature) and the kinds of equipment it concerns (empty: whatever the
 * equipment). A version is in force from its {@code inForce} day (Paris); an incident keeps the
 * version chosen when its containment started, a new version is a new file.
 */
record Playbook(String id, String title, String version, String inForce, String source, List<Action> actions) {

  /** e.g. {@code PB-CYB-005 v1}. */
  String name() {
    return id + " " + version;
  }

  Optional<Action> action(String code) {
    return actions.stream().filter(a -> a.code().equals(code)).findFirst();
  }

  List<Action> actionsOf(ResponseStep phase) {
    return actions.stream().filter(a -> a.phase() == phase).toList();
  }

  /**
   * The actions of the phase that fit the nature (a {@code Nature} code) and the equipment kinds
   * involved; with no kind known, every action of the nature (the technician answers Non applicable).
   */
  List<Action> applicable(ResponseStep phase, String nature, Collection<String> kinds) {
    return actionsOf(phase).stream().filter(a -> a.fits(nature, kinds)).toList();
  }

  /**
   * One action: stable code (what the record keeps), phase, natures, equipment kinds
   * ({@code EquipmentKind} names), French label and how to do it.
   */
  record Action(String code, ResponseStep phase, List<String> natures, List<String> equipment, String label,
      String how) {

    boolean fits(String nature, Collection<String> kinds) {
      boolean natureFits = natures.isEmpty() || natures.contains(nature);
      boolean equipmentFits = equipment.isEmpty() || kinds.isEmpty() || equipment.stream().anyMatch(kinds::contains);
      return natureFits && equipmentFits;
    }
  }
}
