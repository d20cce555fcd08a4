package com.mileotech.cyber.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

/** H2's statement cache is made larger on any H2 URL, and H2 takes the setting. */
class H2QueryCacheTest {

  @Test
  void anH2UrlGetsRoomForCamundasStatementsUnlessItSetsItsOwn() {
    assertThat(H2QueryCache.withQueryCache("jdbc:h2:file:./data/mileo-cyber"))
        .isEqualTo("jdbc:h2:file:./data/mileo-cyber;QUERY_CACHE_SIZE=256");
    assertThat(H2QueryCache.withQueryCache("jdbc:h2:file:./x;query_cache_size=16")).isEqualTo("jdbc:h2:file:./x;query_cache_size=16");
    assertThat(H2QueryCache.withQueryCache("jdbc:postgresql://db/mileo")).isEqualTo("jdbc:postgresql://db/mileo");
  }

  @Test
  void h2TakesTheSetting() throws Exception {
    try (var connection = DriverManager.getConnection(H2QueryCache.withQueryCache("jdbc:h2:mem:query-cache-test"), "sa", "");
        var rows = connection.createStatement().executeQuery(
            "select setting_value from information_schema.settings where setting_name = 'QUERY_CACHE_SIZE'")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("256");
    }
  }
}
