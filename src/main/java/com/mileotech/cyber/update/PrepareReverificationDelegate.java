package com.mileotech.cyber.update;

import static com.mileotech.cyber.update.SecurityUpdateVariables.*;

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
    String clientId = CLIENT_ID.get(execution);
    String siteId = SITE_ID.get(execution);
    String pointId = POINT_ID.get(execution);
    Client client = clients.find(clientId).orElseThrow();
    HardeningControls.Control control = controls.control(pointId).orElseThrow();
    CLIENT_NAME.set(execution, client.name());
    SITE_NAME.set(execution, client.site(siteId).map(Client.Site::name).orElse(siteId));
    POINT_LABEL.set(execution, control.label());
    POINT_VERIFY.set(execution, control.verify());
    GUIDE.set(execution, controls.guide() + " " + control.section());
    register.started(INCIDENT_REFERENCE.get(execution), clientId, siteId, pointId,
        execution.getProcessInstanceId());
  }
}
