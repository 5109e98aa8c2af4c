package org.entente.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.entente.identity.Viewer;
import org.entente.reporting.Progress.Figure;
import org.entente.shared.CharterKey;
import org.entente.shared.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Progress figures, each with what it is made of. */
@RestController
@Tag(name = "Progress", description = "Roll-ups from milestones to the charter")
class ProgressApi {

  private final Progress progress;

  ProgressApi(Progress progress) {
    this.progress = progress;
  }

  @GetMapping(path = "/api/charters/{charter}/progress", produces = "application/json")
  @Operation(summary = "The charter's progress, made of its areas")
  Figure charter(@PathVariable String charter, Viewer viewer) {
    return progress.charter(CharterKey.inPath(charter), viewer);
  }

  @GetMapping(path = "/api/charters/{charter}/progress/areas/{area}", produces = "application/json")
  @Operation(summary = "An area's progress, made of its commitments")
  Figure area(@PathVariable String charter, @PathVariable String area, Viewer viewer) {
    return progress.area(CharterKey.inPath(charter), area, viewer);
  }

  @GetMapping(
      path = "/api/charters/{charter}/progress/commitments/{commitment}",
      produces = "application/json")
  @Operation(
      summary =
          "A commitment's progress, made of its projects and of the obligations of its clause")
  Figure commitment(@PathVariable String charter, @PathVariable String commitment, Viewer viewer) {
    return progress.commitment(CharterKey.inPath(charter), commitment, viewer);
  }

  @GetMapping(path = "/api/projects/{id}/progress", produces = "application/json")
  @Operation(summary = "A project's completion, made of its milestones")
  Figure project(@PathVariable String id, Viewer viewer) {
    try {
      return progress.project(UUID.fromString(id), viewer);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("project", id);
    }
  }
}
