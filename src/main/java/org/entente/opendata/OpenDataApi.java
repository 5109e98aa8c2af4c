package org.entente.opendata;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.entente.identity.Viewer;
import org.entente.shared.CharterKey;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Open data of a charter: the public dump, CSV per record type, IATI; the export and import. */
@RestController
@Tag(
    name = "Open data",
    description =
        "What the public may see of a charter as JSON, CSV and IATI 2.03 XML; an export of what"
            + " the caller may see, and its import into an empty instance")
class OpenDataApi {

  private final OpenData openData;

  OpenDataApi(OpenData openData) {
    this.openData = openData;
  }

  @GetMapping(path = "/api/charters/{charter}/open-data.json", produces = "application/json")
  @Operation(
      summary = "Every public record of the charter, by type",
      description = "Only what an anonymous visitor may see, whoever asks.")
  ResponseEntity<Map<String, Object>> dump(@PathVariable String charter) {
    return ResponseEntity.ok()
        .header("Content-Disposition", "inline; filename=\"" + charter + "-open-data.json\"")
        .body(openData.dump(CharterKey.inPath(charter)));
  }

  @GetMapping(path = "/api/charters/{charter}/open-data/{type}.csv")
  @Operation(
      summary = "One type of public record as CSV",
      description =
          "type: areas, commitments, working-groups, projects, financing, milestones, statements,"
              + " indicators or indicator-values. Texts in several languages have a column per"
              + " language of the charter, English first (title_en, title_az for the default"
              + " charter).")
  ResponseEntity<String> csv(@PathVariable String charter, @PathVariable String type) {
    String csv = openData.csv(CharterKey.inPath(charter), type);
    return ResponseEntity.ok()
        .header("Content-Type", "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"" + charter + "-" + type + ".csv\"")
        .body(csv);
  }

  @GetMapping(path = "/api/charters/{charter}/iati.xml")
  @Operation(
      summary = "Public projects with financing as IATI activities (standard 2.03)",
      description =
          "The reporting organisation is set by entente.open-data.iati.reporting-org (and -name,"
              + " -type).")
  ResponseEntity<String> iati(@PathVariable String charter) {
    String xml = openData.iati(CharterKey.inPath(charter));
    return ResponseEntity.ok()
        .header("Content-Type", "application/xml; charset=UTF-8")
        .header("Content-Disposition", "inline; filename=\"" + charter + "-iati.xml\"")
        .body(xml);
  }

  @GetMapping(path = "/api/charters/{charter}/export.json", produces = "application/json")
  @Operation(
      summary = "Everything of the charter the caller may see, for import into an empty instance",
      description =
          "Projects, milestones, indicators with values, meetings with their participants,"
              + " agenda, decisions, action items and joint statements, as stored.")
  ResponseEntity<Map<String, Object>> export(@PathVariable String charter, Viewer viewer) {
    return ResponseEntity.ok()
        .header("Cache-Control", "no-store")
        .header("Content-Disposition", "attachment; filename=\"" + charter + "-export.json\"")
        .body(openData.export(CharterKey.inPath(charter), viewer));
  }

  @PostMapping(path = "/api/import", consumes = "application/json", produces = "application/json")
  @Operation(
      summary = "Import an export into this instance (operator or administrator)",
      description =
          "The charter must be loaded here from its definition and hold no projects, milestones"
              + " or meetings yet (else 409). All or nothing: a malformed file answers 400 naming"
              + " the field, and nothing is imported.",
      security = @SecurityRequirement(name = "personal-access-token"))
  Map<String, Integer> importExport(@RequestBody Map<String, Object> export, Viewer viewer) {
    return openData.importExport(export, viewer);
  }
}
