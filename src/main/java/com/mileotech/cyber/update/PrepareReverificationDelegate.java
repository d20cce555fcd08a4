package com.mileotech.cyber.update;

import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.commissioning.HardeningControls;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Préparer la revérification" (first step of hardening-reverification): the client, the site and
 * the control point as the technician's form shows them (label, what to verify and how).
 */
@Component("prepareReverification")
class PrepareReverificationDelegate implements JavaDelegate {

  private final ClientRepository clients;
  private final HardeningControls controls;
  private final ReverificationRegister register;

  PrepareReverificationDelegate(ClientRepository clients, HardeningControls controls, ReverificationRegister register) {
    this.clients = clients;
    this.controls = controls;
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String clientId = (String) execution.getVariable("clientId");
    String siteId = (String) execution.getVariable("siteId");
    String pointId = (String) execution.getVariable("pointId");
    Client client = clients.find(clientId).orElseThrow();
    HardeningControls.Control control = controls.control(pointId).orElseThrow();
    execution.setVariable("clientName", client.name());
    execution.setVariable("siteName", client.site(siteId).map(Client.Site::name).orElse(siteId));
    execution.setVariable("pointLabel", control.label());
    execution.setVariable("pointVerify", control.verify());
    execution.setVariable("guide", controls.guide() + " " + control.section());
    register.started((String) execution.getVariable("incidentReference"), clientId, siteId, pointId,
        execution.getProcessInstanceId());
  }
}
