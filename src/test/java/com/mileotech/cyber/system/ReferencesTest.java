package com.mileotech.cyber.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.IntegrationTest;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ReferencesTest {

  @Autowired References references;

  @Test
  void referencesAreSequentialPerYearAndUniqueUnderConcurrency() throws Exception {
    String first = references.next("TST");
    assertThat(first).matches("TST-\\d{4}-\\d{4}");
    int start = Integer.parseInt(first.substring(first.lastIndexOf('-') + 1));

    Set<String> seen = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> futures = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      futures.add(pool.submit(() -> {
        go.await();
        seen.add(references.next("TST"));
        return null;
      }));
    }
    go.countDown();
    for (Future<?> f : futures) {
      f.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(seen).hasSize(40);
    String year = first.substring(4, 8);
    for (int n = start + 1; n <= start + 40; n++) {
      assertThat(seen).contains(String.format("TST-%s-%04d", year, n));
    }
  }

  @Test
  void aNewPrefixStartsAtOne() {
    assertThat(references.next("NEW")).endsWith("-0001");
    assertThat(references.next("NEW")).endsWith("-0002");
  }
}
