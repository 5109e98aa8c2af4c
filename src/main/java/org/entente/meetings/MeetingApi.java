package org.entente.meetings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.charter.Charters;
import org.entente.identity.Viewer;
import org.entente.meetings.MeetingInputs.ActionItemChange;
import org.entente.meetings.MeetingInputs.ActionItemInput;
import org.entente.meetings.MeetingInputs.AgendaItemInput;
import org.entente.meetings.MeetingInputs.DecisionInput;
import org.entente.meetings.MeetingInputs.MeetingChange;
import org.entente.meetings.MeetingInputs.MeetingInput;
import org.entente.meetings.MeetingInputs.ParticipantInput;
import org.entente.meetings.MeetingInputs.StatementDraft;
import org.entente.meetings.MeetingViews.ActionItemView;
import org.entente.meetings.MeetingViews.MeetingView;
import org.entente.meetings.MeetingViews.PublishedStatement;
import org.entente.roadmaps.RoadmapViews.MilestoneView;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Meetings, their agenda, decisions, action items and joint statements, as JSON. */
@RestController
@Tag(
    name = "Meetings",
    description =
        "Meetings of the framework, working groups and dialogue platforms; agenda, minutes,"
            + " decisions, action items; joint statements agreed by both parties")
class MeetingApi {

  /** How a text a person writes on a meeting is sent and answered, for the operations' notes. */
  static final String TEXTS =
      " Texts in the languages of the charter: `title` (of a meeting, an agenda item, an action"
          + " item), `minutes` and a decision's `text` are each an object from language tag to"
          + " text (`{\"en\": \"…\", \"az\": \"…\"}`), in the languages the charter"
          + " declares. The charter's text language (its definition's `text-language`, `en` for"
          + " the default charter) is the language its records are written in and is required;"
          + " the others are optional translations. A language the charter does not declare"
          + " answers 400 naming the field and the language (`title.fr`). A plain string is"
          + " still accepted in this release, as the text in the charter's text language; it"
          + " will be refused in the next. Answers carry each text as the object.";

  private final Meetings meetings;
  private final Charters charters;
  private final Platforms platforms;

  MeetingApi(Meetings meetings, Charters charters, Platforms platforms) {
    this.meetings = meetings;
    this.charters = charters;
    this.platforms = platforms;
  }

  @GetMapping(path = "/api/charters/{charter}/meetings", produces = "application/json")
  @Operation(
      summary = "The charter's meetings the caller may see, starting in [from, to)",
      description =
          "from and to are dates (YYYY-MM-DD, UTC); by default the year around today. Each"
              + " meeting's times are given in its own zone (startsAt, endsAt) and the zone the"
              + " caller sees them in (shownIn: their party's).")
  List<MeetingView> list(
      @PathVariable String charter,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      Viewer viewer) {
    LocalDate today = meetings.today();
    Instant start = day("from", from, today.minusMonths(6));
    Instant end = day("to", to, today.plusMonths(6).plusDays(1));
    if (!end.isAfter(start)) {
      throw new BadRequestException("to", "to must be after from");
    }
    return meetings.meetings(CharterKey.inPath(charter), start, end, viewer);
  }

  @PostMapping(
      path = "/api/charters/{charter}/meetings",
      consumes = "application/json",
      produces = "application/json")
  @Operation(
      summary = "Schedule a meeting (members of the group, or officials for the framework)",
      description =
          "startsAt and endsAt are local date-times in timeZone (e.g. 2026-12-10T10:00 in"
              + " Asia/Baku). Participants need a known organization."
              + TEXTS,
      security = @SecurityRequirement(name = "personal-access-token"))
  ResponseEntity<MeetingView> schedule(
      @PathVariable String charter, @RequestBody MeetingInput input, Viewer viewer) {
    MeetingView created = meetings.schedule(CharterKey.inPath(charter), input, viewer);
    return ResponseEntity.created(URI.create("/api/meetings/" + created.id())).body(created);
  }

  /**
   * A dialogue platform to establish: its name and purpose by language of the charter ({@code
   * {"en": "...", "az": "..."}}), or a plain string, the text in the charter's text language.
   */
  record PlatformInput(String key, Object name, Object purpose, String classification) {}

  @PostMapping(
      path = "/api/charters/{charter}/dialogue-platforms",
      consumes = "application/json",
      produces = "application/json")
  @Operation(
      summary = "Propose a further dialogue platform (officials of the parties)",
      description =
          "A bilateral platform is proposed: status 'proposed', awaiting the other party's"
              + " approval; it is established when a coordinator or co-chair of each party"
              + " approves the same version (POST /api/charters/{charter}/agreements/"
              + "dialogue-platform/{key}/approve with the version, or the meetings page), and then"
              + " takes members and meetings like a working group. A party-internal platform is"
              + " its party's own and established at once.",
      security = @SecurityRequirement(name = "personal-access-token"))
  ResponseEntity<Platforms.PlatformView> establish(
      @PathVariable String charter, @RequestBody PlatformInput input, Viewer viewer) {
    if (input == null) {
      throw new BadRequestException(null, "a platform is required");
    }
    Platforms.PlatformView platform =
        platforms.propose(
            CharterKey.inPath(charter),
            input.key(),
            input.name(),
            input.purpose(),
            input.classification(),
            viewer);
    return ResponseEntity.status(201).body(platform);
  }

