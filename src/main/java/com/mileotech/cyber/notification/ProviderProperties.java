package com.mileotech.cyber.notification;

import com.mileotech.cyber.client.RegulatoryRegime;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mileo.provider}: Mileo Technology itself, as a managed service provider of its clients'
 * video systems. When it is a NIS2 entity ({@code nis2-entity}, by the size thresholds of NIS2
 * art. 2 and annex II), an incident that affects its own service opens its own ANSSI clock and
 * its notice to the clients (docs/notifications.md, "Mileo's own duties").
 *
 * @param nis2Entity whether Mileo is a NIS2 entity (false: no duty of its own is ever opened)
 * @param id the tenant of Mileo's own duties (staff only) and its id in the register; no client may use it
 * @param name Mileo's name as filings and mails show it
 * @param regime {@code NIS2_ESSENTIAL} or {@code NIS2_IMPORTANT}
 * @param contactName who answers the authority for Mileo
 * @param contactEmail their address
 * @param contactPhone their telephone
 */
@ConfigurationProperties("mileo.provider")
record ProviderProperties(boolean nis2Entity, String id, String name, RegulatoryRegime regime, String contactName,
    String contactEmail, String contactPhone) {

  ProviderProperties {
    id = id == null || id.isBlank() ? "mileo" : id;
    name = name == null || name.isBlank() ? "Mileo Technology" : name;
    regime = regime == null ? RegulatoryRegime.NIS2_IMPORTANT : regime;
    if (regime != RegulatoryRegime.NIS2_ESSENTIAL && regime != RegulatoryRegime.NIS2_IMPORTANT) {
      throw new IllegalArgumentException("mileo.provider.regime: NIS2_ESSENTIAL ou NIS2_IMPORTANT, pas " + regime);
    }
  }

  /** Who answers for Mileo, as a filing shows it. */
  String contact() {
    if (contactName == null && contactEmail == null) {
      return null;
    }
    return (contactName == null ? "" : contactName) + (contactEmail == null ? "" : " <" + contactEmail + ">")
        + (contactPhone == null ? "" : ", " + contactPhone);
  }
}
