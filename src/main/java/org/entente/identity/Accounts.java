package org.entente.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.entente.audit.Audit;
import org.entente.audit.AuditEvent.Outcome;
import org.entente.shared.BadRequestException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The identity module's service: accounts and the one-time link that creates the first
 * administrator. There is no default account.
 */
@Service
@Transactional(readOnly = true)
public class Accounts {

  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,99}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Passwords passwords;
  private final Audit audit;

  private final GroupDirectory directory;
  private final GrantRefusals refusals;
  private final Viewers viewers;

  Accounts(
      JdbcClient jdbc,
      Clock clock,
      Passwords passwords,
      Audit audit,
      GroupDirectory directory,
      GrantRefusals refusals,
      Viewers viewers) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.passwords = passwords;
    this.audit = audit;
    this.directory = directory;
    this.refusals = refusals;
    this.viewers = viewers;
  }

  /**
   * Whether an actor manages an account: administrators all, coordinators and security officers
   * their party's (a security officer only its clearance).
   */
  private static boolean manages(Viewer actor, String party) {
    if (actor.has(Role.ADMINISTRATOR)) {
      return true;
    }
    return (actor.has(Role.COORDINATOR) || actor.has(Role.SECURITY_OFFICER))
        && actor.party() != null
        && actor.party().equals(party);
  }

  /**
   * An account as this viewer may see it: memberships of groups the viewer may not see are left
   * out, so that their names never show.
   */
  public static AccountView seenBy(
      AccountView account, Viewer viewer, List<GroupDirectory.Group> groups) {
    Set<UUID> visible =
        groups.stream()
            .filter(g -> Grants.sees(viewer, g))
            .map(GroupDirectory.Group::id)
            .collect(Collectors.toSet());
    List<MembershipView> shown =
        account.memberships().stream().filter(m -> visible.contains(m.group())).toList();
    if (shown.size() == account.memberships().size()) {
      return account;
    }
    return new AccountView(
        account.id(),
        account.username(),
        account.displayName(),
        account.party(),
        account.organization(),
        account.roles(),
        account.clearance(),
        account.enabled(),
        account.version(),
        shown,
        account.email());
  }

  /** The viewer's own account, showing only the memberships of groups the viewer may see. */
  public Optional<AccountView> own(Viewer viewer) {
    List<GroupDirectory.Group> groups = directory.groups();
    return find(viewer.username()).map(a -> seenBy(a, viewer, groups));
  }

  /** Every account the actor manages, by user name, as the actor may see it. */
  public List<AccountView> list(Viewer actor) {
    List<GroupDirectory.Group> groups = directory.groups();
    return list().stream()
        .filter(a -> manages(actor, a.party()))
        .map(a -> seenBy(a, actor, groups))
        .toList();
  }

  /**
   * An account the actor manages.
   *
   * @throws org.entente.shared.NotFoundException when there is none, or the actor does not manage
   *     it
   */
  public AccountView manage(String username, Viewer actor) {
    return find(username)
        .filter(a -> manages(actor, a.party()))
        .map(a -> seenBy(a, actor, directory.groups()))
        .orElseThrow(() -> new org.entente.shared.NotFoundException("account", username));
  }

  /**
   * Creates an account, for an administrator, or for a coordinator in their own party, giving only
   * what the actor may give (decision 0021). A refusal is recorded as a denied request.
   *
   * @throws org.entente.shared.ForbiddenException naming the field when the actor may not give a
   *     party, role, membership, co-chair seat or clearance
   * @throws BadRequestException naming the field when the input does not meet the rules
   */
  @Transactional
  public AccountView create(NewAccount account, Viewer actor) {
    String to = account.username();
    try {
      if (!Grants.managesDetails(actor, account.party())) {
        if (!actor.has(Role.COORDINATOR) || actor.party() == null) {
          throw new org.entente.shared.ForbiddenException(
              null, "only administrators and coordinators create accounts");
        }
        throw new org.entente.shared.ForbiddenException(
            "party", "a coordinator creates accounts of their own party (" + actor.party() + ")");
      }
      requireRoles(account.roles());
      for (Role role : account.roles()) {
        Grants.role(actor, role, account.party());
      }
      if (account.clearance()) {
        Grants.clearance(actor, account.party());
      }
      checkMemberships(actor, account.party(), List.of(), orNone(account.memberships()));
    } catch (org.entente.shared.ForbiddenException e) {
      refusals.record("account", to, e.field(), e.getMessage());
      throw e;
    } catch (BadRequestException e) {
      if ("memberships".equals(e.field())) {
        refusals.record("account", to, e.field(), e.getMessage());
      }
      throw e;
    }
    AccountView created = create(account);
    if (account.clearance()) {
      clearanceEvent(created, true, actor);
    }
    return seenBy(created, actor, directory.groups());
  }

  private static void requireRoles(Set<Role> roles) {
    if (roles == null || roles.isEmpty() || roles.stream().anyMatch(java.util.Objects::isNull)) {
      throw new BadRequestException("roles", "an account needs at least one role");
    }
  }

  private static List<MembershipInput> orNone(List<MembershipInput> given) {
    return given == null ? List.of() : given;
  }

  /**
   * Applies a change made against a version, for an administrator, a coordinator in their own
   * party, or a security officer of the person's party (clearance only), giving or taking away only
   * what the actor may (decision 0021). A refusal is recorded as a denied request.
   *
   * @throws org.entente.shared.NotFoundException when the actor does not manage the account
   * @throws org.entente.shared.ForbiddenException naming the field the actor may not change
   */
  @Transactional
  public AccountView update(String username, AccountChange change, Viewer actor) {
    AccountView current;
    try {
      current = manage(username, actor);
    } catch (org.entente.shared.NotFoundException e) {
      refusals.record("account", username, null, e.getMessage());
      throw e;
    }
    AccountView stored = find(username).orElseThrow();
    try {
      checkChange(stored, current, change, actor);
    } catch (org.entente.shared.ForbiddenException e) {
      refusals.record("account", stored.username(), e.field(), e.getMessage());
      throw e;
    } catch (BadRequestException e) {
      if ("memberships".equals(e.field())) {
        refusals.record("account", stored.username(), e.field(), e.getMessage());
      }
      throw e;
    }
    AccountChange applied = change;
    if (change.memberships() != null) {
      // memberships of groups the actor may not see stay as they are
      Set<UUID> shown =
          current.memberships().stream().map(MembershipView::group).collect(Collectors.toSet());
      List<MembershipInput> kept = new java.util.ArrayList<>(change.memberships());
      stored.memberships().stream()
          .filter(m -> !shown.contains(m.group()))
          .forEach(m -> kept.add(new MembershipInput(m.charter(), m.key(), m.coChair())));
      applied =
          new AccountChange(
              change.displayName(),
              change.organization(),
              change.party(),
              change.roles(),
              change.clearance(),
              change.enabled(),
              change.version(),
              kept,
              change.email());
    }
    AccountView after = update(username, applied);
    if (after.clearance() != stored.clearance()) {
      clearanceEvent(after, after.clearance(), actor);
    }
    return seenBy(after, actor, directory.groups());
  }

  /** Refuses any part of a change the actor may not make; changes nothing. */
  private void checkChange(
      AccountView stored, AccountView shown, AccountChange change, Viewer actor) {
    String party = change.party() == null ? stored.party() : blankToNull(change.party());
    boolean partyChanges = !java.util.Objects.equals(party, stored.party());
    Set<Role> roles = change.roles() == null ? stored.roles() : change.roles();
    if (change.roles() != null) {
      requireRoles(change.roles());
    }
    boolean clearanceChanges =
        change.clearance() != null && change.clearance() != stored.clearance();
    boolean enabledChanges = change.enabled() != null && change.enabled() != stored.enabled();
    boolean rolesChange = !roles.equals(stored.roles());
    List<MembershipInput> wanted = change.memberships();
    boolean membershipsChange = wanted != null && !sameMemberships(shown, wanted);
    boolean details =
        (change.displayName() != null && !change.displayName().strip().equals(stored.displayName()))
            || (change.organization() != null
                && !java.util.Objects.equals(
                    blankToNull(change.organization()), stored.organization()))
            || (change.email() != null
                && !java.util.Objects.equals(blankToNull(change.email()), stored.email()));
    if (partyChanges || rolesChange || clearanceChanges || enabledChanges || membershipsChange) {
      Grants.notOneself(
          actor,
          stored.username(),
          partyChanges
              ? "party"
              : rolesChange
                  ? "roles"
                  : clearanceChanges ? "clearance" : enabledChanges ? "enabled" : "memberships");
    }
    if (details || partyChanges || rolesChange || enabledChanges || membershipsChange) {
      if (!Grants.managesDetails(actor, stored.party())) {
        throw new org.entente.shared.ForbiddenException(
            null, "a security officer changes only an account's clearance");
      }
      if (!actor.has(Role.ADMINISTRATOR)
          && (stored.roles().contains(Role.ADMINISTRATOR)
              || stored.roles().contains(Role.COORDINATOR))) {
        throw new org.entente.shared.ForbiddenException(
            "roles", "only an administrator changes an administrator's or coordinator's account");
      }
      if (partyChanges && !actor.has(Role.ADMINISTRATOR)) {
        throw new org.entente.shared.ForbiddenException(
            "party", "a coordinator keeps accounts in their own party (" + actor.party() + ")");
      }
    }
    if (partyChanges && stored.clearance() && !(clearanceChanges && !change.clearance())) {
      throw new org.entente.shared.ForbiddenException(
          "party",
          "a cleared person keeps their party: a security officer of that party removes the"
              + " clearance first");
    }
    if (partyChanges && party != null && !party.matches("[A-Z]{2,3}")) {
      throw new BadRequestException("party", "a party is given by its key, such as AZ or US");
    }
    Set<Role> changed = EnumSet.noneOf(Role.class);
    roles.stream().filter(r -> !stored.roles().contains(r)).forEach(changed::add);
    stored.roles().stream().filter(r -> !roles.contains(r)).forEach(changed::add);
    for (Role role : changed) {
      Grants.role(actor, role, party);
    }
    if (clearanceChanges) {
      Grants.clearance(actor, stored.party());
      if (partyChanges) {
        throw new org.entente.shared.ForbiddenException(
            "clearance", "clearance and party are changed one at a time");
      }
    }
    if (membershipsChange) {
      checkMemberships(actor, party, shown.memberships(), wanted);
    }
    if (partyChanges) {
      // every membership the person keeps must stay open to their new party
      for (MembershipView m : stored.memberships()) {
        boolean kept =
            wanted == null
                || !shown.memberships().contains(m)
                || wanted.stream()
                    .anyMatch(
                        w ->
                            w != null
                                && m.charter().equals(w.charter())
                                && m.key().equals(w.group()));
        GroupDirectory.Group g =
            directory.groups().stream()
                .filter(x -> x.id().equals(m.group()))
                .findFirst()
                .orElse(null);
        if (kept && g != null && !g.openTo(party)) {
          throw new org.entente.shared.ForbiddenException(
              "party",
              "the person is a member of a group internal to their party: remove that membership"
                  + " first");
        }
      }
    }
  }

  /** Whether the memberships wanted are those shown, co-chair seats included. */
  private static boolean sameMemberships(AccountView shown, List<MembershipInput> wanted) {
    Set<String> before =
        shown.memberships().stream()
            .map(m -> m.charter() + "/" + m.key() + "/" + m.coChair())
            .collect(Collectors.toSet());
    Set<String> after = new java.util.HashSet<>();
    for (MembershipInput m : wanted) {
      if (m == null) {
        return false;
      }
      after.add(m.charter() + "/" + m.group() + "/" + m.chairs());
    }
    return before.equals(after);
  }

  /**
   * Refuses memberships and co-chair seats the actor may not give: each wanted one that is new, or
   * whose seat changes, is checked; one of a group the actor may not see is refused like an unknown
   * group. Removing one the actor may see is allowed.
   */
  private void checkMemberships(
      Viewer actor, String party, List<MembershipView> before, List<MembershipInput> wanted) {
    Map<String, GroupDirectory.Group> byKey = new java.util.HashMap<>();
    directory.groups().stream()
        .filter(g -> Grants.sees(actor, g))
        .forEach(g -> byKey.put(g.charter() + "/" + g.key(), g));
    for (MembershipInput m : wanted) {
      GroupDirectory.Group g = m == null ? null : byKey.get(m.charter() + "/" + m.group());
      if (g == null) {
        throw new BadRequestException(
            "memberships",
            "no working group or dialogue platform "
                + (m == null ? "null" : m.charter() + "/" + m.group()));
      }
      boolean same =
          before.stream().anyMatch(b -> b.group().equals(g.id()) && b.coChair() == m.chairs());
      if (!same) {
        Grants.membership(actor, g, party, m.chairs());
      }
    }
  }

  /** Records who gave or removed a clearance, and to whom. */
  private void clearanceEvent(AccountView account, boolean granted, Viewer by) {
    Map<String, Object> details = new java.util.LinkedHashMap<>();
    details.put("to", account.username());
    details.put("party", String.valueOf(account.party()));
    details.put("by", String.valueOf(by.username()));
    audit.record(
        granted ? "clearance.granted" : "clearance.removed",
        "account",
        account.id().toString(),
        Outcome.SUCCESS,
        details);
  }

  /** An account as others may see it: never its password hash. */
  public record AccountView(
      UUID id,
      String username,
      String displayName,
      String party,
      String organization,
      Set<Role> roles,
      boolean clearance,
      boolean enabled,
      long version,
      List<MembershipView> memberships,
      String email) {}

  /** A membership in a working group or dialogue platform, as shown. */
  public record MembershipView(
      UUID group,
      String charter,
      String key,
      GroupDirectory.Kind kind,
      String name,
      boolean restricted,
      boolean coChair) {}

  /**
   * A membership to give.
   *
   * @param charter the charter's key
   * @param group the working group's or dialogue platform's key
   * @param coChair whether the person co-chairs it for their party
   */
  public record MembershipInput(String charter, String group, Boolean coChair) {

    public MembershipInput(String charter, String group, boolean coChair) {
      this(charter, group, Boolean.valueOf(coChair));
    }

    /** Whether the person co-chairs the group; not given means no. */
    public boolean chairs() {
      return Boolean.TRUE.equals(coChair);
    }
  }

  /** What it takes to create an account. */
  public record NewAccount(
      String username,
      String displayName,
      String party,
      String organization,
      Set<Role> roles,
      boolean clearance,
      String password,
      List<MembershipInput> memberships,
      String email) {

    public NewAccount(
        String username,
        String displayName,
        String party,
        String organization,
        Set<Role> roles,
        boolean clearance,
        String password,
        List<MembershipInput> memberships) {
      this(
          username,
          displayName,
          party,
          organization,
          roles,
          clearance,
          password,
          memberships,
          null);
    }

    public NewAccount(
        String username,
        String displayName,
        String party,
        String organization,
        Set<Role> roles,
        boolean clearance,
        String password) {
      this(username, displayName, party, organization, roles, clearance, password, List.of());
    }
  }

  public long count() {
    return jdbc.sql("select count(*) from account").query(Long.class).single();
  }

  /**
   * Whether an organization is known to the partnership: one that an enabled account belongs to
   * (compared without regard to case or surrounding spaces). Never lists them.
   */
  public boolean knowsOrganization(String organization) {
    if (organization == null || organization.isBlank()) {
      return false;
    }
    return jdbc.sql(
                "select count(*) from account where enabled = true"
                    + " and lower(trim(organization)) = ?")
            .param(organization.strip().toLowerCase(java.util.Locale.ROOT))
            .query(Long.class)
            .single()
        > 0;
  }

  public Optional<AccountView> find(String username) {
    Map<UUID, List<MembershipView>> memberships = memberships(normalize(username));
    return jdbc.sql("select * from account where username = ?")
        .param(normalize(username))
        .query(
            (rs, n) ->
                view(rs, memberships.getOrDefault(rs.getObject("id", UUID.class), List.of())))
        .optional();
  }

  /** Memberships by account: of one account, or of all when the user name is null. */
  private Map<UUID, List<MembershipView>> memberships(String username) {
    Map<UUID, GroupDirectory.Group> groups = new java.util.HashMap<>();
    directory.groups().forEach(g -> groups.put(g.id(), g));
    Map<UUID, List<MembershipView>> result = new java.util.HashMap<>();
    var statement =
        username == null
            ? jdbc.sql(
                "select m.account_id, m.group_id, m.co_chair from membership m"
                    + " order by m.created_at")
            : jdbc.sql(
                    "select m.account_id, m.group_id, m.co_chair from membership m join account a"
                        + " on a.id = m.account_id where a.username = ? order by m.created_at")
                .param(username);
    statement.query(
        (org.springframework.jdbc.core.RowCallbackHandler)
            rs -> {
              GroupDirectory.Group g = groups.get(rs.getObject("group_id", UUID.class));
              if (g != null) {
                result
                    .computeIfAbsent(
                        rs.getObject("account_id", UUID.class), k -> new java.util.ArrayList<>())
                    .add(
                        new MembershipView(
                            g.id(),
                            g.charter(),
                            g.key(),
                            g.kind(),
                            g.name(),
                            g.restricted(),
                            rs.getBoolean("co_chair")));
              }
            });
    return result;
  }

  /**
   * The groups the account form offers this actor: those they may give a membership of, and those
   * they may see that the account already belongs to (so that it can be kept or removed).
   */
  List<GroupDirectory.Group> groups(Viewer actor, AccountView account) {
    Set<UUID> held =
        account == null
            ? Set.of()
            : account.memberships().stream().map(MembershipView::group).collect(Collectors.toSet());
    return directory.groups().stream()
        .filter(g -> Grants.mayOffer(actor, g) || (held.contains(g.id()) && Grants.sees(actor, g)))
        .toList();
  }

  /** Replaces an account's memberships; unknown groups are refused by name. */
  private void replaceMemberships(UUID accountId, List<MembershipInput> memberships) {
    Map<String, GroupDirectory.Group> byKey = new java.util.HashMap<>();
    directory.groups().forEach(g -> byKey.put(g.charter() + "/" + g.key(), g));
    Map<UUID, MembershipInput> wanted = new java.util.LinkedHashMap<>();
    for (MembershipInput m : memberships) {
      GroupDirectory.Group g = m == null ? null : byKey.get(m.charter() + "/" + m.group());
      if (g == null) {
        throw new BadRequestException(
            "memberships",
            "no working group or dialogue platform "
                + (m == null ? "null" : m.charter() + "/" + m.group()));
      }
      wanted.put(g.id(), m);
    }
    // a co-chair's delegation stays with a membership that stays
    java.util.Set<UUID> delegated = new java.util.HashSet<>();
    jdbc.sql("select group_id from membership where account_id = ? and approves = true")
        .param(accountId)
        .query(UUID.class)
        .list()
        .forEach(delegated::add);
    jdbc.sql("delete from membership where account_id = ?").param(accountId).update();
    OffsetDateTime now = now();
    for (Map.Entry<UUID, MembershipInput> e : wanted.entrySet()) {
      jdbc.sql(
              "insert into membership (account_id, group_id, group_kind, co_chair, approves,"
                  + " created_at) values (?, ?, ?, ?, ?, ?)")
          .params(
              accountId,
              e.getKey(),
              byKey.get(e.getValue().charter() + "/" + e.getValue().group()).kind().name(),
              e.getValue().chairs(),
              delegated.contains(e.getKey()) && !e.getValue().chairs(),
              now)
          .update();
    }
  }

  /**
   * A co-chair of a group delegates the approval for their party to a member of the group of the
   * same party, or takes it back.
   *
   * @throws org.entente.shared.NotFoundException when there is no such group or member
   * @throws org.entente.shared.ForbiddenException when the actor is not a co-chair of the group, or
   *     the member is of another party
   */
  @Transactional
  public void delegate(
      String charterKey, String groupKey, String username, boolean approves, Viewer actor) {
    try {
      delegateChecked(charterKey, groupKey, username, approves, actor);
    } catch (org.entente.shared.ForbiddenException e) {
      refusals.record("delegation", username, e.field(), e.getMessage());
      throw e;
    } catch (org.entente.shared.NotFoundException e) {
      refusals.record("delegation", username, null, e.getMessage());
      throw e;
    }
  }

  private void delegateChecked(
      String charterKey, String groupKey, String username, boolean approves, Viewer actor) {
    GroupDirectory.Group group =
        directory.groups().stream()
            .filter(g -> g.charter().equals(charterKey) && g.key().equals(groupKey))
            .findFirst()
            .orElseThrow(() -> new org.entente.shared.NotFoundException("working group", groupKey));
    if (!actor.groups().contains(group.id())) {
      throw new org.entente.shared.NotFoundException("working group", groupKey);
    }
    boolean chair =
        actor.party() != null
            && jdbc.sql(
                        "select count(*) from membership m join account a on a.id = m.account_id"
                            + " where a.username = ? and m.group_id = ? and m.co_chair = true")
                    .params(actor.username(), group.id())
                    .query(Long.class)
                    .single()
                > 0;
    if (!chair) {
      throw new org.entente.shared.ForbiddenException(
          null, "only a co-chair of the group delegates the approval for their party");
    }
    AccountView member =
        find(username)
            .filter(a -> a.memberships().stream().anyMatch(m -> m.group().equals(group.id())))
            .orElseThrow(() -> new org.entente.shared.NotFoundException("member", username));
    if (!actor.party().equals(member.party())) {
      throw new org.entente.shared.ForbiddenException(
          "party",
          "a co-chair delegates only to a member of their own party (" + actor.party() + ")");
    }
    if (approves
        && !viewers.of(member.username()).map(v -> v.groups().contains(group.id())).orElse(false)) {
      throw new org.entente.shared.ForbiddenException(
          "username",
          "a co-chair delegates only to a member who may read the group's records (a restricted"
              + " group: a cleared member)");
    }
    jdbc.sql("update membership set approves = ? where account_id = ? and group_id = ?")
        .params(approves, member.id(), group.id())
        .update();
    audit.record(
        approves ? "membership.delegated" : "membership.undelegated",
        "account",
        member.id().toString(),
        Outcome.SUCCESS,
        Map.of(
            "group", charterKey + "/" + groupKey, "party", actor.party(), "by", actor.username()));
  }

  private static String membershipText(List<MembershipView> memberships) {
    return memberships.stream()
        .map(m -> m.charter() + "/" + m.key() + (m.coChair() ? " (co-chair)" : ""))
        .sorted()
        .collect(Collectors.joining(", "));
  }

  private static AccountView view(java.sql.ResultSet rs) throws java.sql.SQLException {
    return view(rs, List.of());
  }

  private static AccountView view(java.sql.ResultSet rs, List<MembershipView> memberships)
      throws java.sql.SQLException {
    return new AccountView(
        rs.getObject("id", UUID.class),
        rs.getString("username"),
        rs.getString("display_name"),
        rs.getString("party"),
        rs.getString("organization"),
        roles(rs.getString("roles")),
        rs.getBoolean("clearance"),
        rs.getBoolean("enabled"),
        rs.getLong("version"),
        memberships,
        rs.getString("email"));
  }

  /** Every account, by user name. */
  public List<AccountView> list() {
    Map<UUID, List<MembershipView>> memberships = memberships(null);
    return jdbc.sql("select * from account order by username")
        .query(
            (rs, n) ->
                view(rs, memberships.getOrDefault(rs.getObject("id", UUID.class), List.of())))
        .list();
  }

  /**
   * Creates an account, for an administrator.
   *
   * @throws BadRequestException naming the field when the input does not meet the rules
   */
  @Transactional
  public AccountView create(NewAccount account) {
    requireRoles(account.roles());
    AccountView created = insert(account);
    if (account.memberships() != null && !account.memberships().isEmpty()) {
      replaceMemberships(created.id(), account.memberships());
      created = find(created.username()).orElseThrow();
    }
    audit.record(
        "account.created",
        "account",
        created.id().toString(),
        Outcome.SUCCESS,
        Map.of(
            "username", created.username(),
            "roles", created.roles().toString(),
            "party", String.valueOf(created.party()),
            "clearance", created.clearance(),
            "memberships", membershipText(created.memberships())));
    return created;
  }

  /**
   * Changes to an account; null fields stay as they are.
   *
   * @param version the version the change was made against
   * @param email the address reminders are sent to; empty removes it
   */
  public record AccountChange(
      String displayName,
      String organization,
      String party,
      Set<Role> roles,
      Boolean clearance,
      Boolean enabled,
      Long version,
      List<MembershipInput> memberships,
      String email) {

    public AccountChange(
        String displayName,
        String organization,
        String party,
        Set<Role> roles,
        Boolean clearance,
        Boolean enabled,
        Long version,
        List<MembershipInput> memberships) {
      this(displayName, organization, party, roles, clearance, enabled, version, memberships, null);
    }

    public AccountChange(
        String displayName,
        String organization,
        String party,
        Set<Role> roles,
        Boolean clearance,
        Boolean enabled,
        Long version) {
      this(displayName, organization, party, roles, clearance, enabled, version, null);
    }
  }

  /**
   * Applies a change made against a version.
   *
   * @throws org.entente.shared.ConflictException when the account changed since that version
   */
  @Transactional
  public AccountView update(String username, AccountChange change) {
    AccountView current =
        find(username)
            .orElseThrow(() -> new org.entente.shared.NotFoundException("account", username));
    if (change.version() == null) {
      throw new BadRequestException(
          "version", "the version the change was made against is required");
    }
    if (change.version() != current.version()) {
      throw new org.entente.shared.ConflictException("account", current.version());
    }
    String displayName =
        change.displayName() == null ? current.displayName() : change.displayName().strip();
    if (displayName.isEmpty() || displayName.length() > 200) {
      throw new BadRequestException("displayName", "a display name has 1 to 200 characters");
    }
    String party = change.party() == null ? current.party() : blankToNull(change.party());
    if (party != null && !party.matches("[A-Z]{2,3}")) {
      throw new BadRequestException("party", "a party is given by its key, such as AZ or US");
    }
    String organization =
        change.organization() == null ? current.organization() : blankToNull(change.organization());
    if (organization != null && organization.length() > 300) {
      throw new BadRequestException("organization", "an organization has at most 300 characters");
    }
    Set<Role> roles = change.roles() == null ? current.roles() : change.roles();
    requireRoles(roles);
    String email = change.email() == null ? current.email() : email(change.email());
    int updated =
        jdbc.sql(
                "update account set display_name = ?, organization = ?, party = ?, roles = ?,"
                    + " clearance = ?, enabled = ?, email = ?, version = version + 1,"
                    + " updated_at = ? where id = ? and version = ?")
            .params(
                displayName,
                organization,
                party,
                roles.stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                change.clearance() == null ? current.clearance() : change.clearance(),
                change.enabled() == null ? current.enabled() : change.enabled(),
                email,
                now(),
                current.id(),
                current.version())
            .update();
    if (updated == 0) {
      throw new org.entente.shared.ConflictException(
          "account", find(username).orElseThrow().version());
    }
    if (change.memberships() != null) {
      replaceMemberships(current.id(), change.memberships());
    }
    AccountView after = find(username).orElseThrow();
    Map<String, Object> details = new java.util.LinkedHashMap<>();
    details.put("username", after.username());
    if (!after.roles().equals(current.roles())) {
      details.put("roles", current.roles() + " -> " + after.roles());
    }
    if (after.clearance() != current.clearance()) {
      details.put("clearance", after.clearance());
    }
    if (after.enabled() != current.enabled()) {
      details.put("enabled", after.enabled());
    }
    if (!java.util.Objects.equals(after.email(), current.email())) {
      // whether it changed, not the address: the trail keeps no more personal data than it needs
      details.put("email", after.email() == null ? "removed" : "changed");
    }
    if (!java.util.Objects.equals(after.party(), current.party())) {
      details.put("party", String.valueOf(after.party()));
    }
    if (!membershipText(after.memberships()).equals(membershipText(current.memberships()))) {
      details.put(
          "memberships",
          membershipText(current.memberships()) + " -> " + membershipText(after.memberships()));
    }
    audit.record("account.updated", "account", after.id().toString(), Outcome.SUCCESS, details);
    return after;
  }

  /**
   * Gives an account a new password: for sample accounts whose passwords are made anew at each
   * start (the demo profile). Audited; the password itself never is.
   *
   * @throws org.entente.shared.NotFoundException when there is no such account
   * @throws BadRequestException when the password does not meet the rules
   */
  @Transactional
  public void resetPassword(String username, String password) {
    AccountView account =
        find(username)
            .orElseThrow(() -> new org.entente.shared.NotFoundException("account", username));
    Passwords.check("password", password, account.username());
    jdbc.sql(
            "update account set password_hash = ?, version = version + 1, updated_at = ?"
                + " where id = ?")
        .params(passwords.encode(password), now(), account.id())
        .update();
    audit.record(
        "account.password-reset",
        "account",
        account.id().toString(),
        Outcome.SUCCESS,
        Map.of("username", account.username()));
  }

  /**
   * Makes a new one-time setup token while no account exists, replacing any earlier one.
   *
   * @return the token, to be shown once; empty when an account already exists
   */
  @Transactional
  public Optional<String> issueSetupToken() {
    if (count() > 0) {
      return Optional.empty();
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = HexFormat.of().formatHex(bytes);
    OffsetDateTime now = now();
    // Replaces the one row in place. Nodes started together on an empty database each issue a
    // token at the same moment: a delete and insert would let one of them fail to start on a
    // duplicate key; here the later one waits for the earlier one's row and overwrites it (only
    // the link printed last works).
    String hash = sha256(token);
    String replace =
        "update setup_token set token_hash = ?, created_at = ?, used_at = null where id = 1";
    if (jdbc.sql(replace).params(hash, now).update() == 0
        && jdbc.sql(
                    "insert into setup_token (id, token_hash, created_at) values (1, ?, ?)"
                        + " on conflict do nothing")
                .params(hash, now)
                .update()
            == 0) {
      jdbc.sql(replace).params(hash, now).update();
    }
    return Optional.of(token);
  }

  /** Whether a setup token is the current, unused one while no account exists. */
  public boolean isValidSetupToken(String token) {
    if (token == null || token.isBlank() || count() > 0) {
      return false;
    }
    return jdbc.sql("select token_hash from setup_token where id = 1 and used_at is null")
        .query(String.class)
        .optional()
        .map(
            hash ->
                MessageDigest.isEqual(
                    hash.getBytes(StandardCharsets.US_ASCII),
                    sha256(token).getBytes(StandardCharsets.US_ASCII)))
        .orElse(false);
  }

  /**
   * Creates the first administrator with the one-time setup token, and uses the token up.
   *
   * @throws BadRequestException naming the field when the input does not meet the rules
   * @throws SetupClosedException when the token is wrong, used, or an account already exists
   */
  @Transactional
  public AccountView createFirstAdministrator(String token, NewAccount account) {
    jdbc.sql("select id from setup_token where id = 1 for update").query(Integer.class).optional();
    if (!isValidSetupToken(token)) {
      throw new SetupClosedException();
    }
    AccountView created =
        insert(
            new NewAccount(
                account.username(),
                account.displayName(),
                account.party(),
                account.organization(),
                EnumSet.of(Role.ADMINISTRATOR),
                false,
                account.password()));
    jdbc.sql("update setup_token set used_at = ? where id = 1").param(now()).update();
    audit.append(
        created.username(),
        created.party(),
        "account.created",
        "account",
        created.id().toString(),
        Outcome.SUCCESS,
        null,
        Map.of("roles", "ADMINISTRATOR", "via", "setup link"));
    return created;
  }

  private AccountView insert(NewAccount account) {
    String username = normalize(account.username());
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw new BadRequestException(
          "username",
          "a user name has 3 to 100 lowercase letters, digits, dots, hyphens or underscores");
    }
    String displayName = account.displayName() == null ? "" : account.displayName().strip();
    if (displayName.isEmpty() || displayName.length() > 200) {
      throw new BadRequestException("displayName", "a display name has 1 to 200 characters");
    }
    if (account.party() != null && !account.party().matches("[A-Z]{2,3}")) {
      throw new BadRequestException("party", "a party is given by its key, such as AZ or US");
    }
    if (account.organization() != null && account.organization().length() > 300) {
      throw new BadRequestException("organization", "an organization has at most 300 characters");
    }
    Passwords.check("password", account.password(), username);
    String email = account.email() == null ? null : email(account.email());
    if (find(username).isPresent()) {
      throw new BadRequestException("username", "the user name '" + username + "' is taken");
    }
    UUID id = UUID.randomUUID();
    OffsetDateTime now = now();
    jdbc.sql(
            "insert into account (id, username, display_name, party, organization, password_hash,"
                + " roles, clearance, email, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            username,
            displayName,
            account.party(),
            blankToNull(account.organization()),
            passwords.encode(account.password()),
            account.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
            account.clearance(),
            email,
            now,
            now)
        .update();
    return find(username).orElseThrow();
  }

  private static final java.util.regex.Pattern EMAIL =
      java.util.regex.Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

  /** An e-mail address as given, stripped; null for a blank one. */
  private static String email(String given) {
    String email = blankToNull(given);
    if (email != null && (email.length() > 320 || !EMAIL.matcher(email).matches())) {
      throw new BadRequestException("email", "an e-mail address looks like name@example.org");
    }
    return email;
  }

  /** The roles and state of an account now, read on every request so that changes apply at once. */
  Optional<StoredLogin> current(String username) {
    return login(username);
  }

  /** The stored form of an account for login; package-private, never leaves the module. */
  Optional<StoredLogin> login(String username) {
    return jdbc.sql(
            "select username, password_hash, roles, enabled, party from account"
                + " where username = ?")
        .param(normalize(username))
        .query(
            (rs, n) ->
                new StoredLogin(
                    rs.getString("username"),
                    rs.getString("password_hash"),
                    roles(rs.getString("roles")),
                    rs.getBoolean("enabled"),
                    rs.getString("party")))
        .optional();
  }

  record StoredLogin(
      String username, String passwordHash, Set<Role> roles, boolean enabled, String party) {

    /** What Spring Security knows of the account: its roles, and its party for the audit. */
    List<org.springframework.security.core.authority.SimpleGrantedAuthority> authorities() {
      List<org.springframework.security.core.authority.SimpleGrantedAuthority> authorities =
          new java.util.ArrayList<>();
      roles.forEach(
          r ->
              authorities.add(
                  new org.springframework.security.core.authority.SimpleGrantedAuthority(
                      "ROLE_" + r.name())));
      if (party != null) {
        authorities.add(
            new org.springframework.security.core.authority.SimpleGrantedAuthority(
                Audit.PARTY_AUTHORITY + party));
      }
      return authorities;
    }
  }

  /** The one-time setup token is wrong, used, or no longer needed. */
  public static class SetupClosedException extends RuntimeException {
    SetupClosedException() {
      super("the setup link is not valid");
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  static Set<Role> roles(String text) {
    if (text == null || text.isBlank()) {
      return EnumSet.noneOf(Role.class);
    }
    List<Role> list = Arrays.stream(text.split(",")).map(Role::valueOf).toList();
    return EnumSet.copyOf(list);
  }

  private static String normalize(String username) {
    return username == null ? null : username.strip().toLowerCase(java.util.Locale.ROOT);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
