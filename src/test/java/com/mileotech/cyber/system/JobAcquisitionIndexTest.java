package com.mileotech.cyber.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Migration V70 put its index on Camunda's job table (created by the engine before Flyway ran). */
@IntegrationTest
class JobAcquisitionIndexTest {

  @Autowired JdbcTemplate jdbc;

  @Test
  void theJobTableIsIndexedByDueDate() {
    assertThat(jdbc.queryForObject("""
        select count(*) from information_schema.indexes
        where lower(index_name) = 'mileo_idx_job_duedate' and lower(table_name) = 'act_ru_job'""", Integer.class))
        .isEqualTo(1);
    assertThat(jdbc.queryForObject(
        "select count(*) from \"flyway_schema_history\" where \"version\" = '70' and \"success\"", Integer.class))
        .isEqualTo(1);
  }
}
