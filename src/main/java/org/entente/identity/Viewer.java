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
   * Who may see a record: its classification, the party that made it and its group, as the
   * visibility policy reads them.
   *
   * @param classification the record's classification
   * @param originParty the party that made it, or null
   * @param group its group, or null for the charter as a whole
   */
  public record Audience(Classification classification, String originParty, UUID group) {

    /**
     * Whether everyone who may see a record with this audience may also see one with the other: the
     * rule for links (a record may only point at records at least as widely visible as itself).
     * Derived from {@link Viewer#canSee} rather than written a second time: the policy reads only
     * whether someone is signed in, their party (one of the two records' origin parties, another,
     * or none) and whether they may read each of the two groups, so trying every such viewer
     * decides it.
     */
    public boolean within(Audience other) {
      if (classification == null) {
        return true; // nobody sees it (fail closed), so a link from it shows nobody anything
      }
      List<String> parties = new java.util.ArrayList<>();
      parties.add(null);
      parties.add(originParty);
      parties.add(other.originParty());
      // A party of neither record: the policy only compares parties for equality.
      parties.add("~" + originParty + "~" + other.originParty());
      List<UUID> both = new java.util.ArrayList<>();
      if (group != null) {
        both.add(group);
      }
      if (other.group() != null && !other.group().equals(group)) {
        both.add(other.group());
      }
      for (String user : java.util.Arrays.asList(null, "someone")) {
        for (String party : parties) {
          for (int mask = 0; mask < 1 << both.size(); mask++) {
            Set<UUID> groups = new java.util.HashSet<>();
            for (int i = 0; i < both.size(); i++) {
              if ((mask & 1 << i) != 0) {
                groups.add(both.get(i));
              }
            }
            Viewer witness =
                new Viewer(user, party, false, Set.of(), groups, Set.of(), Set.of(), false);
            if (witness.canSee(this) && !witness.canSee(other)) {
              return false;
            }
          }
        }
      }
      return true;
    }

    /** The classification as its code, for messages: public, bilateral or party-internal. */
    public String code() {
      return classification == null ? "unclassified" : classification.code();
    }
  }

  /** {@link #canSee(Classification, String, UUID)} for an audience. */
  public boolean canSee(Audience audience) {
    return canSee(audience.classification(), audience.originParty(), audience.group());
  }

  /**
   * Refuses a link from a record to another unless everyone who may see the first may see the
   * second. Callers first make sure the viewer may see the target at all, and answer as if it did
   * not exist when not, so that this message never reveals a record.
   *
   * @param field the field that holds the link, named in the problem
   * @param from the linking record's audience
   * @param fromKind what the linking record is, e.g. "milestone"
   * @param to the linked record's audience
   * @param toKind what the linked record is, e.g. "project"
   * @throws org.entente.shared.BadRequestException when the target is less widely visible
   */
  public static void requireLink(
      String field, Audience from, String fromKind, Audience to, String toKind) {
    if (!from.within(to)) {
      throw new org.entente.shared.BadRequestException(
          field,
          "a "
              + from.code()
              + " "
              + fromKind
              + " may not link to a "
              + to.code()
              + " "
              + toKind
              + (to.group() != null && !to.group().equals(from.group())
                  ? " of another group"
                  : to.originParty() != null && !to.originParty().equals(from.originParty())
                      ? " of another party"
                      : "")
              + ": a record may only link to records at least as widely visible as itself");
    }
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
