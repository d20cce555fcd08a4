package com.mileotech.cyber.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.mileotech.cyber.EngineSteps;
import com.mileotech.cyber.EngineSteps.Person;
import com.mileotech.cyber.TestUsers;
import com.mileotech.cyber.client.Client;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.client.ClientService;
import com.mileotech.cyber.client.ContractType;
import com.mileotech.cyber.client.RegulatoryRegime;
import com.mileotech.cyber.commissioning.CommissioningForms;
import com.mileotech.cyber.incident.IncidentForms;
import com.mileotech.cyber.notification.NotificationForms;
import com.mileotech.cyber.security.Groups;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A known year of work, 2031 (no other test uses it), for two clients of their own, built by
 * driving the real processes through their forms ({@link EngineSteps}, the processes' form drivers)
 * with the clock moved: five security incidents
 * (four closed), their CNIL and ANSSI notifications (on time, late, overdue, pending, not
 * required), their lessons-learned reports (on time, late, overdue, pending), and two signed
 * hardening checklists (one non-conformity lifted, one overdue, one open). Built once per test
 * context; the expected figures are worked out in {@link DashboardApiTest}.
 *
 * <pre>
 * incident  client  detected (Paris)   began      severity      nature           source                 MTTD  MTTR
 * A         alpha   10/01 09:00        08:00      critique      intrusion        alerte-supervision       60  1800
 * C         alpha   20/02 09:00        —          mineur        erreur-humaine   technicien-sur-site       —   600
 * B         alpha   02/03 09:00        05:00      significatif  malware          notification-constr.    240  2880
 * D         beta    05/03 09:00        08:30      mineur        intrusion        signalement-client       30  1500
 * E         beta    16/03 09:00        08:15      significatif  deni-de-service  alerte-supervision     (open)
 * </pre>
 *
 * and two exercises (issue 18), run through the same steps, which no figure may count: X, declared
 * an exercise in its report (alpha, 17/03, critical intrusion with personal data: CNIL and ANSSI
 * rehearsed, the client told, the declaration left overdue, then closed), and Y, reported as real
 * and converted into an exercise by the referent after its qualification (beta, 18/03, CNIL, open).
 */
@Component
class DashboardData {

  static final String ALPHA = "dash-alpha";
  static final String ALPHA_NAME = "Alpha Énergie";
  static final String ALPHA_RSSI = "rssi.dash-alpha";
  static final String BETA = "dash-beta";
  static final String BETA_NAME = "Boutique Bêta";
  static final String BETA_RSSI = "rssi.dash-beta";
  static final String TECH = "tech.dashboard";
  static final String REFERENT = "referent.dashboard";
  static final String MANAGER = "cdp.dashboard";
  static final String INTEGRATION = "integration.dashboard";
  static final String NOBODY = "nogroup.dashboard";

  /** When the dashboard is looked at: Thursday 20 March 2031, 12:00 in Paris. */
  static final Instant NOW = Instant.parse("2031-03-20T11:00:00Z");
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private final EngineSteps steps;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final ClientRepository clientRepository;
  private final ClientService clientService;
  // through a provider: applications started by hand from the test classes (the own-engine
  // tests) scan this bean too and have no TestRestTemplate; only build() needs it
  private final org.springframework.beans.factory.ObjectProvider<org.springframework.boot.test.web.client.TestRestTemplate>
      restTemplate;

  /** Incident letter → reference (INC-2031-…); checklist K1, K2 → reference (CHK-2031-…). */
  final Map<String, String> references = new LinkedHashMap<>();
  private boolean built;

  DashboardData(EngineSteps steps, TaskService taskService, RuntimeService runtimeService,
      IdentityService identityService, ClientRepository clientRepository, ClientService clientService,
      org.springframework.beans.factory.ObjectProvider<org.springframework.boot.test.web.client.TestRestTemplate>
          restTemplate) {
    this.restTemplate = restTemplate;
    this.steps = steps;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.clientRepository = clientRepository;
    this.clientService = clientService;
  }

  synchronized void build() {
    if (built) {
      return;
    }
    try {
      accounts();
      year();
      built = true;
    } finally {
      identityService.clearAuthentication();
      ClockUtil.reset();
    }
  }

  private void accounts() {
    TestUsers.ensure(identityService, ALPHA_RSSI, Groups.CLIENT_RSSI);
    TestUsers.ensure(identityService, BETA_RSSI, Groups.CLIENT_RSSI);
    TestUsers.ensure(identityService, TECH, Groups.TECHNICIANS);
    TestUsers.ensure(identityService, REFERENT, Groups.CYBER_REFERENT);
    TestUsers.ensure(identityService, MANAGER, Groups.PROJECT_MANAGERS);
    TestUsers.ensure(identityService, INTEGRATION, Groups.INTEGRATIONS);
    if (identityService.createUserQuery().userId(NOBODY).count() == 0) {
      var user = identityService.newUser(NOBODY);
      user.setFirstName("Sans");
      user.setLastName("Groupe");
      user.setPassword(TestUsers.PASSWORD);
      identityService.saveUser(user);
    }
    if (!clientRepository.exists(ALPHA)) {
      clientService.create(new Client(ALPHA, ALPHA_NAME, RegulatoryRegime.OIV,
          new Client.Contract(ContractType.PREMIUM, LocalDate.of(2030, 1, 1), LocalDate.of(2035, 12, 31)),
          List.of(new Client.Contact("RSSI Alpha", ALPHA_RSSI + "@test.example", null, ALPHA_RSSI)),
          new Client.Contact("DPO Alpha", "dpo@alpha.example", null, null),
          List.of(new Client.Site("alpha-nord", "Poste Nord", null), new Client.Site("alpha-sud", "Poste Sud", null))));
    }
    if (!clientRepository.exists(BETA)) {
      clientService.create(new Client(BETA, BETA_NAME, RegulatoryRegime.NONE,
          new Client.Contract(ContractType.STANDARD, LocalDate.of(2030, 1, 1), LocalDate.of(2035, 12, 31)),
          List.of(new Client.Contact("RSSI Bêta", BETA_RSSI + "@test.example", null, BETA_RSSI)),
          null, List.of(new Client.Site("beta-boutique", "Boutique du centre", null))));
    }
  }

  private void year() {
    // ---- A: critical intrusion at Alpha (OIV) with personal data: CNIL on time, ANSSI declaration 90 min late
    at("2031-01-10T08:05:00Z");
    ProcessInstance a = report("A", ALPHA, "alpha-nord", "alerte-supervision", "2031-01-10T09:00", "2031-01-10T08:00");
    at("2031-01-10T08:40:00Z");
    qualify(a, "critique", "intrusion", true);
    ProcessInstance cnilA = notification(a, "CNIL");
    ProcessInstance anssiA = notification(a, "ANSSI");
    inform(cnilA); // the client is told at once: the clocks run from 08:40 (CNIL 72 h, OIV 24 h)
    steps.runDueJobs(anssiA); // told once per incident: the ANSSI duty took over the same telling, no task
    at("2031-01-10T09:00:00Z");
    draftCnil(cnilA);
    draftOiv(anssiA);
    at("2031-01-10T12:00:00Z");
    respond(a, Instant.parse("2031-01-11T13:00:00Z"));
    at("2031-01-10T12:10:00Z");
    agree(a, ALPHA, ALPHA_RSSI);
    at("2031-01-11T10:00:00Z");
    fileCnil(cnilA, "2031-01-11T11:00+01:00", null); // due 13/01 09:40 Paris
    at("2031-01-11T10:10:00Z");
    fileAnssi(anssiA, "2031-01-11T11:10+01:00", "Attente de l'analyse du constructeur"); // due 11/01 09:40 Paris
    steps.runDueJobs(anssiA); // incident still open: a progress report, due one month after the declaration
    at("2031-01-11T14:00:00Z");
    returnToService(a, ALPHA); // MTTR 30 h
    at("2031-01-15T09:00:00Z");
    writeLessons(a);
    at("2031-01-15T10:00:00Z");
    approveLessons(a); // due 26/01 15:00 Paris: on time

    // ---- K1: Alpha's checklist, three non-conformities, one camera without security updates
    at("2031-02-03T09:00:00Z");
    ProcessInstance k1 = checklist("K1", ALPHA, "alpha-nord", true, Map.of(
        "SRV-08", "NA", "VMS-04", "2031-02-28", "CAM-02", "2031-03-10", "CAM-07", "2031-06-30"));
    at("2031-02-15T10:00:00Z");
    liftNonConformity(k1, "VMS-04");

    // ---- C: minor human error at Alpha, no beginning known; lessons learned three days late
    at("2031-02-20T08:05:00Z");
    ProcessInstance c = report("C", ALPHA, "alpha-sud", "technicien-sur-site", "2031-02-20T09:00", null);
    at("2031-02-20T08:30:00Z");
    qualify(c, "mineur", "erreur-humaine", false);
    at("2031-02-20T10:00:00Z");
    respond(c, Instant.parse("2031-02-20T17:00:00Z"));
    at("2031-02-20T10:10:00Z");
    agree(c, ALPHA, ALPHA_RSSI);
    at("2031-02-20T18:00:00Z");
    returnToService(c, ALPHA); // MTTR 10 h

    // ---- B: significant malware at Alpha: ANSSI declaration on time, progress report still to come
    at("2031-03-02T08:05:00Z");
    ProcessInstance b = report("B", ALPHA, "alpha-nord", "notification-constructeur-cert", "2031-03-02T09:00",
        "2031-03-02T05:00");
    at("2031-03-02T08:30:00Z");
    qualify(b, "significatif", "malware", false);
    at("2031-03-02T08:40:00Z");
    ProcessInstance anssiB = notification(b, "ANSSI");
    inform(anssiB);
    at("2031-03-02T09:00:00Z");
    draftOiv(anssiB);
    at("2031-03-02T10:00:00Z");
    respond(b, Instant.parse("2031-03-03T20:00:00Z"));
    at("2031-03-02T10:10:00Z");
    agree(b, ALPHA, ALPHA_RSSI);
    at("2031-03-02T18:00:00Z");
    fileAnssi(anssiB, "2031-03-02T19:00+01:00", null);
    steps.runDueJobs(anssiB);

    // ---- K2: Bêta's checklist, fully conforming or not applicable
    at("2031-03-03T09:00:00Z");
    checklist("K2", BETA, "beta-boutique", false, Map.of("SRV-03", "NA", "NVR-05", "NA"));

    at("2031-03-04T08:00:00Z");
    returnToService(b, ALPHA); // MTTR 48 h; its lessons learned (due 19/03 09:00 Paris) never come

    // ---- D: minor intrusion reported by Bêta with personal data: CNIL filed 9 h late
    at("2031-03-05T08:05:00Z");
    ProcessInstance d = report("D", BETA, "beta-boutique", "signalement-client", "2031-03-05T09:00",
        "2031-03-05T08:30");
    at("2031-03-05T08:30:00Z");
    qualify(d, "mineur", "intrusion", true);
    at("2031-03-05T08:40:00Z");
    ProcessInstance cnilD = notification(d, "CNIL");
    inform(cnilD); // reported by the client: its clock runs from the awareness (08:30 UTC)
    at("2031-03-05T09:00:00Z");
    draftCnil(cnilD);
    at("2031-03-05T10:00:00Z");
    respond(d, Instant.parse("2031-03-05T20:00:00Z"));
    at("2031-03-05T10:10:00Z");
    agree(d, BETA, BETA_RSSI);
    at("2031-03-06T09:00:00Z");
    returnToService(d, BETA); // MTTR 25 h; lessons learned due 21/03: still to come
    at("2031-03-08T17:30:00Z");
    fileCnil(cnilD, "2031-03-08T18:30+01:00", "Le client a transmis les éléments le 8 mars au soir");

    // ---- C's lessons learned, due 07/03 19:00 Paris, approved 10/03 10:00 Paris
    at("2031-03-10T08:00:00Z");
    writeLessons(c);
    at("2031-03-10T09:00:00Z");
    approveLessons(c);

    // ---- E: significant denial of service at Bêta, still open; CNIL notification documented as not required
    at("2031-03-16T08:05:00Z");
    ProcessInstance e = report("E", BETA, "beta-boutique", "alerte-supervision", "2031-03-16T09:00",
        "2031-03-16T08:15");
    at("2031-03-16T08:30:00Z");
    qualify(e, "significatif", "deni-de-service", true);
    at("2031-03-16T08:40:00Z");
    ProcessInstance cnilE = notification(e, "CNIL");
    at("2031-03-16T13:00:00Z");
    inform(cnilE); // 4 h 30 after Mileo's awareness: 30 minutes late
    at("2031-03-16T13:10:00Z");
    draftCnil(cnilE);
    at("2031-03-16T14:00:00Z");
    submit(cnilE, "Task_FileReport", BETA_RSSI, Groups.CLIENT_RSSI, BETA,
        NotificationForms.cnilNotRequired("Flux indisponibles, aucune image consultée ni extraite"));
    steps.runDueJobs(cnilE);

    exercises();
  }

  /** X and Y: the whole procedure, as exercises (see the class comment); in no figure of the dashboard. */
  private void exercises() {
    at("2031-03-17T08:05:00Z");
    Map<String, Object> form = IncidentForms.detected(IncidentForms.report(ALPHA, List.of("alpha-nord"),
        "alerte-supervision", "NVR-01", "Exercice de crise : intrusion simulée"), "2031-03-17T09:00", "2031-03-17T08:00");
    form.put("exerciseInput", true);
    ProcessInstance x = start("X", ALPHA, form);
    at("2031-03-17T08:30:00Z");
    qualify(x, "critique", "intrusion", true);
    inform(notification(x, "CNIL")); // the ANSSI duty takes over the same telling (its OIV declaration, 24 h, is left overdue)
    steps.runDueJobs(notification(x, "ANSSI"));
    at("2031-03-17T10:00:00Z");
    respond(x, Instant.parse("2031-03-17T15:00:00Z"));
    at("2031-03-17T10:10:00Z");
    agree(x, ALPHA, ALPHA_RSSI);
    at("2031-03-17T16:00:00Z");
    returnToService(x, ALPHA); // closed: MTTR and a lessons-learned deadline, were it counted

    at("2031-03-18T08:05:00Z");
    ProcessInstance y = report("Y", BETA, "beta-boutique", "signalement-client", "2031-03-18T09:00", "2031-03-18T08:00");
    at("2031-03-18T08:30:00Z");
    qualify(y, "significatif", "deni-de-service", true);
    at("2031-03-18T09:00:00Z");
    var converted = restTemplate.getObject().withBasicAuth(REFERENT, TestUsers.PASSWORD).postForEntity(
        "/api/security-incidents/" + y.getBusinessKey() + "/exercise-conversion",
        Map.of("reason", "Exercice annoncé au client après coup"), String.class);
    assertThat(converted.getStatusCode().value()).as(converted.getBody()).isEqualTo(200);
  }

  // ------------------------------------------------------------------ security incident steps

  private ProcessInstance report(String letter, String client, String site, String source, String detectedAt,
      String beganAt) {
    Map<String, Object> form = IncidentForms.detected(IncidentForms.report(client, List.of(site), source, "NVR-01",
        "Incident " + letter + " du jeu de données du tableau de bord"), detectedAt, beganAt);
    return start(letter, client, form);
  }

  private ProcessInstance start(String letter, String client, Map<String, Object> form) {
    ProcessInstance pi = steps.start("security-incident", Person.of(TECH, Groups.TECHNICIANS, client), form);
    references.put(letter, pi.getBusinessKey());
    steps.runDueJobs(pi); // the referent's notice
    return pi;
  }

  private void qualify(ProcessInstance pi, String severity, String nature, boolean personalData) {
    String client = steps.tenant(pi);
    List<String> sites = IncidentForms.sites((String) runtimeService.getVariable(pi.getId(), "siteIds"));
    submit(pi, "Task_QualifyIncident", REFERENT, Groups.CYBER_REFERENT, client,
        IncidentForms.qualification(severity, nature, personalData, sites, "NVR-01"));
    steps.runDueJobs(pi); // the assessment of the regulatory obligations
  }

  /** Evidence, containment, eradication, integrity, and the project manager's proposed recovery date. */
  private void respond(ProcessInstance pi, Instant recovery) {
    String client = steps.tenant(pi);
    String now = paris(ClockUtil.getCurrentTime().toInstant());
    submit(pi, "Task_CaptureEvidence", TECH, Groups.TECHNICIANS, client, IncidentForms.evidenceCaptured(
        IncidentForms.evidence(1, "journaux", "Journaux du NVR", "Coffre de preuves", IncidentForms.SHA, now)));
    submit(pi, "Task_ContainIncident", TECH, Groups.TECHNICIANS, client, IncidentForms.containment("Fait"));
    submit(pi, "Task_EradicateThreat", TECH, Groups.TECHNICIANS, client, IncidentForms.eradication());
    submit(pi, "Task_VerifyIntegrity", TECH, Groups.TECHNICIANS, client, IncidentForms.integrity());
    submit(pi, "Task_ProposeRecoveryDate", MANAGER, Groups.PROJECT_MANAGERS, client,
        IncidentForms.recoveryProposal(paris(recovery)));
  }

  private void agree(ProcessInstance pi, String client, String rssi) {
    submit(pi, "Task_AgreeRecoveryDate", rssi, Groups.CLIENT_RSSI, client, IncidentForms.recoveryAgreed());
  }

  private void returnToService(ProcessInstance pi, String client) {
    submit(pi, "Task_ReturnToService", TECH, Groups.TECHNICIANS, client, IncidentForms.returnToService());
    steps.runDueJobs(pi);
  }

  private void writeLessons(ProcessInstance pi) {
    steps.runDueJobs(pi); // the chronology
    submit(pi, "Task_WriteLessonsLearned", REFERENT, Groups.CYBER_REFERENT, steps.tenant(pi),
        IncidentForms.lessonsLearned("Mot de passe par défaut", "Délais tenus", "Contrôle des comptes par défaut"));
  }

  private void approveLessons(ProcessInstance pi) {
    submit(pi, "Task_ApproveLessonsLearned", MANAGER, Groups.PROJECT_MANAGERS, steps.tenant(pi),
        IncidentForms.lessonsApproved());
    steps.runDueJobs(pi);
  }

  // ------------------------------------------------------------------ notifications

  private ProcessInstance notification(ProcessInstance incident, String authority) {
    ProcessInstance pi = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey("CNIL".equals(authority) ? "cnil-notification" : "anssi-notification")
        .processInstanceBusinessKey(incident.getBusinessKey() + "-" + authority).singleResult();
    assertThat(pi).as(authority + " notification of " + incident.getBusinessKey()).isNotNull();
    return pi;
  }

  /** "Informer le client", by the application's mail, as the referent; then the mail goes. */
  private void inform(ProcessInstance notification) {
    submit(notification, "Task_InformClient", REFERENT, Groups.CYBER_REFERENT, steps.tenant(notification),
        NotificationForms.clientInformedByMail());
    steps.runDueJobs(notification);
  }

  private void draftCnil(ProcessInstance cnil) {
    submit(cnil, "Task_DraftReport", REFERENT, Groups.CYBER_REFERENT, steps.tenant(cnil),
        NotificationForms.cnilDraft("Accès non autorisé aux enregistrements", List.of("clients"), 10, "Vidéos", 100, "DPO",
            "Atteinte à la vie privée", "Comptes révoqués", "risque"));
  }

  private void fileCnil(ProcessInstance cnil, String submittedAt, String delayReasons) {
    submit(cnil, "Task_FileReport", REFERENT, Groups.CYBER_REFERENT, steps.tenant(cnil),
        NotificationForms.cnilFiled(submittedAt, "CNIL-" + cnil.getBusinessKey(), delayReasons));
    steps.runDueJobs(cnil);
  }

  private void draftOiv(ProcessInstance anssi) {
    submit(anssi, "Task_DraftReport", REFERENT, Groups.CYBER_REFERENT, steps.tenant(anssi),
        NotificationForms.oivDeclaration("Incident sur le VMS", "Vidéoprotection", "Supervision coupée"));
  }

  private void fileAnssi(ProcessInstance anssi, String submittedAt, String delayReasons) {
    submit(anssi, "Task_FileReport", REFERENT, Groups.CYBER_REFERENT, steps.tenant(anssi),
        NotificationForms.anssiFiled(submittedAt, "ANSSI-" + anssi.getBusinessKey(), delayReasons));
  }

  // ------------------------------------------------------------------ hardening checklist

  /**
   * Starts, fills, signs and issues a checklist, with the submissions of the process's form driver
   * ({@link CommissioningForms}). {@code findings}: point → "NA" (not applicable) or a remediation date
   * (non-conformity); every other point Conforme with conforming figures.
   */
  private ProcessInstance checklist(String key, String client, String site, boolean unsupportedCamera,
      Map<String, String> findings) {
    List<Map<String, Object>> equipment = new ArrayList<>(List.of(
        CommissioningForms.equipment("SERVER", "Dell PowerEdge R760", key + "-SRV1", "BIOS 2.3.5", true),
        CommissioningForms.equipment("NVR", "Hikvision DS-9664NI", key + "-NVR1", "V4.72.005", true),
        CommissioningForms.equipment("CAMERA", "Axis P3265-LVE", key + "-CAM1", "11.9.60", true)));
    if (unsupportedCamera) {
      equipment.add(CommissioningForms.equipment("CAMERA", "Vivotek IB8338", key + "-CAM9", "0100a", false));
    }
    ProcessInstance pi = runtimeService.startProcessInstanceByKey("vms-commissioning",
        CommissioningForms.start(client, site, false, equipment));
    references.put(key, (String) runtimeService.getVariable(pi.getId(), "reference"));
    submit(pi, "Task_FillChecklist", TECH, Groups.TECHNICIANS, client, CommissioningForms.fill(findings));
    submit(pi, "Task_SignChecklist", TECH, Groups.TECHNICIANS, client, CommissioningForms.sign());
    steps.runDueJobs(pi); // the document is issued
    return pi;
  }

  private void liftNonConformity(ProcessInstance pi, String pointId) {
    Task task = taskService.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("Task_RemediateNonConformity").list().stream()
        .filter(t -> pointId.equals(taskService.getVariable(t.getId(), "pointId"))).findFirst().orElseThrow();
    steps.as(Person.of(TECH, Groups.TECHNICIANS, steps.tenant(pi)),
        () -> taskService.complete(task.getId(), CommissioningForms.lift("Corrigé et revérifié")));
    steps.runDueJobs(pi); // the new version of the document
  }

  // ------------------------------------------------------------------ plumbing

  /** Submits the task's form as that person in the client's tenant, in the instance or one it called. */
  private void submit(ProcessInstance pi, String key, String user, Groups group, String client,
      Map<String, Object> form) {
    steps.submit(pi, key, Person.of(user, group, client), form);
  }

  private static void at(String instant) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
  }

  /** "2031-01-10T09:00" style wall-clock time in Paris. */
  private static String paris(Instant instant) {
    return instant.atZone(PARIS).toLocalDateTime().toString();
  }
}
