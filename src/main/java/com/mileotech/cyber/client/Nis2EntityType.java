package com.mileotech.cyber.client;

import com.mileotech.cyber.system.Published;

/**
 * The kinds of NIS2 entity whose significant incidents are defined by Commission Implementing
 * Regulation (EU) 2024/2690 (its art. 3 to 14); every other NIS2 entity is judged by NIS2
 * art. 23(3). Kept on the client (absent: not one of these).
 */
@Published
public enum Nis2EntityType {
  DNS_SERVICE("Fournisseur de services DNS"),
  TLD_REGISTRY("Registre de noms de domaine de premier niveau"),
  CLOUD("Fournisseur de services d'informatique en nuage"),
  DATA_CENTRE("Fournisseur de services de centre de données"),
  CDN("Fournisseur de réseau de diffusion de contenu"),
  MANAGED_SERVICE("Fournisseur de services gérés"),
  MANAGED_SECURITY_SERVICE("Fournisseur de services de sécurité gérés"),
  ONLINE_MARKETPLACE("Place de marché en ligne"),
  SEARCH_ENGINE("Moteur de recherche en ligne"),
  SOCIAL_NETWORK("Plateforme de services de réseaux sociaux"),
  TRUST_SERVICE("Prestataire de services de confiance");

  private final String label;

  Nis2EntityType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
