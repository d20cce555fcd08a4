package com.mileotech.cyber.commissioning;

import static com.mileotech.cyber.commissioning.CommissioningVariables.*;

import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.ContractType;
import com.mileotech.cyber.system.ZoneProperties;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * "Vérifier le contrat de maintenance": when the annual audit falls due, the registry says
 * whether the client still has a Premium contract covering today (an extended contract keeps
 * the audits going; an ended one stops them).
 */
@Component("checkMaintenanceContract")
class CheckMaintenanceContractDelegate implements JavaDelegate {

  private final ClientRepository clients;
  private final ZoneProperties time;

  CheckMaintenanceContractDelegate(ClientRepository clients, ZoneProperties time) {
    this.clients = clients;
    this.time = time;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), time.zone());
    Client.Contract contract = clients.find(CLIENT_ID.get(execution))
        .map(Client::contract).orElse(null);
    boolean covers = contract != null && contract.type() == ContractType.PREMIUM && contract.covers(today);
    CONTRACT_COVERS_AUDIT.set(execution, covers);
  }
}
