package com.mileotech.cyber.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.mileotech.cyber.evidence.EvidenceLedger.Item;
import com.mileotech.cyber.system.Moments;
import com.mileotech.cyber.system.Refusal;
import com.mileotech.cyber.system.ZoneProperties;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.util.unit.DataSize;

/**
 * Two requests with the same idempotency key at once: both miss the look-up, the unique index lets
 * one insert through and the other fails. The loser must answer as a retry of the winner (or be
 * refused when it is another request), never with a server error and never with a second item.
 */
class EvidenceKeyRaceTest {

  private static final String KEY = "5f0c7a1e-race";
  private static final Instant AT = Instant.parse("2026-12-06T08:00:00Z");

  private final EvidenceLedger ledger = mock(EvidenceLedger.class);
  private final Evidence evidence = new Evidence(ledger, mock(EvidenceStore.class),
      new EvidenceProperties(Path.of("target/race"), DataSize.ofMegabytes(1), Period.ofYears(5), Period.ofMonths(1)),
      new Moments(new ZoneProperties(ZoneId.of("Europe/Paris"))), mock(ApplicationEventPublisher.class));
  private final Evidence.Incident incident = new Evidence.Incident("INC-2026-0042", "client-a", AT);
  private final Item winner = new Item(7, "INC-2026-0042", "dump-memoire", "Dump mémoire", "ab".repeat(32), null, false,
      "Scellé S-1", null, AT, "tech.a", AT);

  @Test
  void theLoserOfTheRaceIsAnsweredWithTheWinnersItemWhenItIsTheSameRequest() {
    when(ledger.itemByKey("INC-2026-0042", KEY)).thenReturn(Optional.empty(), Optional.of(winner));
    when(ledger.insertItem(any(), eq(KEY))).thenThrow(new DuplicateKeyException("ux_evidence_item_idempotency_key"));
    when(ledger.entries(anyLong())).thenReturn(List.of());

    Evidence.KeyTaken race = org.junit.jupiter.api.Assertions.assertThrows(Evidence.KeyTaken.class,
        () -> evidence.declare(incident, "dump-memoire", "Dump mémoire", "ab".repeat(32), "Scellé S-1", "tech.a", KEY));
    Evidence.Captured answer = evidence.afterRace(incident, KEY, race.request);

    assertThat(answer.replayed()).isTrue();
    assertThat(answer.view().item().id()).isEqualTo(7);
  }

  @Test
  void theLoserOfTheRaceIsRefusedWhenItWasAnotherRequestUnderTheSameKey() {
    when(ledger.itemByKey("INC-2026-0042", KEY)).thenReturn(Optional.empty(), Optional.of(winner));
    when(ledger.insertItem(any(), eq(KEY))).thenThrow(new DuplicateKeyException("ux_evidence_item_idempotency_key"));

    Evidence.KeyTaken race = org.junit.jupiter.api.Assertions.assertThrows(Evidence.KeyTaken.class,
        () -> evidence.declare(incident, "dump-memoire", "Dump mémoire", "cd".repeat(32), "Scellé S-1", "tech.a", KEY));
    assertThatThrownBy(() -> evidence.afterRace(incident, KEY, race.request)).isInstanceOf(Refusal.class)
        .satisfies(e -> assertThat(((Refusal) e).problems()).extracting(Refusal.Problem::field)
            .containsExactly("Idempotency-Key"));
  }
}
