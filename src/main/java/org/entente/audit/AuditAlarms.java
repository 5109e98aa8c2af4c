package org.entente.audit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.entente.audit.AuditEvent.Outcome;
import org.entente.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A broken audit chain, as the application found it: raised when a verification at start, on the
 * schedule or before signing a checkpoint fails, shown to administrators on every page (the
 * layout's banner reads {@link #open}) until one of them acknowledges it. Raising and acknowledging
 * are audit events ({@code audit.chain.broken}, {@code audit.chain.acknowledged}), appended to the
 * chain as it is: the application keeps recording what happens, and the break itself becomes part
 * of the trail (decision 0023).
 */
@Service
public class AuditAlarms {

  private static final Logger log = LoggerFactory.getLogger(AuditAlarms.class);

  /** The record type of the audit events about the chain itself. */
  static final String RECORD_TYPE = "audit_chain";

  private final JdbcClient jdbc;
  private final Audit audit;
  private final AuditVerifier verifier;
  private final Checkpoints checkpoints;
  private final Clock clock;
  private final TransactionTemplate transactions;

  AuditAlarms(
      JdbcClient jdbc,
      Audit audit,
      AuditVerifier verifier,
      Checkpoints checkpoints,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.verifier = verifier;
    this.checkpoints = checkpoints;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactions);
  }

  /**
   * A break not yet acknowledged.
   *
   * @param id what the acknowledgement names
   * @param firstBroken the first sequence number that does not check, as found
   * @param problem what was wrong there
   */
  public record Alarm(String id, Instant detectedAt, Long firstBroken, String problem) {}

  /** The earliest break no administrator acknowledged yet, if any: what the banner shows. */
  public Optional<Alarm> open() {
    return jdbc.sql(
            "select id, detected_at, first_broken, problem from audit_alarm"
                + " where acknowledged_at is null order by detected_at, id limit 1")
        .query(
            (rs, n) ->
                new Alarm(
                    rs.getString("id"),
                    rs.getObject("detected_at", OffsetDateTime.class).toInstant(),
                    rs.getObject("first_broken", Long.class),
                    rs.getString("problem")))
        .optional();
  }

  /**
   * Raises an alarm for a failed verification, unless one is open already (the banner shows it, and
   * the administrator who acknowledges it verifies the chain anew), or the same break (same place,
   * same problem) was acknowledged before: a chain broken in itself stays broken, and is found
   * again at every start.
   *
   * @return whether a new alarm was raised
   */
  boolean raise(AuditVerifier.Verification broken) {
    if (broken.intact()) {
      throw new IllegalArgumentException("an intact chain raises no alarm");
    }
    String fingerprint = fingerprint(broken);
    Boolean raised =
        transactions.execute(
            s -> {
              boolean known =
                  jdbc.sql(
                              "select count(*) from audit_alarm where fingerprint = ?"
                                  + " or acknowledged_at is null")
                          .param(fingerprint)
                          .query(Long.class)
                          .single()
                      > 0;
              if (known) {
                return false;
              }
              String id = UUID.randomUUID().toString();
              String problem = broken.problem() == null ? "" : broken.problem();
              if (problem.length() > 2000) {
                problem = problem.substring(0, 2000);
              }
              jdbc.sql(
                      "insert into audit_alarm (id, fingerprint, detected_at, first_broken,"
                          + " problem) values (?, ?, ?, ?, ?)")
                  .params(
                      id,
                      fingerprint,
                      OffsetDateTime.ofInstant(
                          Instant.now(clock).truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC),
                      broken.firstBroken(),
                      problem)
                  .update();
              Map<String, Object> details = new LinkedHashMap<>();
              details.put("alarm", id);
              details.put("firstBroken", broken.firstBroken());
              details.put("problem", problem);
              details.put("headSeq", broken.headSeq());
              details.put("headHash", broken.headHash());
              audit.append(
                  "system",
                  null,
                  "audit.chain.broken",
                  RECORD_TYPE,
                  id,
                  Outcome.FAILURE,
                  null,
                  details);
              return true;
            });
    if (Boolean.TRUE.equals(raised)) {
      log.error(
          "THE AUDIT CHAIN IS BROKEN at event {}: {}. Administrators see it on every page until"
              + " one of them acknowledges it; no checkpoint is signed over it.",
          broken.firstBroken(),
          broken.problem());
    }
    return Boolean.TRUE.equals(raised);
  }

  /**
   * An administrator acknowledges an alarm: recorded as an event by them, in the chain as it is.
   * Then, if no other alarm is open and the chain in the database verifies in itself (the break was
   * only against a checkpoint: a cut tail, events lost), a new checkpoint is signed over the head,
   * which now holds the acknowledgement and what was lost; the chain is checked against it from
   * then on. A chain that does not verify in itself (a changed or missing event) stays broken: no
   * checkpoint is signed until it is restored.
   *
   * @throws NotFoundException when there is no such open alarm
   */
  public void acknowledge(String id) {
    transactions.executeWithoutResult(
        s -> {
          Alarm alarm =
              jdbc.sql(
                      "select id, detected_at, first_broken, problem from audit_alarm"
                          + " where id = ? and acknowledged_at is null for update")
                  .param(id)
                  .query(
                      (rs, n) ->
                          new Alarm(
                              rs.getString("id"),
                              rs.getObject("detected_at", OffsetDateTime.class).toInstant(),
                              rs.getObject("first_broken", Long.class),
                              rs.getString("problem")))
                  .optional()
                  .orElseThrow(() -> new NotFoundException("alarm", id));
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("alarm", alarm.id());
          details.put("firstBroken", alarm.firstBroken());
          details.put("problem", alarm.problem());
          AuditEvent event =
              audit.record("audit.chain.acknowledged", RECORD_TYPE, id, Outcome.SUCCESS, details);
          jdbc.sql("update audit_alarm set acknowledged_at = ?, acknowledged_by = ? where id = ?")
              .params(
                  OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC), event.actor(), id)
              .update();
        });
    if (open().isEmpty() && verifier.verifyChain().intact()) {
      AuditVerifier.Verification chain = verifier.verifyChain();
      checkpoints.sign(new Audit.ChainHead(chain.headSeq(), chain.headHash()));
      log.warn(
          "The audit chain's break was acknowledged; a new checkpoint is signed over event {}",
          chain.headSeq());
    }
  }

  private static String fingerprint(AuditVerifier.Verification v) {
    String text = v.firstBroken() + "\n" + v.problem();
    return HexFormat.of()
        .formatHex(AuditHash.sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
