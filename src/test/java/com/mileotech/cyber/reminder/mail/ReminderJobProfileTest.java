package com.mileotech.cyber.reminder.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestClients;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.ClientService;
import com.mileotech.cyber.reminder.DeadlineTestProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What one reminder job costs the database (docs/bench.md, "One reminder job, profiled"): the
 * benchmark's deadline storm in small, on the deadline mechanism as every process wires it (the
 * non-interrupting reminder timer on the task, its job running {@code ${sendReminder}}, which
 * writes the outbox row). {@value #REMINDERS} tasks of one client, offered to a group of
 * {@value #MEMBERS} people that is a member of the client's tenant (as the staff groups are); the
 * clock is moved to their first reminder and each due timer job is run. H2's statement statistics
 * count what those jobs executed, per reminder and table; the row counts what they wrote. The
 * job executor's acquisition (one query per batch, one lock UPDATE per job) is not in these counts:
 * the tests run jobs themselves (see docs/bench.md for the acquisitions).
 */
@IntegrationTest
class ReminderJobProfileTest {

  private static final String PROCESS = "reminder-job-profile";
  private static final String TEAM = "reminder-profile-team";
  private static final int MEMBERS = 3;
  private static final int REMINDERS = 20;
  /** The CNIL rule's first reminder is 24 h after awareness. */
  private static final Instant AWARENESS = Instant.parse("2026-04-06T08:00:00Z");

  private static final Pattern FROM = Pattern.compile("\\bfrom\\s+\"?(\\w+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern INTO = Pattern.compile("\\binto\\s+\"?(\\w+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern UPDATE = Pattern.compile("^update\\s+\"?(\\w+)", Pattern.CASE_INSENSITIVE);

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired ClientRepository clientRepository;
  @Autowired ClientService clientService;
  @Autowired Outbox outbox;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void tearDown() {
    jdbc.sql("SET QUERY_STATISTICS FALSE").update();
    ClockUtil.reset();
  }

  @Test
  void oneReminderJobWritesItsMailWithFewStatements() {
    TestClients.ensure(identityService, clientRepository, clientService);
    ensureTeam();
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
      repositoryService.createDeployment()
          .addModelInstance(PROCESS + ".bpmn", DeadlineTestProcess.model(PROCESS, TEAM)).deploy();
    }
    ClockUtil.setCurrentTime(Date.from(AWARENESS));
    String tag = "RJP-" + Long.toString(System.nanoTime(), 36);
    List<String> instances = new ArrayList<>();
    for (int i = 0; i < REMINDERS; i++) {
      Map<String, Object> variables = new HashMap<>();
      variables.put("awarenessAt", Date.from(AWARENESS));
      variables.put("clientId", TestClients.PLAIN);
      variables.put("reference", tag + "-" + i);
      variables.put("clientName", "Client sans régime");
      instances.add(runtimeService.startProcessInstanceByKey(PROCESS, tag + "-" + i, variables).getId());
    }
    ClockUtil.setCurrentTime(Date.from(AWARENESS.plus(Duration.ofHours(24)).plusSeconds(1)));
    List<String> due = new ArrayList<>();
    for (String pi : instances) {
      managementService.createJobQuery().processInstanceId(pi).timers().executable().list().stream()
          .map(Job::getId).forEach(due::add);
    }
    assertThat(due).as("one reminder timer due per task (the escalation is 72 h away)").hasSize(REMINDERS);

    Map<String, Long> rowsBefore = rowCounts();
    jdbc.sql("SET QUERY_STATISTICS FALSE").update(); // resets H2's statistics
    jdbc.sql("SET QUERY_STATISTICS_MAX_ENTRIES 10000").update();
    jdbc.sql("SET QUERY_STATISTICS TRUE").update();
    due.forEach(managementService::executeJob);
    Map<String, Long> statements = statements();
    List<Map<String, Object>> raw = jdbc.sql("""
        select left(SQL_STATEMENT, 160) as SQL_TEXT, EXECUTION_COUNT as N from INFORMATION_SCHEMA.QUERY_STATISTICS
        where SQL_STATEMENT not like '%QUERY_STATISTICS%' order by EXECUTION_COUNT desc, SQL_STATEMENT""")
        .query().listOfRows();
    jdbc.sql("SET QUERY_STATISTICS FALSE").update();
    Map<String, Long> rows = delta(rowsBefore, rowCounts());

    for (int i = 0; i < REMINDERS; i++) {
      OutboxMail mail = outbox.findByReference(tag + "-" + i).get(0);
      assertThat(mail.kind()).isEqualTo(OutboxMail.Kind.REMINDER);
      assertThat(mail.recipients()).as("every member of the team, in the client's tenant").hasSize(MEMBERS);
    }
    assertThat(rows.get("MAIL_OUTBOX")).as("one mail per reminder").isEqualTo((long) REMINDERS);

    long total = statements.values().stream().mapToLong(Long::longValue).sum();
    StringBuilder out = new StringBuilder("\n== one reminder job (" + REMINDERS + " reminders, a group of "
        + MEMBERS + ") ==\n");
    out.append(String.format(Locale.ROOT, "statements per reminder: %.2f%n", (double) total / REMINDERS));
    out.append("statements per reminder, by kind and table:\n");
    statements.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> out.append(String.format(Locale.ROOT, "  %-40s %6.2f%n", e.getKey(),
            (double) e.getValue() / REMINDERS)));
    out.append("rows per reminder (delta per table):\n");
    rows.forEach((table, n) -> out.append(String.format(Locale.ROOT, "  %-32s %6.2f%n", table,
        (double) n / REMINDERS)));
    out.append("statements as sent, executions per reminder:\n");
    raw.forEach(row -> out.append(String.format(Locale.ROOT, "  %5.2f  %s%n",
        ((Number) row.get("N")).doubleValue() / REMINDERS, ((String) row.get("SQL_TEXT")).replaceAll("\\s+", " "))));
    System.out.println(out);

    // the budget (docs/bench.md, "One reminder job, profiled"): 34 statements per reminder before,
    // of which the outbox key looked up twice, one tenant query per member of the candidate group,
    // and the webhook event's key looked up although nobody subscribed
    assertThat(statements.getOrDefault("select MAIL_OUTBOX", 0L)).as("the outbox key, looked up once")
        .isEqualTo((long) REMINDERS);
    assertThat(statements).as("no tenant query per member of the group").doesNotContainKey("select ACT_ID_TENANT");
    assertThat(statements.getOrDefault("select ACT_ID_USER", 0L)).as("the group's members in the tenant, one query")
        .isEqualTo((long) REMINDERS);
    assertThat(statements).as("no webhook event key without a subscriber").doesNotContainKey("select WEBHOOK_EVENT");
    // 29 a reminder now, whatever the size of the group (before: 31 + one per member); the first job
    // of a fresh deployment also reads its BPMN once
    assertThat(total).as("statements of " + REMINDERS + " reminder jobs").isLessThanOrEqualTo(29L * REMINDERS + 2);
  }

  // ---------------------------------------------------------------- measuring

  private Map<String, Long> statements() {
    Map<String, Long> statements = new TreeMap<>();
    for (Map<String, Object> row : jdbc.sql("select SQL_STATEMENT, EXECUTION_COUNT from INFORMATION_SCHEMA.QUERY_STATISTICS")
        .query().listOfRows()) {
      String sql = (String) row.get("SQL_STATEMENT");
      if (sql.contains("QUERY_STATISTICS")) {
        continue;
      }
      statements.merge(key(sql), ((Number) row.get("EXECUTION_COUNT")).longValue(), Long::sum);
    }
    return statements;
  }

  private static String key(String sql) {
    String text = sql.strip();
    String kind = text.split("\\s+")[0].toLowerCase(Locale.ROOT);
    Matcher m = switch (kind) {
      case "select" -> FROM.matcher(text);
      case "insert" -> INTO.matcher(text);
      case "update" -> UPDATE.matcher(text);
      case "delete" -> FROM.matcher(text);
      default -> null;
    };
    return m != null && m.find() ? kind + " " + m.group(1).toUpperCase(Locale.ROOT) : "other " + kind;
  }

  private Map<String, Long> rowCounts() {
    Map<String, Long> counts = new TreeMap<>();
    List<String> tables = jdbc.sql("select TABLE_NAME from INFORMATION_SCHEMA.TABLES where TABLE_SCHEMA = 'PUBLIC' "
        + "and TABLE_TYPE = 'BASE TABLE'").query(String.class).list();
    for (String table : tables) {
      counts.put(table, jdbc.sql("select count(*) from \"" + table + "\"").query(Long.class).single());
    }
    return counts;
  }

  private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> delta = new TreeMap<>();
    after.forEach((table, n) -> {
      long d = n - before.getOrDefault(table, 0L);
      if (d != 0) {
        delta.put(table, d);
      }
    });
    return delta;
  }

  /** A team of {@value #MEMBERS} with addresses, member of the client's tenant as a staff group is. */
  private void ensureTeam() {
    if (identityService.createGroupQuery().groupId(TEAM).count() == 0) {
      Group group = identityService.newGroup(TEAM);
      group.setName("Équipe du profil des rappels");
      group.setType("WORKFLOW");
      identityService.saveGroup(group);
      identityService.createTenantGroupMembership(TestClients.PLAIN, TEAM);
    }
    for (int i = 1; i <= MEMBERS; i++) {
      String id = "reminder.profile" + i;
      if (identityService.createUserQuery().userId(id).count() == 0) {
        User user = identityService.newUser(id);
        user.setFirstName("Membre");
        user.setLastName("N° " + i);
        user.setEmail(id + "@test.example");
        user.setPassword("Test-Password-2026!");
        identityService.saveUser(user);
        identityService.createMembership(id, TEAM);
      }
    }
  }
}
