package org.entente.identity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.entente.audit.Audit;
import org.entente.shared.BadRequestException;
import org.entente.shared.CharterKey;
import org.entente.shared.ConflictException;
import org.entente.shared.ForbiddenException;
import org.entente.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The identity module's service: accounts and the one-time link that creates the first
 * administrator. There is no default account. The rules of an account's fields are in {@link
 * AccountRules}, who may give what in {@link AccountChecks} and {@link Grants}, the SQL in {@link
 * AccountStore}, the audit trail in {@link AccountEvents}.
 */
@Service
@Transactional(readOnly = true)
public class Accounts {

  private final Clock clock;
  private final Passwords passwords;
  private final AccountStore store;
  private final AccountChecks checks;
  private final AccountEvents events;
  private final GrantRefusals refusals;
  private final Delegations delegations;
  private final SetupTokens setupTokens;

  Accounts(
      Clock clock,
      Passwords passwords,
      AccountStore store,
      AccountChecks checks,
      AccountEvents events,
      GrantRefusals refusals,
      Delegations delegations,
      SetupTokens setupTokens) {
    this.clock = clock;
    this.passwords = passwords;
    this.store = store;
    this.checks = checks;
    this.events = events;
    this.refusals = refusals;
    this.delegations = delegations;
    this.setupTokens = setupTokens;
  }

  /** The viewer's own account, showing only the memberships of groups the viewer may see. */
  public Optional<AccountView> own(Viewer viewer) {
    return find(viewer.username()).map(a -> checks.seenBy(a, viewer));
  }

  /** Every account the actor manages, by user name, as the actor may see it. */
  public List<AccountView> list(Viewer actor) {
    List<GroupDirectory.Group> groups = checks.groups();
    return list().stream()
        .filter(a -> AccountChecks.manages(actor, a.party()))
        .map(a -> AccountChecks.seenBy(a, actor, groups))
        .toList();
  }

  /**
   * An account the actor manages.
   *
   * @throws NotFoundException when there is none, or the actor does not manage it
   */
  public AccountView manage(String username, Viewer actor) {
    return find(username)
        .filter(a -> AccountChecks.manages(actor, a.party()))
        .map(a -> checks.seenBy(a, actor))
        .orElseThrow(() -> new NotFoundException("account", username));
  }

  /**
   * Creates an account, for an administrator, or for a coordinator in their own party, giving only
   * what the actor may give (decision 0021). A refusal is recorded as a denied request.
   *
   * @throws ForbiddenException naming the field when the actor may not give a party, role,
   *     membership, co-chair seat or clearance
   * @throws BadRequestException naming the field when the input does not meet the rules
   */
  @Transactional
  public AccountView create(NewAccount account, Viewer actor) {
    recordingRefusals("account", account.username(), () -> checks.create(account, actor));
    AccountView created = create(account);
    if (account.clearance()) {
      events.clearance(created, true, actor);
    }
    return checks.seenBy(created, actor);
  }

  /**
   * Runs a check; records a refusal of a grant (a forbidden change, or a membership refused) as a
   * denied request, and throws it on.
   */
  private void recordingRefusals(String what, String to, Runnable check) {
    try {
      check.run();
    } catch (ForbiddenException e) {
      refusals.record(what, to, e.field(), e.getMessage());
      throw e;
    } catch (BadRequestException e) {
      if ("memberships".equals(e.field())) {
        refusals.record(what, to, e.field(), e.getMessage());
      }
      throw e;
    }
  }

  /**
   * Applies a change made against a version, for an administrator, a coordinator in their own
   * party, or a security officer of the person's party (clearance only), giving or taking away only
   * what the actor may (decision 0021). A refusal is recorded as a denied request.
   *
   * @throws NotFoundException when the actor does not manage the account
   * @throws ForbiddenException naming the field the actor may not change
   */
  @Transactional
  public AccountView update(String username, AccountChange change, Viewer actor) {
    AccountView current;
    try {
      current = manage(username, actor);
    } catch (NotFoundException e) {
      refusals.record("account", username, null, e.getMessage());
      throw e;
    }
    AccountView stored = find(username).orElseThrow();
    recordingRefusals(
        "account", stored.username(), () -> checks.change(stored, current, change, actor));
    AccountView after = update(username, AccountChecks.keepingUnseen(stored, current, change));
    if (after.clearance() != stored.clearance()) {
      events.clearance(after, after.clearance(), actor);
    }
    return checks.seenBy(after, actor);
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
      org.entente.shared.LocalizedText name,
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
    return store.count();
  }

  /**
   * Whether an organization is known to the partnership: one that an enabled account belongs to
   * (compared without regard to case or surrounding spaces). Never lists them.
   */
  public boolean knowsOrganization(String organization) {
    if (organization == null || organization.isBlank()) {
      return false;
    }
    return store.knowsOrganization(organization.strip().toLowerCase(Locale.ROOT));
  }

  public Optional<AccountView> find(String username) {
    return store.find(AccountRules.normalize(username));
  }

