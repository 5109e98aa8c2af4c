package org.entente.identity;

import java.util.List;
import org.springframework.http.HttpMethod;

/**
 * Who may call which route, kept as data: the first level of the access matrix (role and token
 * scope per route). The security chains are built from this list in order, and end in deny-all;
 * {@code RouteCoverageTest} fails when a handler mapping has no rule here, and {@code
 * AccessMatrixTest} calls every rule as every kind of caller. The second level, which record a
 * caller may see or change by party, membership and clearance, is the visibility policy in {@link
 * Viewer} and the services' checks.
 */
final class AccessRules {

  private AccessRules() {}

  /** Who may pass. */
  enum Access {
    /** Anyone, logged in or not: public records only. */
    ANYONE,
    /** Any logged-in person (pages) or valid personal access token (API). */
    SIGNED_IN,
    /** An administrator. */
    ADMINISTRATOR,
    /**
     * An administrator, or a coordinator or security officer of a party; the service then limits a
     * coordinator to the accounts of their own party, and a security officer to the clearance of
     * the accounts of their own party (decision 0021).
     */
    ACCOUNT_MANAGER,
    /**
     * An API call with a personal access token of scope write, or the operator token; the service
     * then decides by party, membership and role whether this record may be changed.
     */
    TOKEN_WRITE,
    /** The deployment's operator token. */
    OPERATOR
  }

  /** One rule: requests with this method whose path matches this pattern need this access. */
  record Rule(HttpMethod method, String pattern, Access access) {}

  private static List<Rule> reads(Access access, String... patterns) {
    List<Rule> rules = new java.util.ArrayList<>();
    for (String p : patterns) {
      rules.add(new Rule(HttpMethod.GET, p, access));
      rules.add(new Rule(HttpMethod.HEAD, p, access));
    }
    return rules;
  }

