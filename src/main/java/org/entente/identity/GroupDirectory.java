package org.entente.identity;

import java.util.List;
import java.util.UUID;

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
   */
  record Group(UUID id, String charter, String key, Kind kind, String name, boolean restricted) {}

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
