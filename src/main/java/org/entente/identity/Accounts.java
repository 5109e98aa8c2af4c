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

  Accounts(JdbcClient jdbc, Clock clock, Passwords passwords, Audit audit) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.passwords = passwords;
    this.audit = audit;
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
      long version) {}

  /** What it takes to create an account. */
  public record NewAccount(
      String username,
      String displayName,
      String party,
      String organization,
      Set<Role> roles,
      boolean clearance,
      String password) {}

  public long count() {
    return jdbc.sql("select count(*) from account").query(Long.class).single();
  }

  public Optional<AccountView> find(String username) {
    return jdbc.sql("select * from account where username = ?")
        .param(normalize(username))
        .query((rs, n) -> view(rs))
        .optional();
  }

  private static AccountView view(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new AccountView(
        rs.getObject("id", UUID.class),
        rs.getString("username"),
        rs.getString("display_name"),
        rs.getString("party"),
        rs.getString("organization"),
        roles(rs.getString("roles")),
        rs.getBoolean("clearance"),
        rs.getBoolean("enabled"),
        rs.getLong("version"));
  }

  /** Every account, by user name. */
  public List<AccountView> list() {
    return jdbc.sql("select * from account order by username").query((rs, n) -> view(rs)).list();
  }

  /**
   * Creates an account, for an administrator.
   *
   * @throws BadRequestException naming the field when the input does not meet the rules
   */
  @Transactional
  public AccountView create(NewAccount account) {
    if (account.roles() == null || account.roles().isEmpty()) {
      throw new BadRequestException("roles", "an account needs at least one role");
    }
    AccountView created = insert(account);
    audit.record(
        "account.created",
        "account",
        created.id().toString(),
        Outcome.SUCCESS,
        Map.of(
            "username", created.username(),
            "roles", created.roles().toString(),
            "party", String.valueOf(created.party()),
            "clearance", created.clearance()));
    return created;
  }

  /**
   * Changes to an account; null fields stay as they are.
   *
   * @param version the version the change was made against
   */
  public record AccountChange(
      String displayName,
      String organization,
      String party,
      Set<Role> roles,
      Boolean clearance,
      Boolean enabled,
      Long version) {}

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
    if (roles.isEmpty()) {
      throw new BadRequestException("roles", "an account needs at least one role");
    }
    int updated =
        jdbc.sql(
                "update account set display_name = ?, organization = ?, party = ?, roles = ?,"
                    + " clearance = ?, enabled = ?, version = version + 1, updated_at = ?"
                    + " where id = ? and version = ?")
            .params(
                displayName,
                organization,
                party,
                roles.stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                change.clearance() == null ? current.clearance() : change.clearance(),
                change.enabled() == null ? current.enabled() : change.enabled(),
                now(),
                current.id(),
                current.version())
            .update();
    if (updated == 0) {
      throw new org.entente.shared.ConflictException(
          "account", find(username).orElseThrow().version());
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
    if (!java.util.Objects.equals(after.party(), current.party())) {
      details.put("party", String.valueOf(after.party()));
    }
    audit.record("account.updated", "account", after.id().toString(), Outcome.SUCCESS, details);
    return after;
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
    jdbc.sql("delete from setup_token").update();
    jdbc.sql("insert into setup_token (id, token_hash, created_at) values (1, ?, ?)")
        .params(sha256(token), now)
        .update();
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
    Passwords.check("password", account.password());
    if (find(username).isPresent()) {
      throw new BadRequestException("username", "the user name '" + username + "' is taken");
    }
    UUID id = UUID.randomUUID();
    OffsetDateTime now = now();
    jdbc.sql(
            "insert into account (id, username, display_name, party, organization, password_hash,"
                + " roles, clearance, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            username,
            displayName,
            account.party(),
            blankToNull(account.organization()),
            passwords.encode(account.password()),
            account.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
            account.clearance(),
            now,
            now)
        .update();
    return find(username).orElseThrow();
  }

  /** The roles and state of an account now, read on every request so that changes apply at once. */
  Optional<StoredLogin> current(String username) {
    return login(username);
  }

  /** The stored form of an account for login; package-private, never leaves the module. */
  Optional<StoredLogin> login(String username) {
    return jdbc.sql(
            "select username, password_hash, roles, enabled from account where username = ?")
        .param(normalize(username))
        .query(
            (rs, n) ->
                new StoredLogin(
                    rs.getString("username"),
                    rs.getString("password_hash"),
                    roles(rs.getString("roles")),
                    rs.getBoolean("enabled")))
        .optional();
  }

  record StoredLogin(String username, String passwordHash, Set<Role> roles, boolean enabled) {}

  /** The one-time setup token is wrong, used, or no longer needed. */
  public static class SetupClosedException extends RuntimeException {
    SetupClosedException() {
      super("the setup link is not valid");
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static Set<Role> roles(String text) {
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
