package org.entente.obligations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.entente.identity.Viewer;
import org.entente.obligations.ObligationViews.Deadlines;
import org.entente.obligations.ObligationViews.EventView;
import org.entente.obligations.ObligationViews.ObligationStatus;
import org.entente.shared.CharterKey;
import org.entente.shared.PageOf;
import org.entente.shared.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Obligations with their due dates and status, and the events that meet them. */
@RestController
@RequestMapping(path = "/api/charters/{charter}", produces = "application/json")
@Tag(
    name = "Obligations",
    description = "Deadlines a charter implies and the events that meet them")
class ObligationApi {

  private final Obligations obligations;

  ObligationApi(Obligations obligations) {
    this.obligations = obligations;
  }

  /** A page of obligations, with the day they were computed for. */
  record ObligationPage(
      String charter,
      java.time.LocalDate asOf,
      int dueSoonDays,
      List<ObligationStatus> items,
      int page,
      int size,
      long totalItems,
      int totalPages) {}

  @GetMapping("/obligations")
  @Operation(
      summary = "Obligations as of today",
      description =
          "One row per rule and subject. status: met-on-time, met-late, pending, due-soon, overdue;"
              + " sort: due (default), status, subject.")
  ObligationPage obligations(
      @PathVariable String charter,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String subject,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Viewer viewer) {
    Paging paging = Paging.of(page, size);
    Deadlines deadlines =
        obligations.deadlines(CharterKey.inPath(charter), status, subject, sort, viewer);
    PageOf<ObligationStatus> slice = PageOf.slice(deadlines.obligations(), paging);
    return new ObligationPage(
        deadlines.charterKey(),
        deadlines.asOf(),
        deadlines.dueSoonDays(),
        slice.items(),
        slice.page(),
        slice.size(),
        slice.totalItems(),
        slice.totalPages());
  }

  @GetMapping("/events")
  @Operation(summary = "Events recorded for the charter, oldest first")
  PageOf<EventView> events(
      @PathVariable String charter,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Viewer viewer) {
    return PageOf.slice(
        obligations.events(CharterKey.inPath(charter), viewer), Paging.of(page, size));
  }

  @GetMapping("/events/{id}")
  @Operation(summary = "One recorded event")
  EventView event(@PathVariable String charter, @PathVariable String id, Viewer viewer) {
    return obligations.event(CharterKey.inPath(charter), eventId(id), viewer);
  }

  /** An event's id: anything that is not a UUID names no event, and answers 404 like one. */
  private static java.util.UUID eventId(String id) {
    try {
      return java.util.UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new org.entente.shared.NotFoundException("event", id);
    }
  }

  @PatchMapping(path = "/events/{id}", consumes = "application/json")
  @Operation(
      summary = "Change a recorded event",
      description =
          "Send the version you read; a stale version answers 409 and changes nothing. kind,"
              + " subject, workingGroup, party and originParty are fixed: sending them answers 403.",
      security = @SecurityRequirement(name = "personal-access-token"))
  EventView update(
      @PathVariable String charter,
      @PathVariable String id,
      @RequestBody EventChange change,
      Viewer viewer) {
    return obligations.update(CharterKey.inPath(charter), eventId(id), change, viewer);
  }

  @PostMapping(path = "/events", consumes = "application/json")
  @Operation(
      summary = "Record a meeting held or a deliverable finalized",
      security = {
        @SecurityRequirement(name = "operator-token"),
        @SecurityRequirement(name = "personal-access-token")
      })
  ResponseEntity<EventView> record(
      @PathVariable String charter, @RequestBody RecordEvent event, Viewer viewer) {
    EventView recorded = obligations.record(CharterKey.inPath(charter), event, viewer);
    return ResponseEntity.created(
            URI.create("/api/charters/" + charter + "/events/" + recorded.id()))
        .body(recorded);
  }
}
