package com.mileotech.cyber.commissioning;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mileo.commissioning}: the catalogue version new checklists are filled against
 * (file name under commissioning/catalogue/ without .json).
 */
@ConfigurationProperties("mileo.commissioning")
record CommissioningProperties(String catalogue) {

  CommissioningProperties {
    catalogue = catalogue == null || catalogue.isBlank() ? "GUID-PREM-003-v1.3" : catalogue;
  }
}
