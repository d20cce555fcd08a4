package com.mileotech.cyber.system;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The counters behind {@link References}, each increment in its own short transaction. */
@Component
class ReferenceCounter {

  private final JdbcClient jdbc;

  ReferenceCounter(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The next value; a rolled-back caller leaves a gap, never a duplicate. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public int increment(String prefix, int year) {
    int updated = jdbc.sql("update reference_counter set last_value = last_value + 1 where prefix = ? and ref_year = ?")
        .params(prefix, year).update();
    if (updated == 0) {
      jdbc.sql("insert into reference_counter (prefix, ref_year, last_value) values (?, ?, 1)").params(prefix, year).update();
      return 1;
    }
    return jdbc.sql("select last_value from reference_counter where prefix = ? and ref_year = ?")
        .params(prefix, year).query(Integer.class).single();
  }
}
