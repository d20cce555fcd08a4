package com.mileotech.cyber.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** The engine REST API answers the caller's errors as the caller's: an unknown id is a 404, not a 500. */
@IntegrationTest
class EngineRestErrorsTest {

  @Autowired TestRestTemplate http;

  @Test
  void theVariablesOfAnUnknownInstanceAreNotFoundNotAServerError() {
    ResponseEntity<String> answer = http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
        .getForEntity("/engine-rest/process-instance/00000000-0000-0000-0000-000000000000/variables", String.class);
    assertThat(answer.getStatusCode().value()).isEqualTo(404);
    assertThat(answer.getBody()).contains("00000000-0000-0000-0000-000000000000").doesNotContain("Exception:", "\tat ");
  }
}
