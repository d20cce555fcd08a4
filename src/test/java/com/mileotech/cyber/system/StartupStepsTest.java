package com.mileotech.cyber.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.ClientService;
import com.mileotech.cyber.client.ContractType;
import com.mileotech.cyber.client.RegulatoryRegime;
import com.mileotech.cyber.security.AccessPolicy;
import com.mileotech.cyber.security.Groups;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The start-up steps (StartupStep) on a database they already brought in step, i.e. a restart:
 * each reads a few things and writes nothing, and what they ask of the engine does not grow with
 * the registry's clients (docs/bench.md, "Start-up, profiled again"). And what differs is still
 * brought back: a policy grant deleted or narrowed, a withdrawn permission given again, a filter's
 * grant or columns, a client's tenant and its members. Counted statements, never time.
 */
@IntegrationTest
class StartupStepsTest {

  /** At most this many engine statements per step on an unchanged database (whatever the clients). */
  private static final int MAX_STATEMENTS_PER_STEP = 6;

  @Autowired List<StartupStep> steps;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired FilterService filterService;
  @Autowired ClientRepository clients;
  @Autowired ClientService clientService;

  @Test
  void aRestartOnAnUnchangedDatabaseReadsAFewThingsWritesNothingAndDoesNotGrowWithTheClients() {
    EngineStatements.install(engine);
    TestClients.ensure(identityService, clients, clientService);
    addClients(3);
    runSteps(); // whatever other tests left, in step now
    Map<String, List<String>> before = recordSteps();
    addClients(6);
    runSteps(); // the new clients' start forms
    Map<String, List<String>> after = recordSteps();

    System.out.println("Engine statements per start-up step on an unchanged database (" + clients.ids().size()
        + " clients): " + after);
    assertThat(after).as("the same statements with 6 more clients").isEqualTo(before);
    after.forEach((step, statements) -> {
      assertThat(statements).as(step + ": no write on an unchanged database")
          .noneMatch(EngineStatements::writes);
      assertThat(statements).as(step).hasSizeLessThanOrEqualTo(MAX_STATEMENTS_PER_STEP);
    });
  }

