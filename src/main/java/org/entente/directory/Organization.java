package org.entente.directory;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.entente.identity.Role;
import org.entente.identity.Viewer;
import org.entente.shared.BadRequestException;
import org.entente.shared.ConflictException;
import org.entente.shared.ForbiddenException;

/**
 * An organization of a charter's directory, and the directory's rules: what a name, party, IATI
 * organisation type and identifier may be, who reads the directory and who manages which of its
 * organizations, and that a change is made to the version it read.
 *
 * @param id its id
 * @param charterId the charter whose directory holds it
 * @param name its name, stripped
 * @param secondName its name in the charter's second language, or null
 * @param party its party's key, or null
 * @param type its IATI organisation type code
 * @param identifier its IATI organisation identifier, or null
 * @param version its version
 */
record Organization(
    UUID id,
    UUID charterId,
    String name,
    String secondName,
    String party,
    String type,
    String identifier,
    long version) {

  /** The IATI OrganisationType codelist (version 2.03), in its order. */
  static final List<String> TYPES =
      List.of(
          "10", "11", "15", "21", "22", "23", "24", "30", "40", "60", "70", "71", "72", "73", "80",
          "90");

  /**
   * An IATI organisation identifier: the registration agency's prefix (two letters, the country or
   * XM/XI for international agencies, then its code) and the organization's number in its register,
   * e.g. {@code GB-COH-01234567}, {@code XM-DAC-41114}, {@code AZ-VOEN-1400057421}.
   */
  static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z]{2}(-[A-Za-z0-9._]+)+");

  static final int MAX_NAME = 300;
  static final int MAX_IDENTIFIER = 100;

  /** The name by which two organizations are the same: stripped, in lower case. */
  static String nameKey(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * An organization as the input describes it, checked.
   *
   * @param parties the keys of the charter's parties
   * @throws BadRequestException naming the field
   */
  static Organization of(
      UUID id, UUID charterId, OrganizationInput input, Set<String> parties, long version) {
    if (input == null) {
      throw new BadRequestException(null, "an organization is required");
    }
    String name = text("name", input.name());
    if (name == null) {
      throw new BadRequestException("name", "a name is required");
    }
    String party = text("party", input.party());
    if (party != null) {
      party = party.toUpperCase(Locale.ROOT);
      if (!parties.contains(party)) {
        throw new BadRequestException(
            "party", "'" + input.party() + "' is not a party of the charter (" + parties + ")");
      }
    }
    String type = text("type", input.type());
    if (type == null || !TYPES.contains(type)) {
      throw new BadRequestException(
          "type",
          (type == null ? "an IATI organisation type is required" : "'" + type + "' is not")
              + " an IATI organisation type code: one of "
              + String.join(", ", TYPES));
    }
    String identifier = text("identifier", input.identifier());
    if (identifier != null
        && (identifier.length() > MAX_IDENTIFIER || !IDENTIFIER.matcher(identifier).matches())) {
      throw new BadRequestException(
          "identifier",
          "'"
              + identifier
              + "' is not an IATI organisation identifier: an agency prefix and a number, such as"
              + " XM-DAC-41114 or GB-COH-01234567, at most 100 characters");
    }
    return new Organization(
        id,
        charterId,
        name,
        text("secondName", input.secondName()),
        party,
        type,
        identifier,
        version);
  }

  /** The text stripped, null when blank. */
  private static String text(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String stripped = value.strip();
    if (stripped.length() > MAX_NAME) {
      throw new BadRequestException(field, "at most " + MAX_NAME + " characters");
    }
    return stripped;
  }

  /** Whether the viewer reads the directory: a person signed in, not the operator token. */
  static boolean readableBy(Viewer viewer) {
    return viewer.signedIn() && !viewer.operator();
  }

  /** Whether the viewer manages the directory at all: a coordinator of a party. */
  static boolean managedBy(Viewer viewer) {
    return readableBy(viewer) && viewer.has(Role.COORDINATOR) && viewer.party() != null;
  }

  /**
   * Refuses a coordinator an organization of the other party: a coordinator manages those of their
   * own party and those of neither.
   *
   * @throws ForbiddenException when the viewer is no coordinator, or the party is the other one
   */
  static void requireManager(Viewer viewer, String party) {
    if (!managedBy(viewer)) {
      throw new ForbiddenException(null, "only coordinators manage the directory");
    }
    if (party != null && !party.equals(viewer.party())) {
      throw new ForbiddenException(
          "party",
          "a coordinator manages the organizations of their own party and of neither, not of "
              + party);
    }
  }

  /**
   * This organization changed as the input says, made to the version the input names.
   *
   * @throws BadRequestException when the input names no version, or a field is wrong
   * @throws ConflictException when the version is not the current one
   */
  Organization changed(OrganizationInput input, Set<String> parties) {
    if (input != null && input.version() == null) {
      throw new BadRequestException("version", "the version the change was made to is required");
    }
    Organization next = of(id, charterId, input, parties, version);
    if (input.version() != version) {
      throw new ConflictException("organization", version);
    }
    return next;
  }
}
