package com.mileotech.cyber.update;

/** A re-verification target as the incident keeps it: {@code <client>|<site>|<point>}. */
final class Reverifications {

  private Reverifications() {}

  static String target(String clientId, String siteId, String pointId) {
    return clientId + "|" + siteId + "|" + pointId;
  }

  static String[] parts(String target) {
    return target.split("\\|");
  }
}
