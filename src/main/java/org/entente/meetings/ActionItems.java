package org.entente.meetings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.entente.charter.Charters;
import org.entente.charter.LanguagesOfCharter;
import org.entente.identity.Accounts;
import org.entente.identity.Viewer;
import org.entente.meetings.MeetingInputs.ActionItemChange;
import org.entente.meetings.MeetingInputs.ActionItemInput;
import org.entente.meetings.MeetingViews.ActionItemView;
import org.entente.roadmaps.MilestoneInput;
import org.entente.roadmaps.RoadmapViews.MilestoneView;
import org.entente.roadmaps.Roadmaps;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.Classification;
import org.entente.shared.ConflictException;
import org.entente.shared.LocalizedText;
import org.entente.shared.NotFoundException;
import org.entente.translations.TranslationState;
import org.springframework.stereotype.Component;

/**
 * Writes a meeting's action items: adds them, changes their status or due date, and makes a working
 * group's item a milestone of the group's roadmap. The caller's transaction holds each together.
 */
@Component
class ActionItems {

  private final ActionItemStore store;
  private final MeetingStore meetings;
  private final Organizations organizations;
  private final Accounts accounts;
  private final Roadmaps roadmaps;
  private final Charters charters;
  private final MeetingAudit audit;
  private final Clock clock;

  ActionItems(
      ActionItemStore store,
      MeetingStore meetings,
      Organizations organizations,
      Accounts accounts,
      Roadmaps roadmaps,
      Charters charters,
      MeetingAudit audit,
      Clock clock) {
    this.store = store;
    this.meetings = meetings;
    this.organizations = organizations;
    this.accounts = accounts;
    this.roadmaps = roadmaps;
    this.charters = charters;
    this.audit = audit;
    this.clock = clock;
  }

  /** Adds an action item to a meeting the viewer may change; its id. */
  UUID add(Meeting meeting, ActionItemInput input, Viewer viewer) {
    LanguagesOfCharter languages =
        charters
            .languages(meeting.charterId())
            .orElseThrow(
                () -> new NotFoundException("charter", String.valueOf(meeting.charterId())));
    ActionItem.New item =
        ActionItem.of(
            input,
            languages,
            organization ->
                organizations.known(CharterKey.of(meeting.charterKey()), organization, viewer),
            username -> accounts.find(username).isPresent());
    UUID id = UUID.randomUUID();
    store.insert(
        id,
        meeting,
        item,
        TranslationState.unknown(null)
            .afterEdit(
                LocalizedText.empty(), item.title(), languages.textLanguage(), now().toInstant())
            .toJson(),
        now());
    meetings.touch(meeting.id(), now());
    audit.actionItemAdded(id, meeting.id(), item);
    return id;
  }

  /** Changes an item of a meeting the viewer may change, against the version read. */
  void change(ActionItemView current, ActionItemChange change) {
    ActionItem.Changed changed =
        ActionItem.change(
            ActionItem.Status.fromCode(current.status()),
            current.dueOn(),
            current.version(),
            change);
    if (!store.update(current.id(), changed, current.version(), now())) {
      throw new ConflictException("action item", current.version() + 1);
    }
    audit.actionItemChanged(current.id(), changed);
  }

  /**
   * Makes an item of a working group's meeting a milestone of the group's roadmap, due on the
   * item's due date and owned by its organization.
   *
   * @throws BadRequestException when the meeting is not a working group's, or the item already
   *     became a milestone
   */
  MilestoneView makeMilestone(
      Meeting meeting, String groupKey, ActionItemView item, String key, Viewer viewer) {
    meeting.requireRoadmap();
    if (store.becameMilestone(item.id())) {
      throw new BadRequestException(null, "this action item already became a milestone");
    }
    MilestoneView milestone =
        roadmaps.add(
            CharterKey.of(meeting.charterKey()),
            groupKey,
            new MilestoneInput(
                ActionItem.milestoneKey(item.id(), key),
                item.title().values(),
                item.ownerOrganization(),
                ActionItem.milestoneStart(item.dueOn(), LocalDate.now(clock)),
                item.dueOn(),
                null,
                null,
                "not-started",
                null,
                List.of(),
                meeting.classification() == Classification.PARTY_INTERNAL
                    ? "party-internal"
                    : "bilateral",
                null),
            viewer);
    store.linkMilestone(item.id(), milestone.id(), now());
    audit.becameMilestone(item.id(), milestone.id(), milestone.key());
    return milestone;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
  }
}