  /** Rules of the API chain ({@code /api/**}): tokens only, never the session cookie. */
  static final List<Rule> API =
      concat(
          reads(Access.OPERATOR, "/api/audit/**"),
          List.of(new Rule(HttpMethod.POST, "/api/audit/checkpoint/check", Access.OPERATOR)),
          reads(Access.SIGNED_IN, "/api/me"),
          reads(Access.ACCOUNT_MANAGER, "/api/accounts", "/api/accounts/**"),
          List.of(
              new Rule(HttpMethod.POST, "/api/accounts", Access.ACCOUNT_MANAGER),
              new Rule(HttpMethod.PATCH, "/api/accounts/*", Access.ACCOUNT_MANAGER),
              new Rule(HttpMethod.POST, "/api/charters/*/events", Access.TOKEN_WRITE),
              new Rule(HttpMethod.PATCH, "/api/charters/*/events/*", Access.TOKEN_WRITE),
              new Rule(
                  HttpMethod.POST, "/api/charters/*/working-groups/*/projects", Access.TOKEN_WRITE),
              new Rule(
                  HttpMethod.POST,
                  "/api/charters/*/working-groups/*/projects/import",
                  Access.TOKEN_WRITE),
              new Rule(HttpMethod.PATCH, "/api/projects/*", Access.TOKEN_WRITE),
              new Rule(HttpMethod.POST, "/api/projects/*/stage", Access.TOKEN_WRITE),
              new Rule(
                  HttpMethod.POST,
                  "/api/charters/*/working-groups/*/project-list/*",
                  Access.TOKEN_WRITE),
              // the one agreement workflow: a step on any subject (project-list, roadmap, ...)
              new Rule(HttpMethod.POST, "/api/charters/*/agreements/*/*/*", Access.TOKEN_WRITE)),
          List.of(
              new Rule(
                  HttpMethod.POST,
                  "/api/charters/*/working-groups/*/roadmap/*",
                  Access.TOKEN_WRITE),
              new Rule(HttpMethod.PUT, "/api/milestones/*", Access.TOKEN_WRITE),
              new Rule(
                  HttpMethod.PUT,
                  "/api/charters/*/working-groups/*/delegates/*",
                  Access.TOKEN_WRITE),
              new Rule(
                  HttpMethod.DELETE,
                  "/api/charters/*/working-groups/*/delegates/*",
                  Access.TOKEN_WRITE)),
          reads(
              Access.SIGNED_IN,
              "/api/me/calendars",
              "/api/me/reminders",
              "/api/me/notifications",
              "/api/me/notifications/*"),
          List.of(
              new Rule(HttpMethod.POST, "/api/me/calendars", Access.TOKEN_WRITE),
              new Rule(HttpMethod.DELETE, "/api/me/calendars/*", Access.TOKEN_WRITE),
              new Rule(HttpMethod.PUT, "/api/me/reminders", Access.TOKEN_WRITE),
              new Rule(HttpMethod.POST, "/api/me/notifications/*/read", Access.TOKEN_WRITE),
              new Rule(HttpMethod.POST, "/api/reminders/run", Access.OPERATOR)),
          List.of(
              new Rule(HttpMethod.POST, "/api/charters/*/meetings", Access.TOKEN_WRITE),
              new Rule(HttpMethod.POST, "/api/charters/*/dialogue-platforms", Access.TOKEN_WRITE),
              new Rule(HttpMethod.PUT, "/api/charters/*/dialogue-platforms/*", Access.TOKEN_WRITE),
              new Rule(HttpMethod.PATCH, "/api/meetings/*", Access.TOKEN_WRITE),
              new Rule(HttpMethod.POST, "/api/meetings/*/participants", Access.TOKEN_WRITE),
              new Rule(HttpMethod.POST, "/api/meetings/*/attendance", Access.TOKEN_WRITE),
              new Rule(HttpMethod.POST, "/api/meetings/*/agenda-items", Access.TOKEN_WRITE),
              new Rule(HttpMethod.POST, "/api/meetings/*/decisions", Access.TOKEN_WRITE),
              new Rule(HttpMethod.POST, "/api/meetings/*/action-items", Access.TOKEN_WRITE),
              new Rule(HttpMethod.PUT, "/api/meetings/*/statement", Access.TOKEN_WRITE),
              new Rule(HttpMethod.POST, "/api/meetings/*/statement/*", Access.TOKEN_WRITE),
              new Rule(HttpMethod.PATCH, "/api/action-items/*", Access.TOKEN_WRITE),
              new Rule(HttpMethod.POST, "/api/action-items/*/milestone", Access.TOKEN_WRITE)),
          reads(Access.SIGNED_IN, "/api/me/action-items"),
          // the translation workflow (issue 19): what awaits translation, a text beside its source,
          // for people signed in (each list and text only what the caller may see); saving one
          reads(Access.SIGNED_IN, "/api/charters/*/translations/*", "/api/translations/*/*/*"),
          List.of(new Rule(HttpMethod.PUT, "/api/translations/*/*/*", Access.TOKEN_WRITE)),
          reads(
              Access.ANYONE, "/api/meetings/*", "/api/meetings/*/statement", "/api/action-items/*"),
          reads(Access.ANYONE, "/api/projects/*", "/api/projects/*/progress"),
          List.of(
              new Rule(HttpMethod.POST, "/api/charters/*/indicators", Access.TOKEN_WRITE),
              new Rule(HttpMethod.POST, "/api/indicators/*/values", Access.TOKEN_WRITE),
              new Rule(HttpMethod.POST, "/api/indicators/*/values/import", Access.TOKEN_WRITE)),
          reads(Access.ANYONE, "/api/indicators/*", "/api/indicators/*/values.csv"),
          // open data: an export's import (the service admits the operator and administrators)
          List.of(new Rule(HttpMethod.POST, "/api/import", Access.TOKEN_WRITE)),
          // dashboards: for people signed in; each figure counts only what the caller may see
          reads(Access.SIGNED_IN, "/api/dashboard/*"),
          // the annual report: anyone; the service builds it from what the caller may see
          reads(Access.ANYONE, "/api/charters/*/report", "/api/charters/*/report.pdf"),
          // the directory of organizations: people signed in read it, coordinators manage it
          reads(
              Access.SIGNED_IN, "/api/charters/*/organizations", "/api/charters/*/organizations/*"),
          List.of(
              new Rule(HttpMethod.POST, "/api/charters/*/organizations", Access.TOKEN_WRITE),
              new Rule(HttpMethod.PUT, "/api/charters/*/organizations/*", Access.TOKEN_WRITE)),
          reads(Access.ANYONE, "/api/charters", "/api/charters/**"),
          // the deployment's public key, for anyone to check its signatures (issue 20)
          reads(Access.ANYONE, "/api/transparency/key"));

