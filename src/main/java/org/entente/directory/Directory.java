package org.entente.directory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.entente.audit.Audit;
import org.entente.audit.AuditEvent.Outcome;
import org.entente.charter.CharterViews.CharterSummary;
import org.entente.charter.CharterViews.PartyView;
import org.entente.charter.Charters;
import org.entente.directory.OrganizationStore.Filter;
import org.entente.identity.Viewer;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.ConflictException;
import org.entente.shared.NotFoundException;
import org.entente.shared.StateConflictException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory module's one service: a charter's organizations, read by anyone signed in who may
 * see the charter, managed by coordinators (a coordinator those of their own party and of neither),
 * every change audited. The rules are the aggregate's ({@link Organization}); the SQL is {@link
 * OrganizationStore}'s; the charter and its parties are read through {@link Charters}. To anyone
 * else the directory answers as if it did not exist (404).
 */
@Service
@Transactional(readOnly = true)
public class Directory {

  private final OrganizationStore store;
  private final Charters charters;
  private final Audit audit;

  Directory(OrganizationStore store, Charters charters, Audit audit) {
    this.store = store;
    this.charters = charters;
    this.audit = audit;
  }

  // ---------------------------------------------------------------- reads

  /**
   * The charter's organizations that match: a part of their name in either language (any case), a
   * party's key, an IATI organisation type code; each may be null or blank (no condition).
   *
   * @throws NotFoundException when the viewer may not see the charter or read the directory
   * @throws BadRequestException naming the party or type when it is no code at all
   */
  public List<OrganizationView> list(
      CharterKey charterKey, String text, String party, String type, Viewer viewer) {
    CharterSummary charter = readable(charterKey, viewer);
    String p = blankToNull(party);
    String t = blankToNull(type);
    if (p != null && !parties(charterKey, viewer).contains(p.toUpperCase(java.util.Locale.ROOT))) {
      throw new BadRequestException("party", "'" + party + "' is not a party of the charter");
    }
    if (t != null && !Organization.TYPES.contains(t)) {
      throw new BadRequestException("type", "'" + type + "' is not an IATI organisation type");
    }
    return store.matching(
        charter.id(),
        charter.key(),
        new Filter(blankToNull(text), p == null ? null : p.toUpperCase(java.util.Locale.ROOT), t));
  }

  /**
   * The charter's organization with this id.
   *
   * @throws NotFoundException when there is none, or the viewer may not read the directory
   */
  public OrganizationView find(CharterKey charterKey, UUID id, Viewer viewer) {
    CharterSummary charter = readable(charterKey, viewer);
    return store
        .find(charter.id(), charter.key(), id)
        .orElseThrow(() -> new NotFoundException("organization", String.valueOf(id)));
  }

  /**
   * The names a picker offers for the charter to this viewer: every organization's name in the
   * directory, and its name in the second language, by name; none when the viewer may not read the
   * directory.
   */
  public List<String> pickerNames(CharterKey charterKey, Viewer viewer) {
    return charters
        .find(charterKey, viewer)
        .filter(c -> Organization.readableBy(viewer))
        .map(c -> store.names(c.id()))
        .orElse(List.of());
  }

  /**
   * Whether the charter's directory holds an organization of this name (in either language, any
   * case) that the viewer may read.
   */
  public boolean knows(CharterKey charterKey, String name, Viewer viewer) {
    if (name == null || name.isBlank() || !Organization.readableBy(viewer)) {
      return false;
    }
    return charters.find(charterKey, viewer).map(c -> store.knows(c.id(), name)).orElse(false);
  }

  /** Whether the viewer may add to the directory and change its organizations. */
  public boolean mayManage(Viewer viewer) {
    return Organization.managedBy(viewer);
  }

  /** The keys of the charter's parties, in the charter's order. */
  public List<String> partyKeys(CharterKey charterKey, Viewer viewer) {
    return charters.overview(charterKey, viewer).parties().stream().map(PartyView::key).toList();
  }

  /** The IATI organisation type codes, in the codelist's order. */
  public static List<String> types() {
    return Organization.TYPES;
  }

  // ---------------------------------------------------------------- writes

  /**
   * Adds an organization to the charter's directory.
   *
   * @throws BadRequestException naming the field
   * @throws ForbiddenException when the viewer is no coordinator, or names the other party
   * @throws StateConflictException (409) when an organization has this name already
   */
  @Transactional
  public OrganizationView create(CharterKey charterKey, OrganizationInput input, Viewer viewer) {
    CharterSummary charter = readable(charterKey, viewer);
    Organization.requireManager(viewer, null);
    Organization o =
        Organization.of(UUID.randomUUID(), charter.id(), input, parties(charterKey, viewer), 0);
    Organization.requireManager(viewer, o.party());
    requireUniqueName(o);
    try {
      store.insert(o);
    } catch (DuplicateKeyException e) {
      throw duplicate(o.name());
    }
    audited("organization.created", charterKey, o);
    return find(charterKey, o.id(), viewer);
  }

  /**
   * Changes an organization of the charter's directory, made to the version the input names.
   *
   * @throws BadRequestException naming the field
   * @throws ForbiddenException when the viewer is no coordinator, or the organization or the party
   *     it is given is the other party's
   * @throws ConflictException (409) when the version is stale
   * @throws StateConflictException (409) when another organization has the new name
   */
  @Transactional
  public OrganizationView update(
      CharterKey charterKey, UUID id, OrganizationInput input, Viewer viewer) {
    CharterSummary charter = readable(charterKey, viewer);
    Organization current =
        store
            .load(charter.id(), id)
            .orElseThrow(() -> new NotFoundException("organization", String.valueOf(id)));
    Organization.requireManager(viewer, current.party());
    Organization next = current.changed(input, parties(charterKey, viewer));
    Organization.requireManager(viewer, next.party());
    requireUniqueName(next);
    try {
      if (!store.update(next)) {
        throw new ConflictException(
            "organization", store.load(charter.id(), id).map(Organization::version).orElse(-1L));
      }
    } catch (DuplicateKeyException e) {
      throw duplicate(next.name());
    }
    audited("organization.updated", charterKey, next);
    return find(charterKey, id, viewer);
  }

  private void requireUniqueName(Organization o) {
    Optional<UUID> same = store.named(o.charterId(), o.name());
    if (same.isPresent() && !same.get().equals(o.id())) {
      throw duplicate(o.name());
    }
  }

  private static StateConflictException duplicate(String name) {
    String message = "the directory has an organization named '" + name + "' already";
    return new StateConflictException(
        "Duplicate name",
        message,
        Map.of("errors", List.of(Map.of("field", "name", "message", message))));
  }

  private void audited(String action, CharterKey charterKey, Organization o) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("charter", charterKey.value());
    details.put("name", o.name());
    details.put("party", o.party() == null ? "" : o.party());
    details.put("type", o.type());
    details.put("identifier", o.identifier() == null ? "" : o.identifier());
    audit.record(action, "organization", o.id().toString(), Outcome.SUCCESS, details);
  }

  /** The charter, when the viewer may see it and read the directory; otherwise not found. */
  private CharterSummary readable(CharterKey charterKey, Viewer viewer) {
    CharterSummary charter = charters.require(charterKey, viewer);
    if (!Organization.readableBy(viewer)) {
      throw new NotFoundException("organization directory", charterKey.value());
    }
    return charter;
  }

  private Set<String> parties(CharterKey charterKey, Viewer viewer) {
    return partyKeys(charterKey, viewer).stream().collect(Collectors.toUnmodifiableSet());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
