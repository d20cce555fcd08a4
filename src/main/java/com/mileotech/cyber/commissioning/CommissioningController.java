package com.mileotech.cyber.commissioning;

import static com.mileotech.cyber.commissioning.CommissioningVariables.*;

import com.mileotech.cyber.system.Refusal;
import com.mileotech.cyber.client.ClientRepository;
import com.mileotech.cyber.security.CurrentUser;
import com.mileotech.cyber.security.Groups;
import com.mileotech.cyber.system.ApiException;
import com.mileotech.cyber.system.References;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Commissioning checklists over the API: project managers and technicians start one; staff and
 * the client's own RSSI download its document. For anyone else a checklist does not exist (404),
 * so references of other clients cannot be probed.
 */
@RestController
@RequestMapping("/api/commissionings")
class CommissioningController {

  private final RuntimeService runtimeService;
  private final ClientRepository clients;
  private final References references;
  private final ChecklistDocuments documents;
  private final CurrentUser currentUser;

  CommissioningController(RuntimeService runtimeService, ClientRepository clients, References references,
      ChecklistDocuments documents, CurrentUser currentUser) {
    this.runtimeService = runtimeService;
    this.clients = clients;
    this.references = references;
    this.documents = documents;
    this.currentUser = currentUser;
  }

  /** The answer to a start: the reference (business key) and the process instance. */
  record Started(String reference, String processInstanceId) {}

  @PostMapping
  ResponseEntity<Started> start(@RequestBody CommissioningRequest request) {
    currentUser.require(Groups.PROJECT_MANAGERS, Groups.TECHNICIANS);
    var problems = request.problems(clients);
    if (!problems.isEmpty()) {
      throw Refusal.fields(problems);
    }
    String reference = references.next(RegisterCommissioningDelegate.PREFIX);
    Map<String, Object> variables = new HashMap<>();
    REFERENCE.put(variables, reference);
    CLIENT_ID.put(variables, request.clientId().trim());
    SITE_ID.put(variables, request.siteId().trim());
    VMS_PRODUCT.put(variables, request.vmsProduct());
    VMS_VERSION.put(variables, request.vmsVersion());
    PROJECT_MANAGER_REVIEW.put(variables, request.review());
    EQUIPMENT.put(variables, Json.variable(request.cleanEquipment()));
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS_KEY, reference, variables);
    return ResponseEntity.created(URI.create("/api/commissionings/" + reference))
        .body(new Started(reference, instance.getId()));
  }

  /** The versions of the document, oldest first. */
  @GetMapping("/{reference}/document/versions")
  List<ChecklistDocuments.Version> versions(@PathVariable String reference) {
    requireVisible(reference);
    return documents.versions(reference);
  }

  /** The latest version of the document. */
  @GetMapping("/{reference}/document")
  ResponseEntity<byte[]> latest(@PathVariable String reference) {
    requireVisible(reference);
    return pdf(reference, documents.lastVersion(reference));
  }

  @GetMapping("/{reference}/document/versions/{version}")
  ResponseEntity<byte[]> version(@PathVariable String reference, @PathVariable int version) {
    requireVisible(reference);
    return pdf(reference, version);
  }

  private ResponseEntity<byte[]> pdf(String reference, int version) {
    byte[] file = documents.pdf(reference, version)
        .orElseThrow(() -> ApiException.notFound("Version " + version + " du document " + reference + " introuvable"));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("checklist-durcissement-" + reference + "-v" + version + ".pdf").build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(file);
  }

  /** Staff, or the RSSI of the checklist's client; anyone else gets the same 404 as an unknown reference. */
  private void requireVisible(String reference) {
    currentUser.require(Groups.TECHNICIANS, Groups.PROJECT_MANAGERS, Groups.CYBER_REFERENT, Groups.ADMINISTRATORS,
        Groups.CLIENT_RSSI);
    String client = documents.clientOf(reference).orElse(null);
    if (client == null || !currentUser.canSeeClient(client)) {
      throw ApiException.notFound("Aucun document émis pour " + reference);
    }
  }
}
