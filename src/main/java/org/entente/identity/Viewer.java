package org.entente.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.entente.shared.Classification;

/**
 * Who is looking, and the one visibility policy: which records they may see. It is written twice,
 * once as an SQL condition for queries and once as an in-memory check, and a contract test holds
 * the two to the same answer for every combination, on H2 and on PostgreSQL.
 *
 * <p>Every record has a classification, the party that made it (none for what both parties loaded
 * from the charter's definition) and the group it belongs to (none for the charter as a whole).
 *
 * <ul>
 *   <li>Public: anyone, logged in or not.
 *   <li>Bilateral: in a group, whoever may read that group's records, of either party; outside any
 *       group, officials of either party.
 *   <li>Party-internal: people of the party that made it; in a group, only those of them who may
 *       read that group's records. Without an origin party nobody sees it (fail closed).
 * </ul>
 *
 * <p>Who may read a group's non-public records ({@link #groups()}): its members, and the
 * coordinators of either party; a restricted group (security and defense) only those of them who
 * hold a clearance. Administrators manage accounts and the audit trail; the role grants no records.
 *
 * @param username the account, or null when nobody is logged in
 * @param party the viewer's party key, or null (the public, a company, an institution)
 * @param clearance whether the viewer is cleared for restricted groups
 * @param roles the viewer's roles
 * @param groups the groups whose non-public records the viewer may read
 * @param memberOf the groups the viewer is a member of
 * @param coChairOf the groups where the viewer approves for their party: as its co-chair, or as a
 *     member to whom the party's co-chair delegated it
 * @param operator whether this is the deployment's operator token rather than a person: it sees
 *     what the public sees, and records public facts for both parties
 */
public record Viewer(
    String username,
    String party,
    boolean clearance,
    Set<Role> roles,
    Set<UUID> groups,
    Set<UUID> memberOf,
    Set<UUID> coChairOf,
    boolean operator) {

  /** Someone not logged in. */
  public static final Viewer ANONYMOUS =
      new Viewer(null, null, false, Set.of(), Set.of(), Set.of(), Set.of(), false);

  /** Never a group: stands in for an empty list, which SQL does not allow in {@code in (...)}. */
  private static final UUID NO_GROUP = new UUID(0, 0);

  private static final Pattern ALIAS = Pattern.compile("[a-z][a-z0-9_]{0,30}");

  public Viewer {
    roles = Set.copyOf(roles);
    groups = Set.copyOf(groups);
    memberOf = Set.copyOf(memberOf);
    coChairOf = Set.copyOf(coChairOf);
  }

  /** Whether someone is logged in. */
  public boolean signedIn() {
    return username != null;
  }

  /** Whether the viewer is an official of one of the parties. */
  public boolean official() {
    return signedIn() && party != null;
  }

  /**
   * Whether the viewer may add to and change the non-public records of a group: a member or
   * coordinator who may read its records, and not only an observer.
   */
  public boolean mayWriteIn(UUID group) {
    return signedIn() && !operator && groups.contains(group) && writer();
  }

  /** Whether the viewer may add to and change records of the charter as a whole. */
  public boolean mayWriteInFramework() {
    return official() && !operator && writer();
  }

  private boolean writer() {
    return roles.contains(Role.CO_CHAIR)
        || roles.contains(Role.MEMBER)
        || roles.contains(Role.COORDINATOR)
        || roles.contains(Role.CONTRIBUTOR);
  }

  /**
   * The classification this viewer may give a record they make or change: bilateral when none is
   * asked for, party-internal only with a party, never public (publishing needs both parties).
   *
   * @throws org.entente.shared.BadRequestException for an unknown code
   * @throws org.entente.shared.ForbiddenException for one the viewer may not give
   */
  public Classification classificationToGive(String code) {
    Classification c;
    try {
      c = Classification.fromCode(code == null ? "bilateral" : code);
    } catch (IllegalArgumentException e) {
      throw new org.entente.shared.BadRequestException("classification", e.getMessage());
    }
    if (c == Classification.PUBLIC) {
      throw new org.entente.shared.ForbiddenException(
          "classification", "publishing a record needs the agreement of both parties");
    }
    if (c == Classification.PARTY_INTERNAL && party == null) {
      throw new org.entente.shared.ForbiddenException(
          "classification", "only an official of a party can keep a record internal to it");
    }
    return c;
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** The in-memory half of the policy: whether the viewer may see a record. */
  public boolean canSee(Classification classification, String originParty, UUID group) {
    if (classification == null) {
      return false;
    }
    return switch (classification) {
      case PUBLIC -> true;
      case BILATERAL -> group == null ? official() : groups.contains(group);
      case PARTY_INTERNAL ->
          signedIn()
              && party != null
              && party.equals(originParty)
              && (group == null || groups.contains(group));
    };
  }

  /**
   * The SQL half of the policy, for a table with the columns {@code classification}, {@code
   * origin_party} and {@code group_id}; its parameters are {@link #parameters()}.
   *
   * @param alias the table's alias in the query, or null when the columns need none
   */
  public static String condition(String alias) {
    String p = "";
    if (alias != null) {
      if (!ALIAS.matcher(alias).matches()) {
        throw new IllegalArgumentException("not an alias: " + alias);
      }
      p = alias + ".";
    }
    return "("
        + p
        + "classification = 'PUBLIC' or ("
        + p
        + "classification = 'BILATERAL' and ("
        + p
        + "group_id in (:viewerGroups) or ("
        + p
        + "group_id is null and :viewerOfficial = 1))) or ("
        + p
        + "classification = 'PARTY_INTERNAL' and "
        + p
        + "origin_party = :viewerParty and ("
        + p
        + "group_id is null or "
        + p
        + "group_id in (:viewerGroups))))";
  }

  /** {@link #condition(String)} with no alias. */
  public static String condition() {
    return condition(null);
  }

  /** The named parameters of {@link #condition(String)}. */
  public Map<String, Object> parameters() {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("viewerGroups", groups.isEmpty() ? List.of(NO_GROUP) : List.copyOf(groups));
    parameters.put("viewerOfficial", official() ? 1 : 0);
    // A party key is two or three capitals; the empty string matches no record's origin party.
    parameters.put("viewerParty", signedIn() && party != null ? party : "");
    return parameters;
  }
}