  /** Rules of the page chain: sessions, forms with CSRF tokens. */
  static final List<Rule> PAGES =
      concat(
          reads(Access.SIGNED_IN, "/charters/*/meetings/new", "/charters/*/events/new"),
          // the translation workflow (issue 19): a secretariat's queue under the charter's
          // workspace and the side-by-side editor, for people signed in
          reads(Access.SIGNED_IN, "/charters/*/workspace/translations/*", "/translations/*/*/*"),
          List.of(new Rule(HttpMethod.POST, "/translations/*/*/*", Access.SIGNED_IN)),
          // a co-chair's delegation page (issue 18): before the charters' public pages below
          reads(Access.SIGNED_IN, "/charters/*/working-groups/*/delegates"),
          List.of(
              new Rule(HttpMethod.POST, "/charters/*/working-groups/*/delegates", Access.SIGNED_IN),
              new Rule(
                  HttpMethod.POST,
                  "/charters/*/working-groups/*/delegates/*/revoke",
                  Access.SIGNED_IN)),
          // the annual report: anyone; the service builds it from what the caller may see
          reads(Access.ANYONE, "/charters/*/report", "/charters/*/report.pdf"),
          // the directory of organizations: people signed in read it, coordinators manage it
          reads(Access.SIGNED_IN, "/charters/*/organizations", "/charters/*/organizations/*"),
          List.of(
              new Rule(HttpMethod.POST, "/charters/*/organizations", Access.SIGNED_IN),
              new Rule(HttpMethod.POST, "/charters/*/organizations/*", Access.SIGNED_IN)),
          reads(
              Access.ANYONE,
              "/",
              "/charters",
              "/charters/**",
              "/css/**",
              "/js/**",
              "/webjars/**",
              "/favicon.ico",
              "/v3/api-docs",
              "/v3/api-docs/**",
              "/swagger-ui.html",
              "/swagger-ui/**",
              "/actuator/health",
              "/actuator/health/**",
              "/login",
              "/setup",
              "/error"),
          List.of(
              new Rule(HttpMethod.POST, "/setup", Access.ANYONE),
              new Rule(HttpMethod.POST, "/error", Access.ANYONE)),
          reads(Access.ANYONE, "/projects/*"),
          // a project's edit form and stage form: for people signed in; the service decides who
          // may change which project, as it does for the API
          reads(Access.SIGNED_IN, "/projects/*/edit"),
          List.of(
              new Rule(HttpMethod.POST, "/projects/*/edit", Access.SIGNED_IN),
              new Rule(HttpMethod.POST, "/projects/*/stage", Access.SIGNED_IN)),
          // the public portal: what both parties agreed to publish, for anyone
          reads(Access.ANYONE, "/public", "/public/**"),
          // a calendar feed: its secret is the key, so no login (calendar programs have none)
          reads(Access.ANYONE, "/calendars/*.ics"),
          List.of(
              new Rule(
                  HttpMethod.POST, "/charters/*/working-groups/*/project-list/*", Access.SIGNED_IN),
              new Rule(HttpMethod.POST, "/charters/*/working-groups/*/roadmap/*", Access.SIGNED_IN),
              new Rule(
                  HttpMethod.POST,
                  "/charters/*/working-groups/*/roadmap/milestones/*",
                  Access.SIGNED_IN),
              new Rule(HttpMethod.POST, "/charters/*/working-groups/*/projects", Access.SIGNED_IN),
              new Rule(HttpMethod.POST, "/charters/*/working-groups/*/import", Access.SIGNED_IN),
              new Rule(HttpMethod.POST, "/charters/*/events", Access.SIGNED_IN),
              new Rule(HttpMethod.POST, "/charters/*/events/*", Access.SIGNED_IN)),
          reads(Access.ANYONE, "/meetings/*", "/statements/*"),
          reads(Access.ANYONE, "/indicators/*", "/indicators/*/values.csv"),
          List.of(
              new Rule(HttpMethod.POST, "/charters/*/indicators", Access.SIGNED_IN),
              new Rule(HttpMethod.POST, "/indicators/*/values", Access.SIGNED_IN),
              new Rule(HttpMethod.POST, "/indicators/*/values/import", Access.SIGNED_IN)),
          List.of(
              new Rule(HttpMethod.POST, "/charters/*/meetings", Access.SIGNED_IN),
              new Rule(HttpMethod.POST, "/charters/*/dialogue-platforms", Access.SIGNED_IN),
              new Rule(HttpMethod.POST, "/charters/*/dialogue-platforms/*/*", Access.SIGNED_IN),
              new Rule(HttpMethod.POST, "/meetings/*/*", Access.SIGNED_IN),
              new Rule(HttpMethod.POST, "/meetings/*/statement/*", Access.SIGNED_IN),
              new Rule(HttpMethod.POST, "/action-items/*/*", Access.SIGNED_IN)),
          reads(Access.SIGNED_IN, "/account/action-items"),
          // dashboards: for people signed in; each figure counts only what the viewer may see
          reads(Access.SIGNED_IN, "/dashboard", "/dashboard/*"),
          reads(Access.SIGNED_IN, "/imports/*"),
          reads(Access.SIGNED_IN, "/account", "/account/tokens", "/account/password"),
          List.of(
              new Rule(HttpMethod.POST, "/account/password", Access.SIGNED_IN),
              new Rule(HttpMethod.POST, "/account/tokens", Access.SIGNED_IN),
              new Rule(HttpMethod.POST, "/account/tokens/*/revoke", Access.SIGNED_IN)),
          reads(
              Access.SIGNED_IN,
              "/account/calendars",
              "/account/reminders",
              "/account/notifications"),
          List.of(
              new Rule(HttpMethod.POST, "/account/calendars", Access.SIGNED_IN),
              new Rule(HttpMethod.POST, "/account/calendars/*/revoke", Access.SIGNED_IN),
              new Rule(HttpMethod.POST, "/account/reminders", Access.SIGNED_IN),
              new Rule(HttpMethod.POST, "/account/notifications/*/read", Access.SIGNED_IN)),
          reads(Access.ACCOUNT_MANAGER, "/admin/accounts", "/admin/accounts/**"),
          reads(Access.ADMINISTRATOR, "/admin/audit", "/admin/audit/**"),
          List.of(
              new Rule(HttpMethod.POST, "/admin/audit/alarms/*/acknowledge", Access.ADMINISTRATOR),
              new Rule(HttpMethod.POST, "/admin/accounts", Access.ACCOUNT_MANAGER),
              new Rule(HttpMethod.POST, "/admin/accounts/*", Access.ACCOUNT_MANAGER)));

  @SafeVarargs
  private static List<Rule> concat(List<Rule>... lists) {
    List<Rule> all = new java.util.ArrayList<>();
    for (List<Rule> l : lists) {
      all.addAll(l);
    }
    return List.copyOf(all);
  }
}
