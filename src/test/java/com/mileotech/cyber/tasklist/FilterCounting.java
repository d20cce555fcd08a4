package com.mileotech.cyber.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.task.TaskQuery;

/** The count cache's tests: filters readable by all, users logged in, counts with what ran for them. */
final class FilterCounting {

  private final TaskCountCache cache;
  private final FilterService filterService;
  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final List<String> filters = new ArrayList<>();

  FilterCounting(TaskCountCache cache, FilterService filterService, IdentityService identityService,
      AuthorizationService authorizationService) {
    this.cache = cache;
    this.filterService = filterService;
    this.identityService = identityService;
    this.authorizationService = authorizationService;
  }

  /** The filter's count, counted in full by a statement. */
  long computedCount(String filterId) {
    long before = cache.computed();
    long counted = filterService.count(filterId);
    assertThat(cache.computed()).as("a statement counted the filter").isEqualTo(before + 1);
    return counted;
  }

  /** The filter's count, kept: no statement ran. */
  long reusedCount(String filterId) {
    long before = cache.computed() + cache.refreshed();
    long reused = cache.reused();
    long counted = filterService.count(filterId);
    assertThat(cache.computed() + cache.refreshed()).as("no statement counted the filter").isEqualTo(before);
    assertThat(cache.reused()).isEqualTo(reused + 1);
    return counted;
  }

  /** As a login does: the user's groups and tenants read from the identity service. */
  void login(String userId) {
    identityService.clearAuthentication();
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
        .toList();
    List<String> tenants = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
        .stream().map(Tenant::getId).toList();
    identityService.setAuthentication(userId, groups, tenants);
  }

  /** Runs a change as the engine itself (no user), then puts the user back. */
  <T> T asEngine(Supplier<T> change) {
    var current = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return change.get();
    } finally {
      if (current != null) {
        identityService.setAuthentication(current);
      }
    }
  }

  void asEngine(Runnable change) {
    asEngine(() -> {
      change.run();
      return null;
    });
  }

  /** A task filter every user may read: its id. */
  String filter(String name, TaskQuery query) {
    Filter filter = filterService.newTaskFilter(name);
    filter.setQuery(query);
    String id = filterService.saveFilter(filter).getId();
    filters.add(id);
    Authorization read = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
    read.setResource(Resources.FILTER);
    read.setResourceId(id);
    read.addPermission(Permissions.READ);
    authorizationService.saveAuthorization(read);
    return id;
  }

  /** Every filter made here, gone. */
  void deleteFilters() {
    filters.forEach(filterService::deleteFilter);
    filters.clear();
  }
}
