package org.entente.meetings;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;
import org.entente.charter.LanguagesOfCharter;
import org.entente.meetings.MeetingInputs.ActionItemChange;
import org.entente.meetings.MeetingInputs.ActionItemInput;
import org.entente.shared.BadRequestException;
import org.entente.shared.ConflictException;
import org.entente.shared.LocalizedText;

/**
 * An action item's rules: it has a title, an owner (an organization, a person, or both) and a due
 * date; its status is open, done or cancelled; a change is made against the version read; it
 * becomes a roadmap milestone at most once.
 */
final class ActionItem {

  private ActionItem() {}

  /** An action item's status. */
  enum Status {
    OPEN,
    DONE,
    CANCELLED;

    String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Status fromCode(String code) {
      try {
        return valueOf(code.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new BadRequestException(
            "status", "status '" + code + "' is not one of open, done, cancelled");
      }
    }
  }

  /** A new action item as given, checked and stripped; the owner's user name in lower case. */
  record New(
      LocalizedText title, String ownerOrganization, String ownerUsername, LocalDate dueOn) {}

  /** The state an action item's change leaves it in. */
  record Changed(Status status, LocalDate dueOn) {}

  /**
   * Reads a new action item.
   *
   * @param languages the languages of the meeting's charter, which its title may be given in
   * @param organizations whether an organization is known here
   * @param accounts whether there is an account with a (lower-case) user name
   * @throws BadRequestException naming the field: no title in the charter's text language, a title
   *     in a language outside the charter, no owner, an unknown organization or account, no due
   *     date
   */
  static New of(
      ActionItemInput input,
      LanguagesOfCharter languages,
      Predicate<String> organizations,
      Predicate<String> accounts) {
    if (input == null) {
      throw new BadRequestException(null, "an action item is required");
    }
    LocalizedText title =
        MeetingTexts.required("title", input.title(), languages, MeetingTexts.ITEM_TITLE);
    String organization = Meeting.blankToNull(input.ownerOrganization());
    String username = Meeting.blankToNull(input.ownerUsername());
    if (organization == null && username == null) {
      throw new BadRequestException(
          "owner", "an action item needs an owner: an organization, a person, or both");
    }
    if (organization != null && !organizations.test(organization)) {
      throw new BadRequestException(
          "ownerOrganization", "'" + organization + "' is not an organization known here");
    }
    if (username != null) {
      username = username.toLowerCase(Locale.ROOT);
      if (!accounts.test(username)) {
        throw new BadRequestException("ownerUsername", "there is no account '" + username + "'");
      }
    }
    if (input.dueOn() == null) {
      throw new BadRequestException("dueOn", "dueOn is required (YYYY-MM-DD)");
    }
    return new New(title, organization, username, input.dueOn());
  }

  /**
   * What a change made against a version leaves of an item: only the fields given change.
   *
   * @throws BadRequestException for no version or an unknown status
   * @throws ConflictException when the item changed since that version
   */
  static Changed change(Status status, LocalDate dueOn, long version, ActionItemChange change) {
    if (change == null) {
      throw new BadRequestException(null, "a change is required");
    }
    if (change.version() == null) {
      throw new BadRequestException(
          "version", "the version the change was made against is required");
    }
    if (change.version() != version) {
      throw new ConflictException("action item", version);
    }
    return new Changed(
        change.status() == null ? status : Status.fromCode(change.status()),
        change.dueOn() == null ? dueOn : change.dueOn());
  }

  /** Whether an open item is overdue on a day. */
  static boolean overdue(Status status, LocalDate dueOn, LocalDate today) {
    return status == Status.OPEN && dueOn.isBefore(today);
  }

  /** The key of the milestone an item becomes: the one given, or one made from its id. */
  static String milestoneKey(UUID id, String key) {
    return key == null || key.isBlank() ? "ai-" + id.toString().substring(0, 8) : key.strip();
  }

  /** The planned start of the milestone an item becomes: today, or its due date when earlier. */
  static LocalDate milestoneStart(LocalDate dueOn, LocalDate today) {
    return dueOn.isBefore(today) ? dueOn : today;
  }
}
