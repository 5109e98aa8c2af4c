package org.entente.audit;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes the audit chain from the first event and names the first sequence number where it
 * breaks: an edited row (its hash no longer matches), a removed row (a gap, or a previous hash that
 * does not match), or a cut tail (the chain ends before the head).
 */
@Component
public class AuditVerifier {

  private final JdbcClient jdbc;

  AuditVerifier(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The outcome of a verification.
   *
   * @param intact true when every event checks and the chain reaches the head
   * @param checked how many events were read
   * @param firstBroken the first sequence number that does not check, or null when intact
   * @param problem what is wrong there, in words, or null
   * @param headSeq the head's sequence number
   * @param headHash the hash of the last event that checked
   */
  public record Verification(
      boolean intact,
      long checked,
      Long firstBroken,
      String problem,
      long headSeq,
      String headHash) {}

  @Transactional(readOnly = true)
  public Verification verify() {
    Audit.ChainHead head =
        jdbc.sql("select seq, hash from audit_head where id = 1")
            .query((rs, n) -> new Audit.ChainHead(rs.getLong("seq"), rs.getString("hash")))
            .single();
    long[] state = {0}; // last good seq
    String[] previous = {AuditHash.GENESIS};
    AtomicReference<Verification> broken = new AtomicReference<>();
    long[] checked = {0};
    jdbc.sql("select * from audit_event order by seq")
        .withFetchSize(1000)
        .query(
            rs -> {
              if (broken.get() != null) {
                return;
              }
              AuditEvent e = Audit.event(rs);
              checked[0]++;
              long expected = state[0] + 1;
              String problem = null;
              long at = e.seq();
              if (e.seq() != expected) {
                problem = "event " + expected + " is missing";
                at = expected;
              } else if (!e.prevHash().equals(previous[0])) {
                problem = "its previous hash does not match the event before it";
              } else if (!AuditHash.of(e).equals(e.hash())) {
                problem = "its content does not match its hash: it was changed";
              }
              if (problem != null) {
                broken.set(
                    new Verification(false, checked[0], at, problem, head.seq(), previous[0]));
                return;
              }
              state[0] = e.seq();
              previous[0] = e.hash();
            });
    if (broken.get() != null) {
      return broken.get();
    }
    if (state[0] < head.seq()) {
      return new Verification(
          false,
          checked[0],
          state[0] + 1,
          "the chain ends at "
              + state[0]
              + " but its head is at "
              + head.seq()
              + ": events were removed",
          head.seq(),
          previous[0]);
    }
    if (state[0] > head.seq() || !previous[0].equals(head.hash())) {
      return new Verification(
          false,
          checked[0],
          head.seq() + 1 > state[0] ? state[0] : head.seq() + 1,
          "the head does not match the last event",
          head.seq(),
          previous[0]);
    }
    return new Verification(true, checked[0], null, null, head.seq(), previous[0]);
  }
}
