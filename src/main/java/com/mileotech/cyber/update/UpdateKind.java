package com.mileotech.cyber.update;

import com.mileotech.cyber.commissioning.EquipmentInventory;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a security update applies to, and where the inventory records it: the site's operating
 * system and VMS (software inventory), the firmware of NVRs and cameras (equipment inventory).
 */
enum UpdateKind {
  OS("Système d'exploitation", "serveur", List.of(EquipmentInventory.OS)),
  VMS("VMS", "VMS", List.of(EquipmentInventory.VMS)),
  NVR_FIRMWARE("Firmware NVR", "NVR", List.of("NVR")),
  CAMERA_FIRMWARE("Firmware caméra", "caméra", List.of("CAMERA"));

  private final String label;
  private final String itemLabel;
  private final List<String> inventoryKinds;

  UpdateKind(String label, String itemLabel, List<String> inventoryKinds) {
    this.label = label;
    this.itemLabel = itemLabel;
    this.inventoryKinds = inventoryKinds;
  }

  String label() {
    return label;
  }

  /** What the inventory calls the items it applies to ("caméra"). */
  String itemLabel() {
    return itemLabel;
  }

  List<String> inventoryKinds() {
    return inventoryKinds;
  }

  static Optional<UpdateKind> parse(String value) {
    return Arrays.stream(values()).filter(k -> k.name().equals(value)).findFirst();
  }

  static String allowed() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
  }
}
