package org.entente.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.entente.identity.Accounts.AccountView;
import org.entente.identity.Accounts.MembershipView;
import org.entente.identity.Accounts.StoredLogin;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of accounts, their memberships and the one-time setup token: tables {@code account},
 * {@code membership} and {@code setup_token}. No rules here: {@link Accounts} checks before it
 * writes.
 */
@Repository
class AccountStore {

  private final JdbcClient jdbc;
  private final GroupDirectory directory;

  AccountStore(JdbcClient jdbc, GroupDirectory directory) {
    this.jdbc = jdbc;
    this.directory = directory;
  }

  long count() {
    return jdbc.sql("select count(*) from account").query(Long.class).single();
  }

  /** Whether an enabled account belongs to the organization, given stripped and lowercase. */
  boolean knowsOrganization(String organization) {
    return jdbc.sql(
                "select count(*) from account where enabled = true"
                    + " and lower(trim(organization)) = ?")
            .param(organization)
            .query(Long.class)
            .single()
        > 0;
  }

  Optional<AccountView> find(String username) {
    return find(username, memberships(username));
  }

  /** The account with its memberships left out: one statement. */
  Optional<AccountView> withoutMemberships(String username) {
    return find(username, Map.of());
  }

  private Optional<AccountView> find(String username, Map<UUID, List<MembershipView>> memberships) {
    return jdbc.sql("select * from account where username = ?")
        .param(username)
        .query(
            (rs, n) ->
                view(rs, memberships.getOrDefault(rs.getObject("id", UUID.class), List.of())))
        .optional();
  }

  List<String> enabledUsernames() {
    return jdbc.sql("select username from account where enabled = true order by username")
        .query(String.class)
        .list();
  }

  /** Every account, by user name. */
  List<AccountView> list() {
    Map<UUID, List<MembershipView>> memberships = memberships(null);
    return jdbc.sql("select * from account order by username")
        .query(
            (rs, n) ->
                view(rs, memberships.getOrDefault(rs.getObject("id", UUID.class), List.of())))
        .list();
  }

