package org.entente.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.audit.Audit;
import org.entente.charter.Charters;
import org.entente.definition.DefinitionFixtures;
import org.entente.definition.Definitions;
import org.entente.identity.AccessTokens.Scope;
import org.entente.identity.Accounts.MembershipInput;
import org.entente.shared.CharterKey;
import org.entente.shared.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The people and groups the grant tests work with (decision 0021): two parties (FD and SY) of a
 * charter with a public group, a restricted group and a dialogue platform internal to FD, whose
 * name is a canary; one person of each role; and people to give things to.
 */
final class GrantWorld {

  static final String PASSWORD = "correct horse battery";
  static final String CHARTER = "fd-sy-2025";
  static final String PUBLIC_GROUP = "river-commission";
  static final String RESTRICTED_GROUP = "border-security";
  static final String INTERNAL_PLATFORM = "fd-backchannel";
  static final String PLATFORM_CANARY = "CANARY-FD-PLATFORM-7f3a";

  final MockMvc mvc;
  final Accounts accounts;
  final AccessTokens tokens;
  final JdbcClient jdbc;
  final Audit audit;

  /** Write tokens by user name. */
  final Map<String, String> token = new LinkedHashMap<>();

  GrantWorld(MockMvc mvc, Accounts accounts, AccessTokens tokens, JdbcClient jdbc, Audit audit) {
    this.mvc = mvc;
    this.accounts = accounts;
    this.tokens = tokens;
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** Loads the charter, makes the people and FD's internal platform. */
  void build(Definitions definitions, Charters charters, Viewers viewers) {
    String text =
        DefinitionFixtures.freedoniaSylvania()
            .replace(
                "working-groups:\n",
                """
                working-groups:
                  - key: border-security
                    name: Border security group
                    areas: [water]
                    co-chairs: { FD: Minister of Defence, SY: Minister of Defence }
                    restricted: true
                """);
    assertThat(definitions.load("fs-grants.yaml", text).loaded()).isTrue();
    accounts.createFirstAdministrator(
        accounts.issueSetupToken().orElseThrow(),
        new Accounts.NewAccount(
            "admin",
            "Admin",
            null,
            "Secretariat",
            EnumSet.of(Role.ADMINISTRATOR),
            false,
            PASSWORD));
    token.put("admin", tokens.create("admin", "t", Scope.WRITE, 30).secret());
    person("fd.coord", "FD", Set.of(Role.COORDINATOR), false);
    person("sy.coord", "SY", Set.of(Role.COORDINATOR), false);
    person("fd.security", "FD", Set.of(Role.SECURITY_OFFICER), false);
    person("fd.chair", "FD", Set.of(Role.CO_CHAIR), false, chair(PUBLIC_GROUP));
    person("fd.member", "FD", Set.of(Role.MEMBER), false, member(PUBLIC_GROUP));
    person("fd.observer", "FD", Set.of(Role.OBSERVER), false, member(PUBLIC_GROUP));
    person("company", null, Set.of(Role.CONTRIBUTOR), false, member(PUBLIC_GROUP));
    person("fd.target", "FD", Set.of(Role.MEMBER), false, member(PUBLIC_GROUP));
    person("sy.member", "SY", Set.of(Role.MEMBER), false, member(PUBLIC_GROUP));
    charters.establishPlatform(
        CharterKey.of(CHARTER),
        INTERNAL_PLATFORM,
        java.util.Map.of("en", "Back channel " + PLATFORM_CANARY),
        java.util.Map.of("en", "Our side only"),
        "party-internal",
        viewers.of("fd.member").orElseThrow());
  }

  static MembershipInput member(String group) {
    return new MembershipInput(CHARTER, group, false);
  }

  static MembershipInput chair(String group) {
    return new MembershipInput(CHARTER, group, true);
  }

  void person(
      String username, String party, Set<Role> roles, boolean cleared, MembershipInput... groups) {
    accounts.create(
        new Accounts.NewAccount(
            username,
            username,
            party,
            "Organization of " + username,
            EnumSet.copyOf(roles),
            cleared,
            PASSWORD,
            List.of(groups)));
    token.put(username, tokens.create(username, "t", Scope.WRITE, 30).secret());
  }

  /** Everything a grant could change: accounts, memberships, calendar subscriptions. */
  String snapshot() {
    List<String> rows = new ArrayList<>();
    rows.addAll(
        jdbc.sql(
                "select username, party, roles, clearance, enabled, display_name, organization,"
                    + " email, version from account order by username")
            .query((rs, n) -> row(rs))
            .list());
    rows.addAll(
        jdbc.sql(
                "select a.username, m.group_id, m.co_chair, m.approves from membership m"
                    + " join account a on a.id = m.account_id order by 1, 2")
            .query((rs, n) -> row(rs))
            .list());
    rows.addAll(
        jdbc.sql(
                "select username, kind, group_id, revoked_at from calendar_feed"
                    + " order by username, created_at")
            .query((rs, n) -> row(rs))
            .list());
    return String.join("\n", rows);
  }

  private static String row(java.sql.ResultSet rs) throws java.sql.SQLException {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
      b.append(rs.getString(i)).append('|');
    }
    return b.toString();
  }

  long head() {
    return audit.head().seq();
  }

  /**
   * Whether a denied request was recorded after this sequence number: a route refused by its access
   * rule ({@code request.denied}) or a grant refused by the service ({@code grant.denied}).
   */
  boolean deniedSince(long seq) {
    return audit.events(null, null, null, new Paging(0, 50)).items().stream()
        .anyMatch(e -> e.seq() > seq && e.outcome() == org.entente.audit.AuditEvent.Outcome.DENIED);
  }

  Cookie login(String username) throws Exception {
    return mvc.perform(
            post("/login").param("username", username).param("password", PASSWORD).with(csrf()))
        .andReturn()
        .getResponse()
        .getCookie("SESSION");
  }
}
