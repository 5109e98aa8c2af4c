package org.entente.meetings;

import java.util.List;
import java.util.Locale;
import org.entente.charter.CharterViews.CharterOverview;
import org.entente.charter.CharterViews.PartyView;
import org.entente.charter.Charters;
import org.entente.identity.Accounts;
import org.entente.identity.Viewer;
import org.entente.meetings.MeetingInputs.ParticipantInput;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.LocalizedText;
import org.springframework.stereotype.Component;

/**
 * Who may take part in a meeting or own its action items: the parties (by key or name), the
 * co-chairs' offices of the charter's working groups, and the organizations of accounts, read
 * through the charter and identity modules.
 */
@Component
class Organizations {

  private final Charters charters;
  private final Accounts accounts;

  Organizations(Charters charters, Accounts accounts) {
    this.charters = charters;
    this.accounts = accounts;
  }

  /**
   * A participant, checked: a known party (its key in upper case), a known organization, and an
   * attendance.
   *
   * @param prefix the field the participant was sent in, e.g. {@code participants[0]}, or null
   * @throws BadRequestException naming the field
   */
  ParticipantInput participant(
      CharterKey charterKey, ParticipantInput input, String prefix, Viewer viewer) {
    String at = prefix == null ? "" : prefix + ".";
    if (input == null) {
      throw new BadRequestException(prefix, "a participant is required");
    }
    String party = Meeting.blankToNull(input.party());
    if (party != null) {
      party = party.toUpperCase(Locale.ROOT);
      String p = party;
      if (charters.overview(charterKey, viewer).parties().stream()
          .noneMatch(v -> v.key().equals(p))) {
        throw new BadRequestException(at + "party", "'" + input.party() + "' is not a party");
      }
    }
    String organization = Meeting.required(at + "organization", input.organization(), 300);
    if (!known(charterKey, organization, viewer)) {
      throw new BadRequestException(
          at + "organization",
          "'"
              + organization
              + "' is not an organization known here: a party, a co-chair's office, or the"
              + " organization of an account");
    }
    String person = Meeting.optional(at + "personName", input.personName(), 200);
    Meeting.Attendance attendance =
        Meeting.Attendance.fromCode(input.attendance(), at + "attendance");
    return new ParticipantInput(party, organization, person, attendance.code());
  }

  /**
   * Whether an organization is known: a party (by name), a co-chair's office of the charter's
   * working groups, or the organization of an account.
   */
  boolean known(CharterKey charterKey, String organization, Viewer viewer) {
    String wanted = organization.strip().toLowerCase(Locale.ROOT);
    CharterOverview overview = charters.overview(charterKey, viewer);
    for (PartyView party : overview.parties()) {
      for (LocalizedText name : List.of(party.officialName(), party.shortName())) {
        if (name != null
            && name.values().values().stream()
                .anyMatch(v -> v.strip().toLowerCase(Locale.ROOT).equals(wanted))) {
          return true;
        }
      }
    }
    boolean office =
        charters.workingGroups(charterKey, null, viewer).stream()
            .flatMap(g -> g.coChairs().stream())
            .anyMatch(
                c ->
                    c.office() != null
                        && c.office().values().values().stream()
                            .anyMatch(v -> v.strip().toLowerCase(Locale.ROOT).equals(wanted)));
    return office || accounts.knowsOrganization(organization);
  }
}