  /** The account, its memberships left out (none listed): one statement, for a name or email. */
  public Optional<AccountView> withoutMemberships(String username) {
    return store.withoutMemberships(AccountRules.normalize(username));
  }

  /**
   * The groups the account form offers this actor: those they may give a membership of, and those
   * they may see that the account already belongs to (so that it can be kept or removed).
   */
  List<GroupDirectory.Group> groups(Viewer actor, AccountView account) {
    return checks.offered(actor, account);
  }

  /**
   * A co-chair of a group delegates the approval for their party to a member of the group of the
   * same party, or takes it back.
   *
   * @throws NotFoundException when there is no such group or member
   * @throws ForbiddenException when the actor is not a co-chair of the group, or the member is of
   *     another party
   */
  @Transactional
  public void delegate(
      CharterKey charterKey, String groupKey, String username, boolean approves, Viewer actor) {
    try {
      delegations.delegate(charterKey, groupKey, username, approves, actor);
    } catch (ForbiddenException e) {
      refusals.record("delegation", username, e.field(), e.getMessage());
      throw e;
    } catch (NotFoundException e) {
      refusals.record("delegation", username, null, e.getMessage());
      throw e;
    }
  }

  /** The user names of the enabled accounts, in order: whom a daily run is for. */
  public List<String> enabledUsernames() {
    return store.enabledUsernames();
  }

  /** Every account, by user name. */
  public List<AccountView> list() {
    return store.list();
  }

  /**
   * Creates an account, for an administrator.
   *
   * @throws BadRequestException naming the field when the input does not meet the rules
   */
  @Transactional
  public AccountView create(NewAccount account) {
    AccountRules.requireRoles(account.roles());
    AccountView created = insert(account);
    if (account.memberships() != null && !account.memberships().isEmpty()) {
      store.replaceMemberships(created.id(), checks.resolve(account.memberships()), now());
      created = find(created.username()).orElseThrow();
    }
    events.created(created);
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
   * @throws ConflictException when the account changed since that version
   */
  @Transactional
  public AccountView update(String username, AccountChange change) {
    AccountView current =
        find(username).orElseThrow(() -> new NotFoundException("account", username));
    if (change.version() == null) {
      throw new BadRequestException(
          "version", "the version the change was made against is required");
    }
    if (change.version() != current.version()) {
      throw new ConflictException("account", current.version());
    }
    AccountRules.Fields fields = AccountRules.changed(current, change);
    if (!store.update(current, fields, now())) {
      throw new ConflictException("account", find(username).orElseThrow().version());
    }
    if (change.memberships() != null) {
      store.replaceMemberships(current.id(), checks.resolve(change.memberships()), now());
    }
    AccountView after = find(username).orElseThrow();
    events.updated(current, after);
    return after;
  }

  /**
   * Gives an account a new password: for sample accounts whose passwords are made anew at each
   * start (the demo profile). Audited; the password itself never is.
   *
   * @throws NotFoundException when there is no such account
   * @throws BadRequestException when the password does not meet the rules
   */
  @Transactional
  public void resetPassword(String username, String password) {
    AccountView account =
        find(username).orElseThrow(() -> new NotFoundException("account", username));
    Passwords.check("password", password, account.username());
    store.password(account.id(), passwords.encode(password), now());
    events.passwordReset(account);
  }

  /**
   * Makes a new one-time setup token while no account exists, replacing any earlier one.
   *
   * @return the token, to be shown once; empty when an account already exists
   */
  @Transactional
  public Optional<String> issueSetupToken() {
    return setupTokens.issue(now());
  }

  /** Whether a setup token is the current, unused one while no account exists. */
  public boolean isValidSetupToken(String token) {
    return setupTokens.isValid(token);
  }

  /**
   * Creates the first administrator with the one-time setup token, and uses the token up.
   *
   * @throws BadRequestException naming the field when the input does not meet the rules
   * @throws SetupClosedException when the token is wrong, used, or an account already exists
   */
  @Transactional
  public AccountView createFirstAdministrator(String token, NewAccount account) {
    setupTokens.open(token);
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
    setupTokens.use(now());
    events.firstAdministrator(created);
    return created;
  }

  private AccountView insert(NewAccount account) {
    AccountRules.Fields fields = AccountRules.newAccount(account);
    String username = AccountRules.normalize(account.username());
    if (find(username).isPresent()) {
      throw new BadRequestException("username", "the user name '" + username + "' is taken");
    }
    store.insert(UUID.randomUUID(), username, fields, passwords.encode(account.password()), now());
    return find(username).orElseThrow();
  }

  /** The roles and state of an account now, read on every request so that changes apply at once. */
  Optional<StoredLogin> current(String username) {
    return login(username);
  }

  /** The stored form of an account for login; package-private, never leaves the module. */
  Optional<StoredLogin> login(String username) {
    return store.login(AccountRules.normalize(username));
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
    return AccountRules.roles(text);
  }

  static String sha256(String value) {
    return AccountRules.sha256(value);
  }
}
