package com.mileotech.cyber.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.WebappSession;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** GUID-PREM-003 §03: at least 12 characters with complexity, through the API and in Admin. */
@IntegrationTest
class PasswordPolicyTest {

  @Autowired IdentityService identityService;
  @Autowired TestRestTemplate http;
  @LocalServerPort int port;

  @Test
  void elevenCharactersAreRefused() {
    assertThat(identityService.checkPasswordAgainstPolicy("Abcdefg1!23").isValid()).isFalse(); // 11
    assertThat(identityService.checkPasswordAgainstPolicy("Abcdefg1!234").isValid()).isTrue(); // 12
    assertThat(identityService.checkPasswordAgainstPolicy("Abcdefg1!23").getViolatedRules())
        .extracting(PasswordPolicyRule::getPlaceholder).containsExactly("PASSWORD_POLICY_LENGTH");
  }

  @Test
  void eachComplexityClassIsRequired() {
    assertThat(violations("abcdefghijk1!")).containsExactly("PASSWORD_POLICY_UPPERCASE");
    assertThat(violations("ABCDEFGHIJK1!")).containsExactly("PASSWORD_POLICY_LOWERCASE");
    assertThat(violations("Abcdefghijkl!")).containsExactly("PASSWORD_POLICY_DIGIT");
    assertThat(violations("Abcdefghijkl1")).containsExactly("PASSWORD_POLICY_SPECIAL");
  }

  @Test
  void creatingAUserWithAWeakPasswordIsRefusedWithThePolicyMessage() {
    User user = identityService.newUser("weak.password");
    user.setPassword("Abcdefg1!23");
    assertThatThrownBy(() -> identityService.saveUser(user)).hasMessageContaining("Password does not match policy");
    assertThat(identityService.createUserQuery().userId("weak.password").count()).isZero();
  }

  @Test
  void theRestApiRefusesWeakPasswordsAndAcceptsStrongOnes() {
    TestRestTemplate admin = http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    ResponseEntity<Map> shortOne = admin.postForEntity("/engine-rest/user/create",
        Map.of("profile", Map.of("id", "weak.rest", "firstName", "A", "lastName", "B"),
            "credentials", Map.of("password", "Abcdefg1!23")), Map.class);
    assertThat(shortOne.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(shortOne.getBody().get("message").toString()).startsWith("Mot de passe refusé : au moins 12 caractères");

    ResponseEntity<Map> simple = admin.postForEntity("/engine-rest/user/create",
        Map.of("profile", Map.of("id", "weak.rest", "firstName", "A", "lastName", "B"),
            "credentials", Map.of("password", "abcdefghijklmnop")), Map.class);
    assertThat(simple.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(identityService.createUserQuery().userId("weak.rest").count()).isZero();

    ResponseEntity<Map> strong = admin.postForEntity("/engine-rest/user/create",
        Map.of("profile", Map.of("id", "strong.rest", "firstName", "A", "lastName", "B"),
            "credentials", Map.of("password", "Correct-Horse-42!")), Map.class);
    assertThat(strong.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(identityService.checkPassword("strong.rest", "Correct-Horse-42!")).isTrue();
  }

  /** What the Admin webapp calls when an administrator creates an account: the same French 400. */
  @Test
  void theAdminWebappRefusesAWeakPasswordAsABadRequestInFrench() {
    WebappSession admin = WebappSession.login(port, "admin", TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    assertThat(admin.loggedIn()).isTrue();
    HttpResponse<String> weak = admin.post(WebappSession.ENGINE_API + "/user/create",
        Map.of("profile", Map.of("id", "weak.admin", "firstName", "A", "lastName", "B"),
            "credentials", Map.of("password", "Abcdefg1!23")));
    assertThat(weak.statusCode()).isEqualTo(400);
    assertThat(weak.body()).contains("Mot de passe refusé : au moins 12 caractères").doesNotContain("Password");
    assertThat(identityService.createUserQuery().userId("weak.admin").count()).isZero();
  }

  @Test
  void theEnginesOwnRulesAreReportedSoAdminTranslatesThem() {
    Map<String, Object> policy = http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
        .getForObject("/engine-rest/identity/password-policy", Map.class);
    assertThat(policy.toString()).contains("PASSWORD_POLICY_LENGTH").contains("minLength=12");
  }

  private java.util.List<String> violations(String password) {
    return identityService.checkPasswordAgainstPolicy(password).getViolatedRules().stream()
        .map(PasswordPolicyRule::getPlaceholder).toList();
  }
}
