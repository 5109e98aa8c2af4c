package org.entente.identity;

import java.util.List;
import java.util.UUID;
import org.entente.shared.Classification;
import org.entente.shared.LocalizedText;

/**
 * The groups people can be members of: working groups and dialogue platforms. Implemented by the
 * module that keeps them (the charter), so that identity does not depend on it.
 */
public interface GroupDirectory {

  /** Kinds of group. */
  enum Kind {
    WORKING_GROUP,
    DIALOGUE_PLATFORM
  }

  /**
   * A group.
   *
   * @param restricted whether its non-public records need clearance (security and defense)
   * @param classification who may see the group itself (a platform one party keeps internal)
   * @param originParty the party that made it, for a party-internal group
   * @param name its name in English, or in the language it is given in
   * @param names its name in each language it is given in, for pages in the reader's language
   */
  record Group(
      UUID id,
      String charter,
      String key,
      Kind kind,
      String name,
      boolean restricted,
      Classification classification,
      String originParty,
      LocalizedText names) {

    /** A group whose name is known in one language only. */
    public Group(
        UUID id,
        String charter,
        String key,
        Kind kind,
        String name,
        boolean restricted,
        Classification classification,
        String originParty) {
      this(
          id,
          charter,
          key,
          kind,
          name,
          restricted,
          classification,
          originParty,
          LocalizedText.of("en", name));
    }

    /** A group known to both parties (the charter's, or one established as bilateral). */
    public Group(UUID id, String charter, String key, Kind kind, String name, boolean restricted) {
      this(id, charter, key, kind, name, restricted, Classification.PUBLIC, null);
    }

    /**
     * Whether people of this party may ever read the group's records: a party-internal group is
     * closed to the other party, whatever their role or membership.
     */
    public boolean openTo(String party) {
      return classification != Classification.PARTY_INTERNAL
          || (party != null && party.equals(originParty));
    }

    /** Whether the viewer may see the group itself: its name, and that it exists. */
    public boolean visibleTo(Viewer viewer) {
      return viewer.canSee(classification, originParty, id);
    }
  }

  /** Every current group of every charter. */
  List<Group> groups();

  /**
   * The current groups among these: what a person's memberships need, without reading every group
   * of every charter on each request.
   */
  default List<Group> groups(java.util.Collection<UUID> ids) {
    return groups().stream().filter(g -> ids.contains(g.id())).toList();
  }
}
