package com.mileotech.cyber.evidence;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What an evidence item is (PROC-CYB-005 §03); the same codes as the evidence task's legacy slots. */
enum ItemKind {
  LOGS("journaux", "Journaux"),
  MEMORY_DUMP("dump-memoire", "Dump mémoire"),
  ACTIVE_CONNECTIONS("connexions-actives", "Liste des connexions actives"),
  VIDEO_FOOTAGE("enregistrement-video", "Enregistrement vidéo"),
  DISK_IMAGE("image-disque", "Image disque"),
  CONFIGURATION("configuration", "Configuration de l'équipement"),
  SCREENSHOT("capture-ecran", "Capture d'écran"),
  OTHER("autre", "Autre");

  final String code;
  final String label;

  ItemKind(String code, String label) {
    this.code = code;
    this.label = label;
  }

  static Optional<ItemKind> of(String code) {
    return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
  }

  static String allowed() {
    return Arrays.stream(values()).map(k -> "« " + k.code + " »").collect(Collectors.joining(", "));
  }
}
