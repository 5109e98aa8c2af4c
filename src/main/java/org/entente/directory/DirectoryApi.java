package org.entente.directory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.entente.identity.Viewer;
import org.entente.shared.CharterKey;
import org.entente.shared.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The directory of organizations of a charter, as JSON. */
@RestController
@Tag(
    name = "Directory",
    description =
        "The organizations of a charter (ministries, agencies, companies, institutions), each with"
            + " its party or none, its IATI organisation type and identifier; read by anyone signed"
            + " in, managed by coordinators")
class DirectoryApi {

  private final Directory directory;

  DirectoryApi(Directory directory) {
    this.directory = directory;
  }

  @GetMapping(path = "/api/charters/{charter}/organizations", produces = "application/json")
  @Operation(
      summary = "The charter's organizations, by name",
      description =
          "q: a part of the name in either language, any case; party: a party's key; type: an"
              + " IATI organisation type code.")
  List<OrganizationView> list(
      @PathVariable String charter,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String party,
      @RequestParam(required = false) String type,
      Viewer viewer) {
    return directory.list(CharterKey.inPath(charter), q, party, type, viewer);
  }

  @GetMapping(path = "/api/charters/{charter}/organizations/{id}", produces = "application/json")
  @Operation(summary = "An organization of the charter's directory")
  OrganizationView organization(
      @PathVariable String charter, @PathVariable String id, Viewer viewer) {
    return directory.find(CharterKey.inPath(charter), uuid(id), viewer);
  }

  @PostMapping(
      path = "/api/charters/{charter}/organizations",
      consumes = "application/json",
      produces = "application/json")
  @Operation(
      summary = "Add an organization to the directory (coordinators)",
      description =
          "name is unique in the directory whatever its case (409 otherwise); party is the"
              + " coordinator's own or none; type is an IATI organisation type code (10, 11, 15,"
              + " 21, 22, 23, 24, 30, 40, 60, 70, 71, 72, 73, 80, 90); identifier an IATI"
              + " organisation identifier such as XM-DAC-41114.",
      security = @SecurityRequirement(name = "personal-access-token"))
  ResponseEntity<OrganizationView> create(
      @PathVariable String charter, @RequestBody OrganizationInput input, Viewer viewer) {
    OrganizationView created = directory.create(CharterKey.inPath(charter), input, viewer);
    return ResponseEntity.created(
            URI.create("/api/charters/" + created.charterKey() + "/organizations/" + created.id()))
        .body(created);
  }

  @PutMapping(
      path = "/api/charters/{charter}/organizations/{id}",
      consumes = "application/json",
      produces = "application/json")
  @Operation(
      summary = "Change an organization of the directory (coordinators)",
      description =
          "Every field as for adding one, with the version read: a stale version answers 409 with"
              + " the current one.",
      security = @SecurityRequirement(name = "personal-access-token"))
  OrganizationView update(
      @PathVariable String charter,
      @PathVariable String id,
      @RequestBody OrganizationInput input,
      Viewer viewer) {
    return directory.update(CharterKey.inPath(charter), uuid(id), input, viewer);
  }

  static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("organization", id);
    }
  }
}
