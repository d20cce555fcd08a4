package com.mileotech.cyber.incident;

/** What a captured piece of evidence is (PROC-CYB-005 §03: logs, memory dumps, active connections...). */
enum EvidenceKind implements Code {
  LOGS("journaux", "Journaux"),
  MEMORY_DUMP("dump-memoire", "Dump mémoire"),
  ACTIVE_CONNECTIONS("connexions-actives", "Liste des connexions actives"),
  VIDEO_FOOTAGE("enregistrement-video", "Enregistrement vidéo"),
  CONFIGURATION("configuration", "Configuration de l'équipement"),
  OTHER("autre", "Autre");

  private final String code;
  private final String label;

  EvidenceKind(String code, String label) {
    this.code = code;
    this.label = label;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String label() {
    return label;
  }
}
