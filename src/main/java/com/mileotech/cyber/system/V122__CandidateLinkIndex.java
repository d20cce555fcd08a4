package com.mileotech.cyber.system;

/**
 * V122 (issue 20, docs/bench.md "The referent's page: the candidate probe from the index"): the
 * candidate groups of a task, readable from an index alone. A page of a team filter walks the tasks
 * in Tasklist's order (V92) and asks, for each, whether one of its identity links offers it to one of
 * the user's groups ({@code exists (... I.TASK_ID_ = RES.ID_ and I.TYPE_ = 'candidate' and
 * I.GROUP_ID_ in (...))}, the patched Task.xml). Camunda's own index on {@code TASK_ID_} finds the
 * links, then each link row is read from the table to check its type and group. With the three
 * columns in one index the probe reads the index only. The referent walks about 2,000 tasks offered
 * to others (the newest checklists) to fill a page.
 *
 * <p>A Java migration: see {@link CamundaIndexMigration}.
 */
public class V122__CandidateLinkIndex extends CamundaIndexMigration {

  public V122__CandidateLinkIndex() {
    super("ACT_RU_IDENTITYLINK", "mileo_idx_idlink_task_type_group", "TASK_ID_, TYPE_, GROUP_ID_");
  }
}
