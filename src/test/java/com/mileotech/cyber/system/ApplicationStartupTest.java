package com.mileotech.cyber.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.IntegrationTest;
import com.mileotech.cyber.security.Groups;
import com.mileotech.cyber.security.MileoPasswordPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The application starts on H2 and deploys what bpmn/ and forms/ hold, with secure engine settings. */
@IntegrationTest
class ApplicationStartupTest {

  @Autowired ProcessEngine processEngine;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired FilterService filterService;

  @Test
  void everyModelAndFormOfTheRepositoryIsDeployed() throws IOException {
    List<Path> models = files("bpmn", ".bpmn", ".dmn");
    List<Path> forms = files("forms", ".form");
    assertThat(models).as("BPMN/DMN files in bpmn/").isNotEmpty();
    assertThat(forms).as("Camunda Forms in forms/").isNotEmpty();

    List<String> deployed = repositoryService.createDeploymentQuery().list().stream()
        .flatMap(d -> repositoryService.getDeploymentResources(d.getId()).stream())
        .map(Resource::getName)
        .map(name -> name.replace('\\', '/'))
        .toList();
    for (Path file : Stream.concat(models.stream(), forms.stream()).toList()) {
      String suffix = file.getParent().getFileName() + "/" + file.getFileName();
      assertThat(deployed).as("deployed resource for " + file).anyMatch(name -> name.endsWith(suffix));
    }
    // one BPMN file per process, named after its id
    for (Path bpmn : models.stream().filter(p -> p.toString().endsWith(".bpmn")).toList()) {
      String key = bpmn.getFileName().toString().replace(".bpmn", "");
      assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().count())
          .as("process definition " + key).isEqualTo(1);
    }
  }

  @Test
  void engineRunsWithFullHistoryAuthorizationChecksAndOurPasswordPolicy() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryLevel()).isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL);
    assertThat(configuration.isAuthorizationEnabled()).isTrue();
    assertThat(configuration.isTenantCheckEnabled()).isTrue();
    assertThat(configuration.isEnablePasswordPolicy()).isTrue();
    assertThat(configuration.getPasswordPolicy()).isInstanceOf(MileoPasswordPolicy.class);
  }

  @Test
  void groupsExistWithStableIdsAndFrenchNames() {
    for (Groups group : Groups.values()) {
      assertThat(identityService.createGroupQuery().groupId(group.id()).singleResult())
          .as(group.id()).isNotNull()
          .satisfies(g -> assertThat(g.getName()).isEqualTo(group.frenchName()));
    }
    assertThat(identityService.createGroupQuery().groupId("project-managers").singleResult().getName())
        .isEqualTo("Chefs de projet");
  }

  @Test
  void tasklistHasItsDefaultFiltersOnce() {
    assertThat(filterService.createFilterQuery().filterName("Mes tâches").count()).isEqualTo(1);
    assertThat(filterService.createFilterQuery().filterName("Tâches de mon équipe").count()).isEqualTo(1);
  }

  private static List<Path> files(String dir, String... suffixes) throws IOException {
    Path root = Path.of(dir);
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> Stream.of(suffixes).anyMatch(s -> p.toString().endsWith(s)))
          .sorted().toList();
    }
  }
}
