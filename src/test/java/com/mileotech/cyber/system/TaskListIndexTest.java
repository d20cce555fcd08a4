package com.mileotech.cyber.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Migration V92 put its index on Camunda's task table (created by the engine before Flyway ran),
 * in the order Tasklist's pages ask for: due date, then newest first; V122 one on the identity links
 * that answers a page's candidate-group probe alone. PostgresStartupTest checks the same on
 * PostgreSQL, and that the probe is read from the index only there.
 */
@IntegrationTest
class TaskListIndexTest {

  @Autowired JdbcTemplate jdbc;

  @Test
  void theTaskTableIsIndexedInTheOrderOfTasklistsPages() {
    assertThat(jdbc.queryForList("""
        select lower(c.column_name) from information_schema.index_columns c
        where lower(c.index_name) = 'mileo_idx_task_due_created' and lower(c.table_name) = 'act_ru_task'
        order by c.ordinal_position""", String.class)).containsExactly("due_date_", "create_time_");
    assertThat(jdbc.queryForObject("""
        select ordering_specification from information_schema.index_columns
        where lower(index_name) = 'mileo_idx_task_due_created' and lower(column_name) = 'create_time_'""", String.class))
        .isEqualTo("DESC");
    assertThat(jdbc.queryForObject(
        "select count(*) from \"flyway_schema_history\" where \"version\" = '92' and \"success\"", Integer.class))
        .isEqualTo(1);
  }

  @Test
  void theCandidateLinksAreIndexedForThePagesProbe() {
    assertThat(jdbc.queryForList("""
        select lower(c.column_name) from information_schema.index_columns c
        where lower(c.index_name) = 'mileo_idx_idlink_task_type_group' and lower(c.table_name) = 'act_ru_identitylink'
        order by c.ordinal_position""", String.class)).containsExactly("task_id_", "type_", "group_id_");
    assertThat(jdbc.queryForObject(
        "select count(*) from \"flyway_schema_history\" where \"version\" = '122' and \"success\"", Integer.class))
        .isEqualTo(1);
  }
}