  @Test
  void aRestartBringsBackWhatDiffers() {
    TestClients.ensure(identityService, clients, clientService);
    runSteps();
    // --- the access policy: a grant deleted, a grant narrowed, a withdrawn permission given again
    AccessPolicy.Grant deleted = grant(Groups.TECHNICIANS, Resources.APPLICATION, "tasklist");
    authorizationService.deleteAuthorization(row(deleted).getId());
    AccessPolicy.Grant narrowed = grant(Groups.PROJECT_MANAGERS, Resources.PROCESS_DEFINITION, "security-incident");
    Authorization narrowedRow = row(narrowed);
    narrowedRow.removePermission(Permissions.READ_HISTORY);
    authorizationService.saveAuthorization(narrowedRow);
    AccessPolicy.Grant withdrawn = AccessPolicy.withdrawn().stream()
        .filter(g -> g.group() == Groups.CLIENT_RSSI && g.resource() == Resources.GROUP).findFirst().orElseThrow();
    Authorization again = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    again.setGroupId(withdrawn.group().id());
    again.setResource(withdrawn.resource());
    again.setResourceId(withdrawn.resourceId());
    withdrawn.permissions().forEach(again::addPermission);
    authorizationService.saveAuthorization(again);
    // --- a filter's grant to a group, another filter's columns back to the first release's
    Filter mine = filterService.createFilterQuery().filterName("Mes tâches").singleResult();
    authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(mine.getId())
        .groupIdIn(Groups.TECHNICIANS.id()).list()
        .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
    Filter team = filterService.createFilterQuery().filterName("Tâches de mon équipe").singleResult();
    Map<String, Object> properties = new LinkedHashMap<>(team.getProperties());
    properties.put("variables", List.of(
        Map.of("name", "reference", "label", "Référence"), Map.of("name", "clientName", "label", "Client"),
        Map.of("name", "siteName", "label", "Site"), Map.of("name", "severity", "label", "Gravité")));
    team.setProperties(properties);
    filterService.saveFilter(team);
    // --- a client's tenant: renamed, a staff group and its RSSI no longer members, a stranger a member
    String tenant = TestClients.PLAIN;
    String stranger = TestUsers.ensure(identityService, "stranger.startup", Groups.TECHNICIANS);
    identityService.saveTenant(renamed(tenant));
    identityService.deleteTenantGroupMembership(tenant, Groups.CYBER_REFERENT.id());
    identityService.deleteTenantUserMembership(tenant, TestClients.PLAIN_RSSI);
    identityService.createTenantUserMembership(tenant, stranger);

    runSteps();

    Authorization back = row(deleted);
    assertThat(back).as("deleted grant created again").isNotNull();
    assertThat(back.isPermissionGranted(Permissions.ACCESS)).isTrue();
    assertThat(row(narrowed).isPermissionGranted(Permissions.READ_HISTORY)).as("narrowed grant widened again").isTrue();
    Authorization withdrawnRow = row(withdrawn);
    assertThat(withdrawnRow == null || withdrawn.permissions().stream().noneMatch(withdrawnRow::isPermissionGranted))
        .as("withdrawn permission taken back").isTrue();
    assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(mine.getId())
        .groupIdIn(Groups.TECHNICIANS.id()).count()).as("filter granted again").isEqualTo(1);
    assertThat(filterService.getFilter(team.getId()).getProperties().get("variables"))
        .asString().contains("severityLabel");
    assertThat(identityService.createTenantQuery().tenantId(tenant).singleResult().getName())
        .isEqualTo(clients.find(tenant).orElseThrow().name());
    assertThat(identityService.createTenantQuery().tenantId(tenant).groupMember(Groups.CYBER_REFERENT.id()).count())
        .isEqualTo(1);
    assertThat(identityService.createUserQuery().memberOfTenant(tenant).list()).extracting(User::getId)
        .containsExactly(TestClients.PLAIN_RSSI);
  }

  private org.camunda.bpm.engine.identity.Tenant renamed(String tenantId) {
    org.camunda.bpm.engine.identity.Tenant tenant = identityService.createTenantQuery().tenantId(tenantId).singleResult();
    tenant.setName("Ancien nom");
    return tenant;
  }

  private static AccessPolicy.Grant grant(Groups group, Resources resource, String resourceId) {
    return AccessPolicy.grants().stream()
        .filter(g -> g.group() == group && g.resource() == resource && g.resourceId().equals(resourceId))
        .findFirst().orElseThrow();
  }

  private Authorization row(AccessPolicy.Grant grant) {
    return authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(grant.group().id()).resourceType(grant.resource()).resourceId(grant.resourceId()).singleResult();
  }

  /** Clients with an RSSI account each, through the registry's service (tenant, start forms). */
  private void addClients(int count) {
    for (int i = 0; i < count; i++) {
      String id = "startup-" + UUID.randomUUID().toString().substring(0, 8);
      String rssi = TestUsers.ensure(identityService, "rssi." + id, Groups.CLIENT_RSSI);
      clientService.create(new Client(id, "Client " + id, RegulatoryRegime.NONE,
          new Client.Contract(ContractType.STANDARD, LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31)),
          List.of(new Client.Contact("RSSI " + id, rssi + "@test.example", null, rssi)), null,
          List.of(new Client.Site("site-" + i, "Site " + i, i + " rue du Test, 75001 Paris"))));
    }
  }

  private List<StartupStep> ordered() {
    return steps.stream().sorted(Comparator.comparingInt(StartupStep::order)).toList();
  }

  private void runSteps() {
    ordered().forEach(StartupStep::run);
  }

  /** The engine statements of each step, in the order the application runs them. */
  private Map<String, List<String>> recordSteps() {
    Map<String, List<String>> perStep = new LinkedHashMap<>();
    for (StartupStep step : ordered()) {
      perStep.put(step.getClass().getSimpleName(), EngineStatements.of(step::run));
    }
    return perStep;
  }

  /** The engine's statements (MyBatis ids) run by this thread while recording. */
  static final class EngineStatements {
    private static final ThreadLocal<List<String>> RECORDED = new ThreadLocal<>();
    /** The engines (by name: the shared context's, PostgresStartupTest's) already recorded. */
    private static final java.util.Set<String> INSTALLED = new java.util.HashSet<>();

    static synchronized void install(ProcessEngine engine) {
      if (INSTALLED.add(engine.getName())) {
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getSqlSessionFactory()
            .getConfiguration().addInterceptor(new Recorder());
      }
    }

    /** Whether a MyBatis statement id writes. */
    static boolean writes(String statement) {
      return statement.startsWith("insert") || statement.startsWith("update") || statement.startsWith("delete");
    }

    static List<String> of(Runnable work) {
      List<String> recorded = Collections.synchronizedList(new ArrayList<>());
      RECORDED.set(recorded);
      try {
        work.run();
      } finally {
        RECORDED.remove();
      }
      return List.copyOf(recorded);
    }

    @Intercepts({
        @Signature(type = Executor.class, method = "query",
            args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}),
        @Signature(type = Executor.class, method = "update", args = {MappedStatement.class, Object.class})})
    private static final class Recorder implements Interceptor {
      @Override
      public Object intercept(Invocation invocation) throws Throwable {
        List<String> recorded = RECORDED.get();
        if (recorded != null) {
          String id = ((MappedStatement) invocation.getArgs()[0]).getId();
          recorded.add(id.substring(id.lastIndexOf('.') + 1));
        }
        return invocation.proceed();
      }
    }
  }
}
