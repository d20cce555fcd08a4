package com.mileotech.cyber.incident;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where people download an incident's file (the PDF of feature casefile, by URL only: this feature
 * does not depend on it): the latest version, behind the incident's access rules.
 */
@Component
class IncidentFileLinks {

  private final String publicBaseUrl;

  IncidentFileLinks(@Value("${mileo.public-base-url:http://localhost:8080}") String publicBaseUrl) {
    this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
  }

  /** The latest version of the incident file. */
  String file(String reference) {
    return publicBaseUrl + "/api/security-incidents/" + reference + "/file";
  }
}
