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

  /** The kinds of equipment the guide's categories cover. */
  enum Kind {
    SERVER("Serveur"),
    NVR("NVR"),
    CAMERA("Caméra");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }

    static Kind parse(String value) {
      for (Kind k : values()) {
        if (k.name().equals(value)) {
          return k;
        }
      }
      return null;
    }
  }

  String kindLabel() {
    Kind k = Kind.parse(kind);
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