  /** Memberships by account: of one account, or of all when the user name is null. */
  private Map<UUID, List<MembershipView>> memberships(String username) {
    Map<UUID, GroupDirectory.Group> groups = new HashMap<>();
    directory.groups().forEach(g -> groups.put(g.id(), g));
    Map<UUID, List<MembershipView>> result = new HashMap<>();
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
        (RowCallbackHandler)
            rs -> {
              GroupDirectory.Group g = groups.get(rs.getObject("group_id", UUID.class));
              if (g != null) {
                result
                    .computeIfAbsent(rs.getObject("account_id", UUID.class), k -> new ArrayList<>())
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

  private static AccountView view(ResultSet rs, List<MembershipView> memberships)
      throws SQLException {
    return new AccountView(
        rs.getObject("id", UUID.class),
        rs.getString("username"),
        rs.getString("display_name"),
        rs.getString("party"),
        rs.getString("organization"),
        AccountRules.roles(rs.getString("roles")),
        rs.getBoolean("clearance"),
        rs.getBoolean("enabled"),
        rs.getLong("version"),
        memberships,
        rs.getString("email"));
  }

  /** A membership to store: the group, its kind and whether the person co-chairs it. */
  record Membership(UUID group, GroupDirectory.Kind kind, boolean coChair) {}

  /**
   * Replaces an account's memberships. A co-chair's delegation stays with a membership that stays
   * (and is not itself a co-chair's).
   */
  void replaceMemberships(UUID accountId, List<Membership> memberships, OffsetDateTime now) {
    Set<UUID> delegated = new HashSet<>();
    jdbc.sql("select group_id from membership where account_id = ? and approves = true")
        .param(accountId)
        .query(UUID.class)
        .list()
        .forEach(delegated::add);
    jdbc.sql("delete from membership where account_id = ?").param(accountId).update();
    for (Membership m : memberships) {
      jdbc.sql(
              "insert into membership (account_id, group_id, group_kind, co_chair, approves,"
                  + " created_at) values (?, ?, ?, ?, ?, ?)")
          .params(
              accountId,
              m.group(),
              m.kind().name(),
              m.coChair(),
              delegated.contains(m.group()) && !m.coChair(),
              now)
          .update();
    }
  }

  /** Whether the person co-chairs the group. */
  boolean coChairs(String username, UUID group) {
    return jdbc.sql(
                "select count(*) from membership m join account a on a.id = m.account_id"
                    + " where a.username = ? and m.group_id = ? and m.co_chair = true")
            .params(username, group)
            .query(Long.class)
            .single()
        > 0;
  }

  /** A member of a group of one party who does not co-chair it, and whether they approve. */
  record PartyMember(String username, String displayName, boolean approves) {}

  /** The enabled members of the group of the party who do not co-chair it, by user name. */
  List<PartyMember> partyMembers(UUID group, String party) {
    return jdbc.sql(
            "select a.username, a.display_name, m.approves from membership m join account a"
                + " on a.id = m.account_id where m.group_id = ? and a.party = ?"
                + " and m.co_chair = false and a.enabled = true order by a.username")
        .params(group, party)
        .query(
            (rs, n) ->
                new PartyMember(
                    rs.getString("username"),
                    rs.getString("display_name"),
                    rs.getBoolean("approves")))
        .list();
  }

  /** Gives or takes back the approval for a party delegated to a member of the group. */
  void approves(UUID accountId, UUID group, boolean approves) {
    jdbc.sql("update membership set approves = ? where account_id = ? and group_id = ?")
        .params(approves, accountId, group)
        .update();
  }

  void insert(
      UUID id,
      String username,
      AccountRules.Fields fields,
      String passwordHash,
      OffsetDateTime now) {
    jdbc.sql(
            "insert into account (id, username, display_name, party, organization, password_hash,"
                + " roles, clearance, email, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            username,
            fields.displayName(),
            fields.party(),
            fields.organization(),
            passwordHash,
            fields.rolesText(),
            fields.clearance(),
            fields.email(),
            now,
            now)
        .update();
  }

  /** Stores the fields over the version read; false when the account changed since. */
  boolean update(AccountView current, AccountRules.Fields fields, OffsetDateTime now) {
    return jdbc.sql(
                "update account set display_name = ?, organization = ?, party = ?, roles = ?,"
                    + " clearance = ?, enabled = ?, email = ?, version = version + 1,"
                    + " updated_at = ? where id = ? and version = ?")
            .params(
                fields.displayName(),
                fields.organization(),
                fields.party(),
                fields.rolesText(),
                fields.clearance(),
                fields.enabled(),
                fields.email(),
                now,
                current.id(),
                current.version())
            .update()
        > 0;
  }

  void password(UUID accountId, String passwordHash, OffsetDateTime now) {
    jdbc.sql(
            "update account set password_hash = ?, version = version + 1, updated_at = ?"
                + " where id = ?")
        .params(passwordHash, now, accountId)
        .update();
  }

  /** The stored form of an account for login. */
  Optional<StoredLogin> login(String username) {
    return jdbc.sql(
            "select username, password_hash, roles, enabled, party from account"
                + " where username = ?")
        .param(username)
        .query(
            (rs, n) ->
                new StoredLogin(
                    rs.getString("username"),
                    rs.getString("password_hash"),
                    AccountRules.roles(rs.getString("roles")),
                    rs.getBoolean("enabled"),
                    rs.getString("party")))
        .optional();
  }

  /**
   * Replaces the one setup token row in place. Nodes started together on an empty database each
   * issue a token at the same moment: a delete and insert would let one of them fail to start on a
   * duplicate key; here the later one waits for the earlier one's row and overwrites it (only the
   * link printed last works).
   */
  void setupToken(String hash, OffsetDateTime now) {
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
  }

  /** The hash of the unused setup token, if there is one. */
  Optional<String> unusedSetupToken() {
    return jdbc.sql("select token_hash from setup_token where id = 1 and used_at is null")
        .query(String.class)
        .optional();
  }

  /** Locks the setup token's row until the transaction ends. */
  void lockSetupToken() {
    jdbc.sql("select id from setup_token where id = 1 for update").query(Integer.class).optional();
  }

  void useSetupToken(OffsetDateTime now) {
    jdbc.sql("update setup_token set used_at = ? where id = 1").param(now).update();
  }
}
