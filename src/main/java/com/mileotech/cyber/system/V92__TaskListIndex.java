package com.mileotech.cyber.system;

/**
 * V92 (issue 20, docs/bench.md "Task lists (issue 20)"): an index on Camunda's tasks in the order
 * Tasklist shows them. Every filter of every role sorts by due date, and Tasklist adds its own
 * order (newest first): a first page of 15 tasks, {@code order by DUE_DATE_ asc, CREATE_TIME_ desc}.
 * Camunda has no index there, and the page is a {@code select distinct} (the candidate groups are a
 * join): the database read every task of the user's groups (19,000 for the referent at 10,000 open
 * incidents), sorted all of them with every column, on disk on PostgreSQL, to keep 15. With this
 * index PostgreSQL walks the tasks in that order and stops after the first 15 the user may see
 * (an incremental sort for the columns after these two).
 *
 * <p>The same index serves the two filters of a due-date range ("Échéance sous 24 h", "En retard"),
 * which Tasklist counts on every visit: only the tasks in the range are read, not every task of
 * the user's groups.
 *
 * <p>A Java migration: see {@link CamundaIndexMigration}.
 */
public class V92__TaskListIndex extends CamundaIndexMigration {

  public V92__TaskListIndex() {
    super("ACT_RU_TASK", "mileo_idx_task_due_created", "DUE_DATE_, CREATE_TIME_ desc");
  }
}
