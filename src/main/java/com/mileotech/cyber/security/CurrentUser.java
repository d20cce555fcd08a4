package com.mileotech.cyber.security;

import com.mileotech.cyber.system.Published;
import com.mileotech.cyber.system.ApiException;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** The caller of the current request, as the API authentication filter identified them. */
@Published
@Component
public class CurrentUser {

  private final IdentityService identityService;

  public CurrentUser(IdentityService identityService) {
    this.identityService = identityService;
  }

  public String id() {
    return authentication().getUserId();
  }

  public boolean isMemberOf(Groups group) {
    List<String> groups = authentication().getGroupIds();
    return groups != null && groups.contains(group.id());
  }

  public boolean isMemberOfAny(Groups... groups) {
    return Arrays.stream(groups).anyMatch(this::isMemberOf);
  }

  /** Staff see every client; anyone else (a client RSSI) only the tenants they belong to. */
  public boolean canSeeClient(String clientId) {
    if (isMemberOfAny(Groups.TECHNICIANS, Groups.PROJECT_MANAGERS, Groups.CYBER_REFERENT, Groups.ADMINISTRATORS)) {
      return true;
    }
    List<String> tenants = authentication().getTenantIds();
    return tenants != null && tenants.contains(clientId);
  }

  /** 403 unless the caller belongs to one of the groups. */
  public void require(Groups... groups) {
    if (!isMemberOfAny(groups)) {
      throw ApiException.forbidden();
    }
  }

  private Authentication authentication() {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null) {
      throw ApiException.unauthorized();
    }
    return authentication;
  }
}
