package com.mileotech.cyber.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.security.Groups;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole registry is read in four statements whatever the number of clients (start-up reads it
 * twice: docs/bench.md, "Start-up, profiled again"), and reads the same clients as one by one.
 * Counted statements, never time.
 */
@IntegrationTest
class ClientRegistryReadsTest {

  @Autowired DataSource dataSource;
  @Autowired IdentityService identityService;
  @Autowired ClientRepository clients;
  @Autowired ClientService clientService;

  @Test
  void theRegistryIsReadInFourStatementsWhateverItsSize() {
    TestClients.ensure(identityService, clients, clientService);
    AtomicInteger statements = new AtomicInteger();
    ClientRepository counted = new ClientRepository(JdbcClient.create(counting(dataSource, statements)));

    List<Client> before = counted.findAll();
    assertThat(statements.getAndSet(0)).as("statements for %d clients", before.size()).isEqualTo(4);
    for (int i = 0; i < 3; i++) {
      String id = "registry-" + UUID.randomUUID().toString().substring(0, 8);
      String rssi = TestUsers.ensure(identityService, "rssi." + id, Groups.CLIENT_RSSI);
      clientService.create(new Client(id, "Registre " + id, List.of(RegulatoryRegime.OIV, RegulatoryRegime.NIS2_ESSENTIAL),
          new Client.Contract(ContractType.PREMIUM, LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31)),
          List.of(new Client.Contact("RSSI " + id, rssi + "@test.example", null, rssi),
              new Client.Contact("Adjoint " + id, "adjoint@" + id + ".example", null, null)),
          new Client.Contact("DPO", "dpo@" + id + ".example", "+33 1 00 00 00 00", null),
          List.of(new Client.Site("b", "Site B", "2 rue B, 75002 Paris"), new Client.Site("a", "Site A", "1 rue A, 75001 Paris"))));
    }
    List<Client> after = counted.findAll();
    assertThat(statements.get()).as("statements for %d clients", after.size()).isEqualTo(4);
    assertThat(after).hasSize(before.size() + 3);
    // the same clients, with their contacts, sites (in their order) and regimes, as read one by one
    assertThat(after).isEqualTo(after.stream().map(c -> clients.find(c.id()).orElseThrow()).toList());
  }

  /** The data source, counting every statement prepared or created through its connections. */
  private static DataSource counting(DataSource target, AtomicInteger statements) {
    return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
        (proxy, method, args) -> {
          Object result = invoke(method, target, args);
          if (result instanceof Connection connection) {
            return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (p, m, a) -> {
                  if (m.getName().equals("prepareStatement") || m.getName().equals("createStatement")
                      || m.getName().equals("prepareCall")) {
                    statements.incrementAndGet();
                  }
                  return invoke(m, connection, a);
                });
          }
          return result;
        });
  }

  private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
