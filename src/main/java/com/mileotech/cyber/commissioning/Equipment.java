package com.mileotech.cyber.commissioning;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One piece of equipment of the inventory: a VMS server, an NVR or a camera, with the firmware
 * it runs and whether its maker still publishes security updates for it (guide §03).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
record Equipment(String kind, String model, String serialNumber, String firmwareVersion, Boolean securityUpdates) {

  /** The kind of equipment (SERVER, NVR, CAMERA: see {@link EquipmentKind#equipment}) in French. */
  String kindLabel() {
    EquipmentKind k = EquipmentKind.equipment(kind);
    return k == null ? kind : k.label();
  }

  boolean endOfSupport() {
    return Boolean.FALSE.equals(securityUpdates);
  }

  Equipment withFirmware(String firmware) {
    return new Equipment(kind, model, serialNumber, firmware, securityUpdates);
  }

  /** e.g. « Caméra AXIS P3265 (n° ACCC8E0001) ». */
  String describe() {
    return kindLabel() + " " + model + " (n° " + serialNumber + ")";
  }
}
