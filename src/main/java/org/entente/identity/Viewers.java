package org.entente.identity;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.entente.audit.RecordChanges;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Makes the {@link Viewer} of a request: the account as it is now in the database, so that a
 * removed membership or clearance applies to the very next request. Computed once per request, and
 * kept per account until a record changes (decision 0020): every change of an account, a
 * membership, a clearance or a group is a record change, so what is kept is what would be read.
 */
@Service
@Transactional(readOnly = true)
public class Viewers {

  private static final String ATTRIBUTE = Viewers.class.getName();

  /** How many accounts' viewers are kept at most. */
  private static final int MAX_KEPT = 4096;

  private final JdbcClient jdbc;
  private final GroupDirectory directory;
  private final RecordChanges.Kept<String, Optional<Viewer>> kept;

  Viewers(JdbcClient jdbc, GroupDirectory directory, RecordChanges changes) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.kept = changes.kept(MAX_KEPT);
  }

  /** Whoever makes the current request: anonymous when nobody is logged in. */
  public Viewer current() {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    String name =
        auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken
            ? null
            : auth.getName();
    if (request != null) {
      Object cached = request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
      if (cached instanceof Viewer viewer && java.util.Objects.equals(viewer.username(), name)) {
        return viewer;
      }
    }
    Viewer viewer = Viewer.ANONYMOUS;
    if (name != null) {
      boolean operator =
          auth.getAuthorities().stream()
              .anyMatch(a -> a.getAuthority().equals("ROLE_" + OperatorToken.ROLE));
      viewer = operator ? systemViewer(name) : of(name).orElse(Viewer.ANONYMOUS);
    }
    if (request != null) {
      request.setAttribute(ATTRIBUTE, viewer, RequestAttributes.SCOPE_REQUEST);
    }
    return viewer;
  }

  /**
   * The viewer an account is now, or empty when there is no such enabled account: kept until a
   * record changes where nothing is being written, read anew in a transaction that writes.
   */
  public Optional<Viewer> of(String username) {
    return kept.get(username, () -> read(username));
  }

  private Optional<Viewer> read(String username) {
    record Row(UUID id, String username, String party, boolean clearance, String roles) {}
    Optional<Row> account =
        jdbc.sql(
                "select id, username, party, clearance, roles from account"
                    + " where username = ? and enabled = true")
            .param(username)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getObject("id", UUID.class),
                        rs.getString("username"),
                        rs.getString("party"),
                        rs.getBoolean("clearance"),
                        rs.getString("roles")))
            .optional();
    if (account.isEmpty()) {
      return Optional.empty();
    }
    Row row = account.get();
    Set<Role> roles = Accounts.roles(row.roles());
    Map<UUID, Boolean> memberships = new java.util.LinkedHashMap<>();
    jdbc.sql(
            "select group_id, co_chair or approves as approves from membership"
                + " where account_id = ?")
        .param(row.id())
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs ->
                    memberships.put(
                        rs.getObject("group_id", UUID.class), rs.getBoolean("approves")));
    boolean coordinator = roles.contains(Role.COORDINATOR) && row.party() != null;
    // a coordinator may read every group open to their party; anyone else only the groups they are
    // a member of. A party-internal group is never read by the other party, whatever the role or
    // membership (finding 2 of issue 16: coordinators were given the other party's platforms).
    Map<UUID, GroupDirectory.Group> groups =
        (coordinator ? directory.groups() : directory.groups(memberships.keySet()))
            .stream()
                .collect(
                    Collectors.toMap(GroupDirectory.Group::id, Function.identity(), (a, b) -> a));
    Set<UUID> memberOf = new HashSet<>();
    Set<UUID> coChairOf = new HashSet<>();
    memberships.forEach(
        (group, coChair) -> {
          if (groups.containsKey(group) && groups.get(group).openTo(row.party())) {
            memberOf.add(group);
            if (coChair) {
              coChairOf.add(group);
            }
          }
        });
    Set<UUID> readable = new HashSet<>();
    for (GroupDirectory.Group group : groups.values()) {
      boolean entitled =
          (memberOf.contains(group.id()) || coordinator) && group.openTo(row.party());
      if (entitled && (!group.restricted() || row.clearance())) {
        readable.add(group.id());
      }
    }
    return Optional.of(
        new Viewer(
            row.username(),
            row.party(),
            row.clearance(),
            roles,
            readable,
            memberOf,
            coChairOf,
            false));
  }

  /** A caller that is not an account (the operator token): sees what the public sees. */
  private static Viewer systemViewer(String name) {
    return new Viewer(name, null, false, Set.of(), Set.of(), Set.of(), Set.of(), true);
  }

  /** The groups of every charter, for pages that offer them. */
  public List<GroupDirectory.Group> groups() {
    return directory.groups();
  }
}
