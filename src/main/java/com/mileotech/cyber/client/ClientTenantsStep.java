package com.mileotech.cyber.client;

import com.mileotech.cyber.system.StartupStep;
import org.springframework.stereotype.Component;

/** At start-up, every client of the registry has its tenant and memberships (e.g. after a restore). */
@Component
class ClientTenantsStep implements StartupStep {

  private final ClientRepository repository;
  private final ClientTenants tenants;

  ClientTenantsStep(ClientRepository repository, ClientTenants tenants) {
    this.repository = repository;
    this.tenants = tenants;
  }

  @Override
  public int order() {
    return 40;
  }

  @Override
  public void run() {
    tenants.syncAll(repository.findAll());
  }
}
