package org.entente.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows repeated failed logins, per account name and per source address, in the database so that
 * every application node sees the same counts. After {@value #FREE_FAILURES} failures within {@link
 * #WINDOW} (for an address, {@value #FREE_FAILURES_PER_ADDRESS}), each further attempt must wait,
 * doubling from 30 seconds up to 15 minutes. A success clears the account's count.
 */
@Component
class LoginThrottle {

  static final int FREE_FAILURES = 5;
  static final int FREE_FAILURES_PER_ADDRESS = 20;
  static final Duration WINDOW = Duration.ofMinutes(15);
  static final Duration FIRST_WAIT = Duration.ofSeconds(30);
  static final Duration MAX_WAIT = Duration.ofMinutes(15);

  private final JdbcClient jdbc;
  private final Clock clock;

  LoginThrottle(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** How long the caller must still wait before trying again, if at all. */
  @Transactional(readOnly = true)
  public Optional<Duration> waitFor(String username, String address) {
    Instant now = clock.instant();
    Duration wait = Duration.ZERO;
    for (String key : keys(username, address)) {
      Optional<OffsetDateTime> until =
          jdbc.sql("select blocked_until from login_throttle where throttle_key = ?")
              .param(key)
              .query((rs, n) -> rs.getObject("blocked_until", OffsetDateTime.class))
              .optional();
      if (until.isPresent() && until.get() != null && until.get().toInstant().isAfter(now)) {
        Duration left = Duration.between(now, until.get().toInstant());
        if (left.compareTo(wait) > 0) {
          wait = left;
        }
      }
    }
    return wait.isZero() ? Optional.empty() : Optional.of(wait);
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void failed(String username, String address) {
    String[] keys = keys(username, address);
    failed(keys[0], FREE_FAILURES);
    if (keys.length > 1) {
      failed(keys[1], FREE_FAILURES_PER_ADDRESS);
    }
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void succeeded(String username) {
    jdbc.sql("delete from login_throttle where throttle_key = ?")
        .param(accountKey(username))
        .update();
  }

  private void failed(String key, int free) {
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    record Row(int failures, OffsetDateTime first) {}
    Optional<Row> row =
        jdbc.sql(
                "select failures, first_failure from login_throttle where throttle_key = ? for update")
            .param(key)
            .query((rs, n) -> new Row(rs.getInt(1), rs.getObject(2, OffsetDateTime.class)))
            .optional();
    if (row.isEmpty()) {
      // The first failure of this key. Another node (or thread) may be inserting the same key at
      // this moment: "on conflict do nothing" waits for it and then inserts nothing, where a plain
      // insert would fail on the duplicate key and, on PostgreSQL, abort this transaction so that
      // the failure could not be counted at all.
      int inserted =
          jdbc.sql(
                  "insert into login_throttle (throttle_key, failures, first_failure)"
                      + " values (?, 1, ?) on conflict do nothing")
              .params(key, now)
              .update();
      if (inserted == 1) {
        return;
      }
      row =
          jdbc.sql(
                  "select failures, first_failure from login_throttle where throttle_key = ? for update")
              .param(key)
              .query((rs, n) -> new Row(rs.getInt(1), rs.getObject(2, OffsetDateTime.class)))
              .optional();
    }
    Row current = row.orElseThrow();
    int failures = current.failures() + 1;
    OffsetDateTime first = current.first();
    if (Duration.between(first, now).compareTo(WINDOW) > 0 && current.failures() < free) {
      failures = 1;
      first = now;
    }
    OffsetDateTime blockedUntil = null;
    if (failures >= free) {
      int extra = Math.min(failures - free, 10);
      Duration wait = FIRST_WAIT.multipliedBy(1L << extra);
      if (wait.compareTo(MAX_WAIT) > 0) {
        wait = MAX_WAIT;
      }
      blockedUntil = now.plus(wait);
    }
    jdbc.sql(
            "update login_throttle set failures = ?, first_failure = ?, blocked_until = ?"
                + " where throttle_key = ?")
        .params(failures, first, blockedUntil, key)
        .update();
  }

  private static String[] keys(String username, String address) {
    return address == null
        ? new String[] {accountKey(username)}
        : new String[] {accountKey(username), "address:" + address};
  }

  private static String accountKey(String username) {
    String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    return "account:" + (name.length() > 150 ? name.substring(0, 150) : name);
  }
}
