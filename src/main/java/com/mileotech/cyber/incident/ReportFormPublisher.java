package com.mileotech.cyber.incident;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ClientRegistryChanged;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.system.StartupStep;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The start forms "Signaler un incident de sécurité" and "Mise en service VMS" offer the clients of
 * the registry in a select (by name: no one types an identifier), and each client's sites in a
 * checklist (incident) or a select (commissioning) that follows the chosen client. Tasklist gives a
 * start form no variables, so these lists cannot come from the server at run time: they are
 * written into the form. forms/incident-report.form and forms/commissioning-start.form are the
 * templates (empty lists); this publisher deploys each with the registry's clients and sites as the
 * latest version of the form, at start-up
 * and whenever the registry changes (the process references the form with binding "latest").
 * Nothing is deployed when the latest version already has the same content.
 */
@Component
class ReportFormPublisher implements StartupStep {

  static final String FORM_ID = "incident-report";
  static final String RESOURCE = "forms/incident-report.form";
  /** Every start form that lists the registry: form id → resource. */
  static final Map<String, String> FORMS = Map.of(FORM_ID, RESOURCE,
      "commissioning-start", "forms/commissioning-start.form");

  private static final Logger LOG = LoggerFactory.getLogger(ReportFormPublisher.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ClientRepository clients;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;
  private final TransactionTemplate newTransaction;
  private final ProcessEngineConfigurationImpl engineConfiguration;

  ReportFormPublisher(ClientRepository clients, RepositoryService repositoryService, IdentityService identityService,
      PlatformTransactionManager transactionManager, ProcessEngineConfigurationImpl engineConfiguration) {
    this.engineConfiguration = engineConfiguration;
    this.clients = clients;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
    this.newTransaction = new TransactionTemplate(transactionManager);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  public int order() {
    return 60; // after the clients' tenants
  }

  @Override
  public void run() {
    publish();
  }

  @TransactionalEventListener(fallbackExecution = true)
  void onRegistryChange(ClientRegistryChanged event) {
    publish();
  }

  /** Deploys the form with the current registry unless the latest version already says the same. */
  synchronized void publish() {
    // the deployment is the application's own doing, whoever changed the registry
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      List<Client> registry = clients.findAll();
      FORMS.forEach((formId, resource) -> {
        String form = render(resource, registry);
        newTransaction.executeWithoutResult(status -> {
          if (!form.equals(latest(formId))) {
            repositoryService.createDeployment()
                .name(formId + "-form")
                .source("client registry")
                .addString(resource, form)
                .deploy();
            LOG.info("Start form {} deployed with the clients of the registry", formId);
          }
        });
      });
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }

  private String latest(String formId) {
    // 7.24 has no public query for form definitions: ask the engine's own manager
    CamundaFormDefinition definition = engineConfiguration.getCommandExecutorTxRequired().execute(context ->
        context.getCamundaFormDefinitionManager().findLatestDefinitionByKeyAndTenantId(formId, null));
    if (definition == null) {
      return null;
    }
    try (InputStream in = repositoryService.getResourceAsStream(definition.getDeploymentId(), definition.getResourceName())) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The incident report form with the registry filled in. */
  String render(List<Client> registry) {
    return render(RESOURCE, registry);
  }

  /** The template with the client select's values and the sites checklist's expression filled in. */
  String render(String resource, List<Client> registry) {
    try (InputStream in = new ClassPathResource(resource).getInputStream()) {
      ObjectNode form = (ObjectNode) JSON.readTree(in);
      for (JsonNode component : form.withArray("components")) {
        ObjectNode field = (ObjectNode) component;
        if ("clientId".equals(field.path("key").asText())) {
          ArrayNode values = field.putArray("values");
          registry.forEach(c -> values.addObject().put("label", c.name()).put("value", c.id()));
        }
        if ("siteSelection".equals(field.path("key").asText()) || "siteId".equals(field.path("key").asText())) {
          field.put("valuesExpression", sitesExpression(registry));
        }
      }
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(form) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** FEEL: the sites of the chosen client as [{label, value}]. */
  static String sitesExpression(List<Client> registry) {
    StringBuilder feel = new StringBuilder("=");
    for (Client client : registry) {
      feel.append("if clientId = ").append(quote(client.id())).append(" then [");
      List<Client.Site> offered = client.activeSites(); // a retired site is offered for no new incident
      for (int i = 0; i < offered.size(); i++) {
        Client.Site site = offered.get(i);
        feel.append(i == 0 ? "" : ", ").append("{label: ").append(quote(site.name()))
            .append(", value: ").append(quote(site.id())).append('}');
      }
      feel.append("] else ");
    }
    return feel.append("[]").toString();
  }

  private static String quote(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
