package org.entente.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.entente.audit.Audit;
import org.entente.audit.AuditEvent.Outcome;
import org.entente.shared.BadRequestException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A signed-in person changing their own password (ASVS V2.1.5, V3.3.3): the current password is
 * required, wrong ones count as failed logins, the new one meets {@link Passwords#check}, and every
 * other session of the person ends. Offered on a page only: an API token is a credential for a
 * program, and one stolen must not be able to take the account over (see
 * docs/decisions/0006-passwords-and-sessions.md).
 */
@Service
class OwnPassword {

  private final JdbcClient jdbc;
  private final Passwords passwords;
  private final LoginThrottle throttle;
  private final Audit audit;
  private final Clock clock;
  private final TransactionTemplate transaction;
  private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

  OwnPassword(
      JdbcClient jdbc,
      Passwords passwords,
      LoginThrottle throttle,
      Audit audit,
      Clock clock,
      TransactionTemplate transaction,
      ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
    this.jdbc = jdbc;
    this.passwords = passwords;
    this.throttle = throttle;
    this.audit = audit;
    this.clock = clock;
    this.transaction = transaction;
    this.sessions = sessions;
  }

  /**
   * Changes the password of a signed-in person.
   *
   * @param keptSession the id of the session the change is made from, which stays signed in; every
   *     other session of the person ends. Null when there is none.
   * @return how many other sessions ended
   * @throws BadRequestException naming {@code currentPassword} when it is wrong (or too many wrong
   *     ones were given lately), {@code confirmPassword} when the two new ones differ, {@code
   *     newPassword} when the new one does not meet the rules or is the current one
   */
  int change(
      String username,
      String current,
      String next,
      String confirm,
      String address,
      String keptSession) {
    var wait = throttle.waitFor(username, address);
    if (wait.isPresent()) {
      audit.record(
          "account.password-change",
          "account",
          null,
          Outcome.DENIED,
          Map.of("waitSeconds", wait.get().toSeconds()));
      throw new BadRequestException(
          "currentPassword",
          "too many wrong passwords: try again in " + seconds(wait.get()) + " seconds");
    }
    String hash =
        jdbc.sql("select password_hash from account where username = ? and enabled")
            .param(username)
            .query(String.class)
            .optional()
            .orElse(null);
    if (hash == null || current == null || !passwords.matches(current, hash)) {
      throttle.failed(username, address);
      audit.record(
          "account.password-change",
          "account",
          null,
          Outcome.FAILURE,
          Map.of("reason", "wrong current password"));
      throw new BadRequestException("currentPassword", "the current password is wrong");
    }
    Passwords.check("newPassword", next, username);
    if (!next.equals(confirm)) {
      throw new BadRequestException("confirmPassword", "the two new passwords differ");
    }
    if (next.equals(current)) {
      throw new BadRequestException(
          "newPassword", "the new password must differ from the current one");
    }
    throttle.succeeded(username);
    transaction.executeWithoutResult(
        status -> {
          String id =
              jdbc.sql("select id from account where username = ?")
                  .param(username)
                  .query(String.class)
                  .single();
          jdbc.sql(
                  "update account set password_hash = ?, version = version + 1, updated_at = ?"
                      + " where username = ?")
              .params(
                  passwords.encode(next),
                  OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)),
                  username)
              .update();
          audit.record("account.password-changed", "account", id, Outcome.SUCCESS, Map.of());
        });
    int ended = endOtherSessions(username, keptSession);
    return ended;
  }

  private int endOtherSessions(String username, String keptSession) {
    FindByIndexNameSessionRepository<?> repository = sessions.getIfAvailable();
    if (repository == null) {
      return 0;
    }
    int ended = 0;
    for (String id : repository.findByPrincipalName(username).keySet()) {
      if (!id.equals(keptSession)) {
        repository.deleteById(id);
        ended++;
      }
    }
    return ended;
  }

  private static long seconds(Duration wait) {
    return Math.max(1, wait.toSeconds());
  }
}
