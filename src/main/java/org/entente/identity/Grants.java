package org.entente.identity;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.entente.shared.Classification;
import org.entente.shared.ForbiddenException;

/**
 * Who may give what (decision 0021): nobody grants a role, membership, co-chair seat or clearance
 * they do not hold or may not see, and nobody changes their own.
 *
 * <ul>
 *   <li>Administrators name administrators, coordinators and security officers (a security officer
 *       of a named party), and give the roles co-chair, member, contributor and observer.
 *       Coordinators give these four to people of their own party.
 *   <li>Clearance: only a security officer of the person's own party gives or removes it.
 *   <li>Membership and co-chair seat of a group: the group must be open to the person's party (a
 *       party-internal group only to its own party); a coordinator gives those of the groups whose
 *       records they may read (a restricted group only when cleared themselves); an administrator,
 *       whose role reads no records, only those of groups that are neither restricted nor
 *       party-internal. A co-chair seat needs a person of a party.
 * </ul>
 */
final class Grants {

  /** Roles only an administrator gives. */
  static final Set<Role> ADMINISTRATOR_ONLY =
      EnumSet.of(Role.ADMINISTRATOR, Role.COORDINATOR, Role.SECURITY_OFFICER);

  private Grants() {}

  /** Refuses anything done to one's own account that gives or takes away access. */
  static void notOneself(Viewer actor, String username, String field) {
    if (actor.username() != null && actor.username().equals(username)) {
      throw new ForbiddenException(
          field, "nobody changes their own roles, clearance, party, memberships or access");
    }
  }

  /**
   * Refuses giving or taking away a role the actor may not give.
   *
   * @param party the person's party after the change
   */
  static void role(Viewer actor, Role role, String party) {
    if (ADMINISTRATOR_ONLY.contains(role)) {
      if (!actor.has(Role.ADMINISTRATOR)) {
        throw new ForbiddenException(
            "roles",
            "only an administrator gives or takes away the role "
                + role.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
      }
      if (role == Role.SECURITY_OFFICER && party == null) {
        throw new ForbiddenException(
            "roles", "a security officer is a named person of a party: give the account a party");
      }
      return;
    }
    if (!actor.has(Role.ADMINISTRATOR) && !coordinatorOf(actor, party)) {
      throw new ForbiddenException(
          "roles", "only an administrator or a coordinator of the person's party gives roles");
    }
  }

  /**
   * Refuses giving or removing clearance by anyone but a security officer of the person's party.
   */
  static void clearance(Viewer actor, String party) {
    if (!actor.has(Role.SECURITY_OFFICER)
        || actor.party() == null
        || !actor.party().equals(party)) {
      throw new ForbiddenException(
          "clearance",
          "clearance is given and removed only by a security officer of the person's own party");
    }
  }

  /**
   * Refuses giving a membership of a group, or a co-chair seat in it, that the actor may not give
   * to a person of this party. The caller has checked that the actor may see the group.
   */
  static void membership(Viewer actor, GroupDirectory.Group group, String party, boolean coChair) {
    String ref = group.charter() + "/" + group.key();
    if (!group.openTo(party)) {
      throw new ForbiddenException(
          "memberships",
          "the group " + ref + " is internal to another party: only its own people are members");
    }
    if (coChair && party == null) {
      throw new ForbiddenException(
          "memberships", "a co-chair of " + ref + " co-chairs for a party: give the account one");
    }
    boolean byCoordinator = coordinatorOf(actor, party) && actor.groups().contains(group.id());
    boolean byAdministrator =
        actor.has(Role.ADMINISTRATOR)
            && !group.restricted()
            && group.classification() != Classification.PARTY_INTERNAL;
    if (!byCoordinator && !byAdministrator) {
      throw new ForbiddenException(
          "memberships",
          "you may not give a membership of "
              + ref
              + ": a restricted or party-internal group's members are given by a coordinator of"
              + " the person's party who may read its records");
    }
  }

  /**
   * Whether the actor may see a group where accounts are managed: a group they may see, and for an
   * administrator also every group known to both parties (public or bilateral), whose memberships
   * they manage; never another party's internal group.
   */
  static boolean sees(Viewer actor, GroupDirectory.Group group) {
    return group.visibleTo(actor)
        || (actor.has(Role.ADMINISTRATOR)
            && group.classification() != Classification.PARTY_INTERNAL);
  }

  /** Whether a group is one the actor could give some person a membership of: for pick lists. */
  static boolean mayOffer(Viewer actor, GroupDirectory.Group group) {
    if (!sees(actor, group)) {
      return false;
    }
    return (actor.has(Role.COORDINATOR) && actor.groups().contains(group.id()))
        || (actor.has(Role.ADMINISTRATOR)
            && !group.restricted()
            && group.classification() != Classification.PARTY_INTERNAL);
  }

  /** Whether the actor manages the details of accounts of this party (not clearance). */
  static boolean managesDetails(Viewer actor, String party) {
    return actor.has(Role.ADMINISTRATOR) || coordinatorOf(actor, party);
  }

  private static boolean coordinatorOf(Viewer actor, String party) {
    return actor.has(Role.COORDINATOR)
        && actor.party() != null
        && Objects.equals(actor.party(), party);
  }
}
