package org.entente.meetings;

import java.util.List;
import java.util.Locale;
import org.entente.charter.CharterViews.CharterOverview;
import org.entente.charter.CharterViews.PartyView;
import org.entente.charter.Charters;
import org.entente.directory.Directory;
import org.entente.identity.Accounts;
import org.entente.identity.Viewer;
import org.entente.meetings.MeetingInputs.ParticipantInput;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.LocalizedText;
import org.springframework.stereotype.Component;

/**
 * Who may take part in a meeting or own its action items: the parties (by key or name), the
 * co-chairs' offices of the charter's working groups, the organizations of the charter's directory,
 * and the organizations of accounts, read through the charter, directory and identity modules.
 */
@Component
class Organizations {

  private final Charters charters;
  private final Accounts accounts;
  private final Directory directory;

  Organizations(Charters charters, Accounts accounts, Directory directory) {
    this.charters = charters;
    this.accounts = accounts;
    this.directory = directory;
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
              + "' is not an organization known here: a party, a co-chair's office, an"
              + " organization of the directory, or the organization of an account");
    }
    String person = Meeting.optional(at + "personName", input.personName(), 200);
    Meeting.Attendance attendance =
        Meeting.Attendance.fromCode(input.attendance(), at + "attendance");
    return new ParticipantInput(party, organization, person, attendance.code());
  }

  /**
   * Whether an organization is known: a party (by name), a co-chair's office of the charter's
   * working groups, an organization of the charter's directory, or the organization of an account.
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
    return office
        || directory.knows(charterKey, organization, viewer)
        || accounts.knowsOrganization(organization);
  }

  /**
   * The names an organization field offers: the directory's, the parties' (official and short, in
   * each language) and the co-chairs' offices, each once, the directory's first. The organizations
   * of accounts are not listed: who holds an account is not shown to everyone who names one.
   */
  List<String> names(CharterKey charterKey, Viewer viewer) {
    java.util.Set<String> names =
        new java.util.LinkedHashSet<>(directory.pickerNames(charterKey, viewer));
    for (PartyView party : charters.overview(charterKey, viewer).parties()) {
      for (LocalizedText name : List.of(party.officialName(), party.shortName())) {
        if (name != null) {
          names.addAll(name.values().values());
        }
      }
    }
    charters.workingGroups(charterKey, null, viewer).stream()
        .flatMap(g -> g.coChairs().stream())
        .filter(c -> c.office() != null)
        .forEach(c -> names.addAll(c.office().values().values()));
    return List.copyOf(names);
  }
}
