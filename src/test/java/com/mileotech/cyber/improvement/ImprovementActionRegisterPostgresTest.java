package com.mileotech.cyber.improvement;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.improvement.ImprovementAction.Status;
import com.mileotech.cyber.improvement.ImprovementActionRegister.Planned;
import com.mileotech.cyber.MigratedPostgres;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The improvement_action table (V88) and every statement of its register on PostgreSQL, the production database. */
class ImprovementActionRegisterPostgresTest {

  private static MigratedPostgres postgres;
  private static ImprovementActionRegister register;

  @BeforeAll
  static void start() throws Exception {
    postgres = MigratedPostgres.start().withIncident("pg-client", "INC-2026-0001");
    register = new ImprovementActionRegister(postgres.jdbc());
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void actionsWrittenOnceClosedOnceAndReadOnPostgres() {
    Instant at = Instant.parse("2026-03-02T08:00:00Z");
    Instant due = Instant.parse("2026-03-16T23:00:00Z");
    ImprovementAction first = register.createOnce(new Planned("INC-2026-0001", 1, "pg-client", false, "Changer les mots "
        + "de passe", "tech", "Tech Nicien", due, "cdp", at));
    ImprovementAction again = register.createOnce(new Planned("INC-2026-0001", 1, "pg-client", false, "autre", "x", "X",
        due, "cdp", at));
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.label()).isEqualTo("Changer les mots de passe");
    register.createOnce(new Planned("INC-2026-0001", 2, "pg-client", true, "Former", "ref", "Réf", due.plusSeconds(86_400),
        "cdp", at));
    assertThat(register.processInstance(first.id())).isNull();
    register.started(first.id(), "pi-action-1");
    assertThat(register.processInstance(first.id())).isEqualTo("pi-action-1");

    assertThat(register.openFor(List.of("pg-client"))).extracting(ImprovementAction::position).containsExactly(1, 2);
    assertThat(register.openFor(List.of("other"))).isEmpty();
    assertThat(register.openFor(List.of())).isEmpty();
    assertThat(register.close(first.id(), "tech", at.plusSeconds(3600), "Fait", "Vérifié", null)).isTrue();
    assertThat(register.close(first.id(), "autre", at.plusSeconds(7200), "Refait", "Revérifié", "X")).isFalse();

    List<ImprovementAction> actions = register.forIncident("INC-2026-0001");
    assertThat(actions).extracting(ImprovementAction::status).containsExactly(Status.CLOSED, Status.OPEN);
    ImprovementAction closed = actions.get(0);
    assertThat(closed.dueAt()).isEqualTo(due);
    assertThat(closed.closedBy()).isEqualTo("tech");
    assertThat(closed.closedAt()).isEqualTo(at.plusSeconds(3600));
    assertThat(closed.effectCheck()).isEqualTo("Vérifié");
    assertThat(actions.get(1).exercise()).isTrue();
    assertThat(register.openFor(List.of("pg-client"))).extracting(ImprovementAction::position).containsExactly(2);
  }
}
