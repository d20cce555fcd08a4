package com.mileotech.cyber.commissioning;

import com.mileotech.cyber.system.Published;
import java.util.Arrays;
import java.util.List;

/**
 * What the inventory holds, declared once: the equipment the guide's categories cover (a VMS
 * server, an NVR, a camera: serial number and firmware) and the software of each site (the VMS,
 * the operating system). Stored by name ({@code CAMERA}).
 */
@Published
public enum EquipmentKind {
  SERVER("Serveur", false),
  NVR("NVR", false),
  CAMERA("Caméra", false),
  VMS("VMS", true),
  OS("Système d'exploitation", true);

  private final String label;
  private final boolean software;

  EquipmentKind(String label, boolean software) {
    this.label = label;
    this.software = software;
  }

  public String label() {
    return label;
  }

  /** Software of a site (one per site, no serial number) rather than a piece of equipment. */
  public boolean software() {
    return software;
  }

  /** The kind stored as {@code code}, or null. */
  public static EquipmentKind parse(String code) {
    return Arrays.stream(values()).filter(k -> k.name().equals(code)).findFirst().orElse(null);
  }

  /** A piece of equipment (not software) stored as {@code code}, or null: what a checklist's inventory lists. */
  public static EquipmentKind equipment(String code) {
    EquipmentKind kind = parse(code);
    return kind == null || kind.software ? null : kind;
  }

  /** The French name of a stored kind, the code itself when unknown. */
  public static String label(String code) {
    EquipmentKind kind = parse(code);
    return kind == null ? code : kind.label;
  }

  /** Every kind's code, equipment first. */
  public static List<String> codes() {
    return Arrays.stream(values()).map(Enum::name).toList();
  }
}