  /**
   * A change of a proposed platform, made on a version of its agreement; name and purpose as in
   * {@link PlatformInput}.
   */
  record PlatformChange(Object name, Object purpose, Long version) {}

  @PutMapping(
      path = "/api/charters/{charter}/dialogue-platforms/{key}",
      consumes = "application/json",
      produces = "application/json")
  @Operation(
      summary = "Change a proposed dialogue platform (officials of the parties)",
      description =
          "Name and purpose, with the version of its agreement the change was made on (409 when"
              + " it is no longer the current one): the proposal gets a new version, which both"
              + " parties approve again.",
      security = @SecurityRequirement(name = "personal-access-token"))
  Platforms.PlatformView revisePlatform(
      @PathVariable String charter,
      @PathVariable String key,
      @RequestBody PlatformChange input,
      Viewer viewer) {
    if (input == null) {
      throw new BadRequestException(null, "a change is required");
    }
    return platforms.revise(
        CharterKey.inPath(charter), key, input.name(), input.purpose(), input.version(), viewer);
  }

  @GetMapping(path = "/api/meetings/{id}", produces = "application/json")
  @Operation(summary = "A meeting with its participants, agenda, decisions and statement")
  MeetingView meeting(@PathVariable String id, Viewer viewer) {
    return meetings.meeting(uuid("meeting", id), viewer);
  }

  @PatchMapping(
      path = "/api/meetings/{id}",
      consumes = "application/json",
      produces = "application/json")
  @Operation(
      summary = "Change a meeting: times, place, status (held, cancelled, postponed), minutes",
      description =
          "Send the version you read; a stale version answers 409 and changes nothing. Minutes"
              + " are HTML and are sanitized: scripts, styles and event handlers are removed. Of"
              + " `title` and `minutes`, the languages sent replace theirs, a language sent blank"
              + " loses its text, the others are kept."
              + TEXTS,
      security = @SecurityRequirement(name = "personal-access-token"))
  MeetingView change(@PathVariable String id, @RequestBody MeetingChange change, Viewer viewer) {
    return meetings.change(uuid("meeting", id), change, viewer);
  }

  @PostMapping(
      path = "/api/meetings/{id}/participants",
      consumes = "application/json",
      produces = "application/json")
  @Operation(
      summary = "Add a participant",
      security = @SecurityRequirement(name = "personal-access-token"))
  MeetingView participant(
      @PathVariable String id, @RequestBody ParticipantInput input, Viewer viewer) {
    return meetings.addParticipant(uuid("meeting", id), input, viewer);
  }

  @PostMapping(
      path = "/api/meetings/{id}/attendance",
      consumes = "application/json",
      produces = "application/json")
  @Operation(
      summary = "Record attendance: participant id → attended, absent, excused or invited",
      security = @SecurityRequirement(name = "personal-access-token"))
  MeetingView attendance(
      @PathVariable String id, @RequestBody Map<String, String> attendance, Viewer viewer) {
    Map<UUID, String> byId = new LinkedHashMap<>();
    if (attendance != null) {
      attendance.forEach(
          (k, v) -> {
            try {
              byId.put(UUID.fromString(k), v);
            } catch (IllegalArgumentException e) {
              throw new BadRequestException("attendance", "'" + k + "' is not a participant id");
            }
          });
    }
    return meetings.recordAttendance(uuid("meeting", id), byId, viewer);
  }

  @PostMapping(
      path = "/api/meetings/{id}/agenda-items",
      consumes = "application/json",
      produces = "application/json")
  @Operation(
      summary = "Add an agenda item, linked to a commitment, a project or a milestone",
      description = "The item's `title` in the languages of the charter." + TEXTS,
      security = @SecurityRequirement(name = "personal-access-token"))
  MeetingView agendaItem(
      @PathVariable String id, @RequestBody AgendaItemInput input, Viewer viewer) {
    return meetings.addAgendaItem(uuid("meeting", id), input, viewer);
  }

  @PostMapping(
      path = "/api/meetings/{id}/decisions",
      consumes = "application/json",
      produces = "application/json")
  @Operation(
      summary = "Record a decision",
      description = "The decision's `text` in the languages of the charter." + TEXTS,
      security = @SecurityRequirement(name = "personal-access-token"))
  MeetingView decision(@PathVariable String id, @RequestBody DecisionInput input, Viewer viewer) {
    return meetings.addDecision(uuid("meeting", id), input, viewer);
  }

