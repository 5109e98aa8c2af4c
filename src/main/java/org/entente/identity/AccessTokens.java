package org.entente.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.entente.audit.Audit;
import org.entente.audit.AuditEvent.Outcome;
import org.entente.shared.BadRequestException;
import org.entente.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens for API clients: made by their owner, shown once, stored as a SHA-256
 * hash, scoped read or write, expiring (at most a year), revocable at once.
 */
@Service
@Transactional(readOnly = true)
public class AccessTokens {

  static final String PREFIX = "ent_";
  static final int MAX_DAYS = 366;

  /**
   * How exact "last used" is. A token is written back as used at most once per this span: a client
   * calling many times a second would otherwise make every read a write (a row lock and a commit
   * flushed to disk per request, with all its calls queueing on the same row).
   */
  static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Accounts accounts;
  private final Audit audit;

  AccessTokens(JdbcClient jdbc, Clock clock, Accounts accounts, Audit audit) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.accounts = accounts;
    this.audit = audit;
  }

  /** Read lets a client read what its owner may read; write lets it change things too. */
  public enum Scope {
    READ,
    WRITE
  }

  /** A token as its owner sees it later: never the secret. */
  public record TokenView(
      UUID id,
      String name,
      String prefix,
      Scope scope,
      Instant createdAt,
      Instant expiresAt,
      Instant revokedAt,
      Instant lastUsedAt) {

    public boolean active(Instant now) {
      return revokedAt == null && expiresAt.isAfter(now);
    }
  }

  /** A new token with its secret, shown once. */
  public record NewToken(TokenView token, String secret) {}

  /** The owner and scope of a valid token. */
  /**
   * A token's holder as it is now, read with the token so that a call needs one statement to know
   * who makes it.
   *
   * @param login the account (without its password hash)
   * @param scope what the token allows
   */
  record Holder(Accounts.StoredLogin login, Scope scope) {}

  @Transactional
  public NewToken create(String username, String name, Scope scope, int days) {
    var account =
        accounts.find(username).orElseThrow(() -> new NotFoundException("account", username));
    String label = name == null ? "" : name.strip();
    if (label.isEmpty() || label.length() > 100) {
      throw new BadRequestException("name", "a token's name has 1 to 100 characters");
    }
    if (scope == null) {
      throw new BadRequestException("scope", "scope must be READ or WRITE");
    }
    if (days < 1 || days > MAX_DAYS) {
      throw new BadRequestException("days", "a token lasts 1 to " + MAX_DAYS + " days");
    }
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String secret = PREFIX + HexFormat.of().formatHex(bytes);
    UUID id = UUID.randomUUID();
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    jdbc.sql(
            "insert into personal_access_token (id, account_id, name, token_hash, token_prefix,"
                + " scope, created_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            account.id(),
            label,
            Accounts.sha256(secret),
            secret.substring(0, 12),
            scope.name(),
            now,
            now.plus(Duration.ofDays(days)))
        .update();
    audit.record(
        "token.created",
        "personal_access_token",
        id.toString(),
        Outcome.SUCCESS,
        Map.of("name", label, "scope", scope.name(), "days", days));
    return new NewToken(find(id).orElseThrow(), secret);
  }

  public List<TokenView> list(String username) {
    return jdbc.sql(
            "select t.* from personal_access_token t join account a on a.id = t.account_id"
                + " where a.username = ? order by t.created_at desc")
        .param(username)
        .query((rs, n) -> view(rs))
        .list();
  }

  /** Revokes one of the owner's tokens; another person's token answers 404. */
  @Transactional
  public void revoke(String username, UUID id) {
    int revoked =
        jdbc.sql(
                "update personal_access_token set revoked_at = ? where id = ? and revoked_at is null"
                    + " and account_id = (select id from account where username = ?)")
            .params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), id, username)
            .update();
    if (revoked == 0) {
      throw new NotFoundException("token", id.toString());
    }
    audit.record(
        "token.revoked", "personal_access_token", id.toString(), Outcome.SUCCESS, Map.of());
  }

  /** The holder of a valid token: not revoked, not expired, its account enabled. */
  @Transactional
  Optional<Holder> authenticate(String secret) {
    if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
      return Optional.empty();
    }
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    Optional<Holder> holder =
        jdbc.sql(
                "select a.username, a.roles, a.party, t.scope, t.id, t.last_used_at from"
                    + " personal_access_token t"
                    + " join account a on a.id = t.account_id where t.token_hash = ? and"
                    + " t.revoked_at is null and t.expires_at > ? and a.enabled = true")
            .params(Accounts.sha256(secret), now)
            .query(
                (rs, n) -> {
                  Instant lastUsed = instant(rs, "last_used_at");
                  if (lastUsed == null
                      || !lastUsed.isAfter(now.toInstant().minus(LAST_USED_RESOLUTION))) {
                    jdbc.sql("update personal_access_token set last_used_at = ? where id = ?")
                        .params(now, rs.getObject("id", UUID.class))
                        .update();
                  }
                  return new Holder(
                      new Accounts.StoredLogin(
                          rs.getString("username"),
                          null,
                          Accounts.roles(rs.getString("roles")),
                          true,
                          rs.getString("party")),
                      Scope.valueOf(rs.getString("scope")));
                })
            .optional();
    return holder;
  }

  private Optional<TokenView> find(UUID id) {
    return jdbc.sql("select * from personal_access_token where id = ?")
        .param(id)
        .query((rs, n) -> view(rs))
        .optional();
  }

  private static TokenView view(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new TokenView(
        rs.getObject("id", UUID.class),
        rs.getString("name"),
        rs.getString("token_prefix"),
        Scope.valueOf(rs.getString("scope")),
        instant(rs, "created_at"),
        instant(rs, "expires_at"),
        instant(rs, "revoked_at"),
        instant(rs, "last_used_at"));
  }

  private static Instant instant(java.sql.ResultSet rs, String column)
      throws java.sql.SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
