package com.mileotech.cyber.reminder.mail;

import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.reminder.Audience;
import com.mileotech.cyber.reminder.mail.Recipients.Person;
import com.mileotech.cyber.security.Groups;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Turns an audience into people with their addresses, from the identity service and the client
 * registry. Members of a group count only if they belong to the process's tenant (its client):
 * a task offered to the group client-rssi reaches the RSSI of that client, never another's.
 * Call it with authorization checks off (see {@link Privileged}): the caller may be anyone.
 */
@Component
class RecipientResolver {

  private final IdentityService identityService;
  private final TaskService taskService;
  private final ClientRepository clients;
  private final String tablePrefix;

  RecipientResolver(IdentityService identityService, TaskService taskService, ClientRepository clients,
      ProcessEngineConfigurationImpl engineConfiguration) {
    this.identityService = identityService;
    // the prefix, not ManagementService.getTableName: that one asks for an administrator, and an
    // alert is resolved in the request of whoever triggered it
    this.tablePrefix = engineConfiguration.getDatabaseTablePrefix() == null ? "" : engineConfiguration.getDatabaseTablePrefix();
    this.taskService = taskService;
    this.clients = clients;
  }

  /**
   * @param tasks the tasks whose people TASK_PEOPLE means
   * @param escalationGroups the groups ESCALATION_GROUPS means
   */
  Recipients resolve(Set<Audience> audience, ProcessFacts facts, Collection<Task> tasks,
      List<String> escalationGroups) {
    Recipients.Builder people = new Recipients.Builder();
    // a stable order: the people on the task first, then the roles
    if (audience.contains(Audience.TASK_PEOPLE)) {
      tasks.forEach(task -> taskPeople(task, facts, people));
    }
    if (audience.contains(Audience.CYBER_REFERENT)) {
      groupMembers(Groups.CYBER_REFERENT_ID, facts, people);
    }
    if (audience.contains(Audience.PROJECT_MANAGERS)) {
      groupMembers(Groups.PROJECT_MANAGERS_ID, facts, people);
    }
    if (audience.contains(Audience.TECHNICIANS)) {
      groupMembers(Groups.TECHNICIANS_ID, facts, people);
    }
    if (audience.contains(Audience.CLIENT_RSSI) && facts.clientId() != null) {
      clients.find(facts.clientId()).ifPresent(client -> client.rssiContacts()
          .forEach(c -> people.add(new Person(c.userId(), c.name(), c.email()))));
    }
    if (audience.contains(Audience.ADMINISTRATORS)) {
      groupMembers(Groups.ADMINISTRATORS_ID, facts, people);
    }
    if (audience.contains(Audience.ESCALATION_GROUPS)) {
      escalationGroups.forEach(group -> groupMembers(group, facts, people));
    }
    return people.build();
  }

  /** The assignee; with none, the candidate users and the members of the candidate groups. */
  private void taskPeople(Task task, ProcessFacts facts, Recipients.Builder people) {
    if (task.getAssignee() != null) {
      user(task.getAssignee(), people);
      return;
    }
    for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      if (link.getUserId() != null) {
        user(link.getUserId(), people);
      } else if (link.getGroupId() != null) {
        groupMembers(link.getGroupId(), facts, people);
      }
    }
  }

  private void groupMembers(String groupId, ProcessFacts facts, Recipients.Builder people) {
    List<User> members = facts.tenantId() == null
        ? identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list()
        : membersInTenant(groupId, facts.tenantId());
    members.forEach(user -> people.add(person(user)));
  }

  /**
   * The members of {@code groupId} who belong to {@code tenantId}, themselves or through any of
   * their groups (what Camunda's tenant query {@code userMember(u).includingGroupsOfUser(true)}
   * answers per user), ordered by id: one query per group instead of one per member (a reminder
   * job of a deadline storm asked it once per member of the task's candidate group; docs/bench.md,
   * "One reminder job, profiled"). Camunda's identity tables, through its native query.
   */
  private List<User> membersInTenant(String groupId, String tenantId) {
    String users = tablePrefix + "ACT_ID_USER";
    String memberships = tablePrefix + "ACT_ID_MEMBERSHIP";
    String tenantMembers = tablePrefix + "ACT_ID_TENANT_MEMBER";
    return identityService.createNativeUserQuery().sql("select RES.* from " + users + " RES"
            + " where exists (select 1 from " + memberships + " M where M.USER_ID_ = RES.ID_ and M.GROUP_ID_ = #{groupId})"
            + " and exists (select 1 from " + tenantMembers + " T where T.TENANT_ID_ = #{tenantId}"
            + " and (T.USER_ID_ = RES.ID_ or T.GROUP_ID_ in (select G.GROUP_ID_ from " + memberships + " G"
            + " where G.USER_ID_ = RES.ID_)))"
            + " order by RES.ID_ asc")
        .parameter("groupId", groupId)
        .parameter("tenantId", tenantId)
        .list();
  }

  private void user(String userId, Recipients.Builder people) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    people.add(user != null ? person(user) : new Person(userId, userId, null));
  }

  private static Person person(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return new Person(user.getId(), name.isEmpty() ? user.getId() : name, user.getEmail());
  }
}