  @PostMapping(
      path = "/api/meetings/{id}/action-items",
      consumes = "application/json",
      produces = "application/json")
  @Operation(
      summary = "Add an action item (an owner and a due date are required)",
      description = "The item's `title` in the languages of the charter." + TEXTS,
      security = @SecurityRequirement(name = "personal-access-token"))
  ResponseEntity<ActionItemView> actionItem(
      @PathVariable String id, @RequestBody ActionItemInput input, Viewer viewer) {
    ActionItemView item = meetings.addActionItem(uuid("meeting", id), input, viewer);
    return ResponseEntity.created(URI.create("/api/action-items/" + item.id())).body(item);
  }

  @GetMapping(path = "/api/action-items/{id}", produces = "application/json")
  @Operation(summary = "An action item")
  ActionItemView actionItem(@PathVariable String id, Viewer viewer) {
    return meetings.actionItem(uuid("action item", id), viewer);
  }

  @PatchMapping(
      path = "/api/action-items/{id}",
      consumes = "application/json",
      produces = "application/json")
  @Operation(
      summary = "Change an action item's status or due date",
      description = "Send the version you read; a stale version answers 409.",
      security = @SecurityRequirement(name = "personal-access-token"))
  ActionItemView changeActionItem(
      @PathVariable String id, @RequestBody ActionItemChange change, Viewer viewer) {
    return meetings.changeActionItem(uuid("action item", id), change, viewer);
  }

  /** The key the new milestone gets; one is made when left out. */
  record MilestoneKey(String key) {}

  @PostMapping(path = "/api/action-items/{id}/milestone", produces = "application/json")
  @Operation(
      summary = "Make an action item of a working group's meeting a milestone of its roadmap",
      security = @SecurityRequirement(name = "personal-access-token"))
  ResponseEntity<MilestoneView> makeMilestone(
      @PathVariable String id, @RequestBody(required = false) MilestoneKey key, Viewer viewer) {
    MilestoneView milestone =
        meetings.makeMilestone(uuid("action item", id), key == null ? null : key.key(), viewer);
    return ResponseEntity.created(URI.create("/api/milestones/" + milestone.id())).body(milestone);
  }

  @GetMapping(path = "/api/me/action-items", produces = "application/json")
  @Operation(
      summary = "My work list: the open action items I own, by name or through my organization",
      security = @SecurityRequirement(name = "personal-access-token"))
  List<ActionItemView> workList(Viewer viewer) {
    return meetings.workList(viewer);
  }

  @PutMapping(
      path = "/api/meetings/{id}/statement",
      consumes = "application/json",
      produces = "application/json")
  @Operation(
      summary = "Draft the meeting's joint statement, and whether to publish it once agreed",
      description =
          "The text and the publication are agreed together: both co-chairs approve the same"
              + " version, which covers the text in every language at once. `text` is an"
              + " object from language tag to the statement's authentic text in that language,"
              + " one per language of the charter (`{\"az\": \"…\", \"en\": \"…\"}`); a"
              + " language left out or blank has no text yet, and the statement is not submitted"
              + " for agreement (400 naming the field `text.<tag>`) until every language has"
              + " one. A plain string is still accepted in this release, as the text in the"
              + " charter's text language; it will be refused in the next. Send the draft's"
              + " version when changing it.",
      security = @SecurityRequirement(name = "personal-access-token"))
  MeetingView draft(@PathVariable String id, @RequestBody StatementDraft draft, Viewer viewer) {
    return meetings.draftStatement(uuid("meeting", id), draft, viewer);
  }

  @GetMapping(path = "/api/meetings/{id}/statement", produces = "application/json")
  @Operation(summary = "A published joint statement: anyone may read it")
  PublishedStatement published(@PathVariable String id) {
    return meetings.publishedStatement(uuid("joint statement", id));
  }

  @GetMapping(path = "/api/charters/{charter}/statements", produces = "application/json")
  @Operation(summary = "The charter's published joint statements, newest first")
  List<PublishedStatement> statements(@PathVariable String charter, Viewer viewer) {
    charters.require(CharterKey.inPath(charter), viewer);
    return meetings.publishedStatements(CharterKey.inPath(charter));
  }

  private static Instant day(String field, String value, LocalDate fallback) {
    if (value == null || value.isBlank()) {
      return fallback.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
    try {
      return LocalDate.parse(value.strip()).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new BadRequestException(field, "'" + value + "' is not a date (YYYY-MM-DD)");
    }
  }

  static UUID uuid(String what, String id) {
    return org.entente.meetings.web.Forms.id(what, id);
  }
}
