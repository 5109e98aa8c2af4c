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
      boolean enabled) {}

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
        .query(
            (rs, n) ->
                new AccountView(
                    rs.getObject("id", UUID.class),
                    rs.getString("username"),
                    rs.getString("display_name"),
                    rs.getString("party"),
                    rs.getString("organization"),
                    roles(rs.getString("roles")),
                    rs.getBoolean("clearance"),
                    rs.getBoolean("enabled")))
        .optional();
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
