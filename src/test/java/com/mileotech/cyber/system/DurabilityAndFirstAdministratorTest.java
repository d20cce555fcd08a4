package com.mileotech.cyber.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.MileoCyberApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application as an operator runs it: on an H2 file, started, stopped and started again.
 * State and timers survive the restart; the first administrator's password is generated, shown
 * once, and stored only as a hash.
 */
@ExtendWith(OutputCaptureExtension.class)
@Tag("own-engine")
class DurabilityAndFirstAdministratorTest {

  private static final Pattern PRINTED_PASSWORD = Pattern.compile("password: (\\S+)");
  private static final String LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";
  private static String previousLoggingSystem;

  @TempDir static Path dataDir;

  @BeforeAll
  static void keepTheSharedLoggingConfiguration() {
    // a second application in this JVM must not reconfigure logback under the shared test context
    previousLoggingSystem = System.getProperty(LOGGING_SYSTEM);
    System.setProperty(LOGGING_SYSTEM, "none");
  }

  @AfterAll
  static void restoreLogging() {
    if (previousLoggingSystem == null) {
      System.clearProperty(LOGGING_SYSTEM);
    } else {
      System.setProperty(LOGGING_SYSTEM, previousLoggingSystem);
    }
  }

  @Test
  void stateAndTimersSurviveARestartAndTheFirstAdministratorPasswordIsShownOnce(CapturedOutput output) throws Exception {
    String instanceId;
    String password;
    try (ConfigurableApplicationContext first = start(false)) {
      Matcher printed = PRINTED_PASSWORD.matcher(output.getOut());
      assertThat(printed.find()).as("the generated password is printed").isTrue();
      password = printed.group(1);
      assertThat(password).hasSizeGreaterThanOrEqualTo(12);

      IdentityService identity = first.getBean(IdentityService.class);
      assertThat(identity.checkPassword("admin", password)).isTrue();
      assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").userId("admin").count()).isEqualTo(1);
      String stored = first.getBean(JdbcTemplate.class)
          .queryForObject("select PWD_ from ACT_ID_USER where ID_ = 'admin'", String.class);
      assertThat(stored).doesNotContain(password).startsWith("{SHA-512}");
      assertThat(Files.readString(Path.of("target/test-audit.jsonl"))).doesNotContain(password);

      ProcessEngine engine = first.getBean(ProcessEngine.class);
      engine.getRepositoryService().createDeployment().addModelInstance("durability-check.bpmn",
          Bpmn.createExecutableProcess("durability-check").camundaHistoryTimeToLive(1)
              .startEvent().intermediateCatchEvent("Event_Wake").timerWithDate("${wakeAt}").endEvent().done())
          .deploy();
      instanceId = engine.getRuntimeService().startProcessInstanceByKey("durability-check",
          Map.of("wakeAt", Date.from(Instant.now().plusSeconds(2)))).getId();
    }
    int printedSoFar = output.getOut().length();

    try (ConfigurableApplicationContext second = start(true)) {
      assertThat(output.getOut().substring(printedSoFar)).as("the password is shown only once").doesNotContain("password:");
      assertThat(second.getBean(IdentityService.class).checkPassword("admin", password)).isTrue();

      ManagementService management = second.getBean(ManagementService.class);
      HistoryService history = second.getBean(HistoryService.class);
      assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).count()).isEqualTo(1);
      Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
      HistoricProcessInstance instance;
      do {
        Thread.sleep(250);
        instance = history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult();
      } while (instance.getEndTime() == null && Instant.now().isBefore(deadline));
      assertThat(instance.getEndTime()).as("the timer fired after the restart").isNotNull();
      assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
          .activityId("Event_Wake").finished().count()).isEqualTo(1);
      assertThat(management.createJobQuery().processInstanceId(instanceId).count()).isZero();
    }
  }

  private static ConfigurableApplicationContext start(boolean jobExecutor) {
    // command-line arguments: they take precedence over application.yaml, as an operator's would
    return new SpringApplicationBuilder(MileoCyberApplication.class).run(
        "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("mileo").toAbsolutePath(),
        "--server.port=0",
        "--spring.main.banner-mode=off",
        "--camunda.bpm.process-engine-name=durability",
        "--camunda.bpm.job-execution.enabled=" + jobExecutor,
        "--camunda.bpm.job-execution.wait-time-in-millis=500",
        "--camunda.bpm.job-execution.max-wait=1000",
        "--mileo.security.initial-admin.password=",
        "--mileo.audit.file=target/test-audit.jsonl");
  }
}
