package com.mileotech.cyber.client;

import com.mileotech.cyber.system.Refusal;
import com.mileotech.cyber.security.CurrentUser;
import com.mileotech.cyber.security.Groups;
import com.mileotech.cyber.system.ApiException;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The client registry: administrators change it, staff read it; client RSSIs have no access. */
@RestController
@RequestMapping("/api/clients")
class ClientController {

  private final ClientRepository repository;
  private final ClientService service;
  private final CurrentUser currentUser;

  ClientController(ClientRepository repository, ClientService service, CurrentUser currentUser) {
    this.repository = repository;
    this.service = service;
    this.currentUser = currentUser;
  }

  @GetMapping
  List<Client> list() {
    requireStaff();
    return repository.findAll();
  }

  @GetMapping("/{id}")
  Client get(@PathVariable String id) {
    requireStaff();
    return repository.find(id).orElseThrow(() -> ApiException.notFound("Client inconnu : " + id));
  }

  @PostMapping
  ResponseEntity<Client> create(@Valid @RequestBody Client client) {
    currentUser.require(Groups.ADMINISTRATORS);
    Client created = service.create(client);
    return ResponseEntity.created(URI.create("/api/clients/" + created.id())).body(created);
  }

  @PutMapping("/{id}")
  Client update(@PathVariable String id, @Valid @RequestBody Client client) {
    currentUser.require(Groups.ADMINISTRATORS);
    if (client.id() != null && !client.id().equals(id)) {
      throw Refusal.field("id", "ne correspond pas à l'adresse (" + id + ")");
    }
    return service.update(client.withId(id));
  }

  private void requireStaff() {
    currentUser.require(Groups.TECHNICIANS, Groups.PROJECT_MANAGERS, Groups.CYBER_REFERENT, Groups.ADMINISTRATORS);
  }
}
