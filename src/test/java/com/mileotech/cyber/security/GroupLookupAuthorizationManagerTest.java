package com.mileotech.cyber.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.IntegrationTest;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine checks permissions with our group lookup, which keeps exactly the groups holding grants. */
@IntegrationTest
class GroupLookupAuthorizationManagerTest {

  @Autowired ProcessEngineConfigurationImpl engine;

  @Test
  void onlyTheUsersGroupsThatHoldAuthorizationsAreKept() {
    List<String> kept = engine.getCommandExecutorTxRequired().execute(context -> {
      AuthorizationManager manager = context.getAuthorizationManager();
      assertThat(manager).isInstanceOf(GroupLookupAuthorizationManager.class);
      return manager.filterAuthenticatedGroupIds(
          List.of(Groups.TECHNICIANS.id(), "no-such-group", Groups.CYBER_REFERENT.id(), Groups.TECHNICIANS.id()));
    });
    assertThat(kept).containsExactly(Groups.TECHNICIANS.id(), Groups.CYBER_REFERENT.id());
    List<String> none = engine.getCommandExecutorTxRequired().execute(
        context -> context.getAuthorizationManager().filterAuthenticatedGroupIds(List.of()));
    assertThat(none).isEmpty();
  }
}
